package dev.upshift.orchestrator.adapters.docker;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Keeps the last bytes written to it: the end of a long stderr is where the error is. */
final class TailBuffer extends OutputStream {

    private final byte[] ring;
    private long written;

    TailBuffer(int capacity) {
        this.ring = new byte[capacity];
    }

    @Override
    public void write(int b) {
        ring[(int) (written++ % ring.length)] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        int skipped = Math.max(0, length - ring.length);
        written += skipped;
        for (int i = skipped; i < length; i++) {
            write(bytes[offset + i]);
        }
    }

    /** The kept bytes as UTF-8, a character cut at the start replaced. */
    @Override
    public String toString() {
        int kept = (int) Math.min(written, ring.length);
        byte[] tail = new byte[kept];
        int start = (int) ((written - kept) % ring.length);
        for (int i = 0; i < kept; i++) {
            tail[i] = ring[(start + i) % ring.length];
        }
        return new String(tail, StandardCharsets.UTF_8);
    }
}
