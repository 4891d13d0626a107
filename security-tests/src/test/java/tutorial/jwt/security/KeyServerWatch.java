package tutorial.jwt.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A socket where an attacker's key would be served: the {@code jku} and {@code x5u} headers of the
 * hostile tokens point here. It answers nothing and counts connections, so a server that followed a
 * key URL, even once, is caught.
 */
final class KeyServerWatch implements AutoCloseable {

    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();

    private KeyServerWatch(ServerSocket socket) {
        this.socket = socket;
        Thread acceptor = new Thread(this::acceptAll, "key-server-watch");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static KeyServerWatch start() {
        try {
            return new KeyServerWatch(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the hostile tokens' {@code jku} and {@code x5u} point. */
    String url() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/.well-known/jwks.json";
    }

    int port() {
        return socket.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try (Socket ignored = socket.accept()) {
                connections.incrementAndGet();
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
