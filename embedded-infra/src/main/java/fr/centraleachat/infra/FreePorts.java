package fr.centraleachat.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Finds TCP ports that are free right now, for tests that must not clash with a running stack. */
public final class FreePorts {

    private FreePorts() {
    }

    /** A port currently free on the loopback interface. */
    public static int find() {
        return find("127.0.0.1");
    }

    /** A port currently free on {@code host}; another process may still grab it before it is bound. */
    public static int find(String host) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + host, e);
        }
    }
}
