package dev.upshift.shell.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local Docker engine at another address: a loopback TCP port whose every connection is carried, byte for byte,
 * to the engine's unix socket (hijacked exec streams included). Counts the connections it carried; closing it ends
 * them all and its threads.
 */
final class EngineForwarder implements AutoCloseable {

    private static final int BUFFER_BYTES = 1 << 16;

    private final Path socket;
    private final ServerSocketChannel server;
    private final ExecutorService threads = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "engine-forwarder");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger carried = new AtomicInteger();

    private EngineForwarder(Path socket) throws IOException {
        this.socket = socket;
        this.server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        threads.execute(this::accept);
    }

    /** Forwards from a free loopback port to this unix socket until closed. */
    static EngineForwarder to(Path socket) throws IOException {
        return new EngineForwarder(socket);
    }

    /** {@code tcp://127.0.0.1:PORT}, as {@code --docker-host} takes it. */
    String address() throws IOException {
        return "tcp://127.0.0.1:" + ((InetSocketAddress) server.getLocalAddress()).getPort();
    }

    /** How many connections it carried to the engine so far. */
    int connections() {
        return carried.get();
    }

    private void accept() {
        while (server.isOpen()) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (IOException closed) {
                return;
            }
            open.add(client);
            try {
                SocketChannel engine = SocketChannel.open(UnixDomainSocketAddress.of(socket));
                open.add(engine);
                carried.incrementAndGet();
                AtomicInteger directions = new AtomicInteger(2);
                threads.execute(() -> pump(client, engine, directions));
                threads.execute(() -> pump(engine, client, directions));
            } catch (IOException refused) {
                closeQuietly(client); // the client sees what it would see of a dead engine
            }
        }
    }

    /** One direction until its end of stream, passed on as a half close; the pair closes once both have ended. */
    private void pump(SocketChannel from, SocketChannel to, AtomicInteger directions) {
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
        try {
            while (from.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
                buffer.clear();
            }
            to.shutdownOutput();
        } catch (IOException broken) {
            closeQuietly(from);
            closeQuietly(to);
            return;
        }
        if (directions.decrementAndGet() == 0) {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void closeQuietly(SocketChannel channel) {
        open.remove(channel);
        try {
            channel.close();
        } catch (IOException alreadyGone) {
            // nothing left to release
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        server.close();
        open.forEach(this::closeQuietly);
        threads.shutdownNow();
        if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the engine forwarder's threads did not end");
        }
    }
}
