package dev.upshift.orchestrator.adapters.docker;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

/**
 * A tar archive of one regular file, streamed from the file itself (a dump of many GB never sits in memory): a
 * ustar header, the bytes, padding and the end-of-archive blocks. Sizes beyond ustar's 8 GiB use the base-256
 * form that GNU tar and Docker (Go's archive/tar) read.
 */
final class SingleFileTar {

    private static final int BLOCK = 512;
    private static final long LARGEST_OCTAL_SIZE = 077777777777L;

    private SingleFileTar() {
    }

    /** The caller closes the stream; the file must not change while it is read. */
    static InputStream of(Path file, String entryName, int mode) throws IOException {
        long size = Files.size(file);
        long paddedSize = (size + BLOCK - 1) / BLOCK * BLOCK;
        byte[] trailer = new byte[(int) (paddedSize - size) + 2 * BLOCK];
        List<InputStream> parts = List.of(new ByteArrayInputStream(header(entryName, size, mode,
                        Files.getLastModifiedTime(file).toMillis() / 1000)),
                Files.newInputStream(file), new ByteArrayInputStream(trailer));
        return new SequenceInputStream(Collections.enumeration(parts));
    }

    static byte[] header(String entryName, long size, int mode, long mtimeSeconds) {
        byte[] name = entryName.getBytes(StandardCharsets.UTF_8);
        if (name.length == 0 || name.length > 100) {
            throw new IllegalArgumentException("a tar entry name must have 1 to 100 bytes: " + entryName);
        }
        byte[] header = new byte[BLOCK];
        System.arraycopy(name, 0, header, 0, name.length);
        octal(header, 100, 8, mode);
        octal(header, 108, 8, 0);
        octal(header, 116, 8, 0);
        if (size <= LARGEST_OCTAL_SIZE) {
            octal(header, 124, 12, size);
        } else {
            header[124] = (byte) 0x80;
            for (int i = 0; i < 8; i++) {
                header[135 - i] = (byte) (size >>> (8 * i));
            }
        }
        octal(header, 136, 12, mtimeSeconds);
        header[156] = '0';
        ascii(header, 257, "ustar\0");
        ascii(header, 263, "00");
        ascii(header, 265, "root");
        ascii(header, 297, "root");
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        long checksum = 0;
        for (byte b : header) {
            checksum += b & 0xff;
        }
        octal(header, 148, 7, checksum);
        return header;
    }

    /** Zero-padded octal digits filling the field but its last byte, which stays NUL. */
    private static void octal(byte[] header, int offset, int length, long value) {
        String digits = Long.toOctalString(value);
        int width = length - 1;
        if (digits.length() > width) {
            throw new IllegalArgumentException(value + " does not fit a tar field of " + length + " bytes");
        }
        ascii(header, offset, "0".repeat(width - digits.length()) + digits);
    }

    private static void ascii(byte[] header, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }
}
