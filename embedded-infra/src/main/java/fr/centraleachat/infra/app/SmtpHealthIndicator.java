package fr.centraleachat.infra.app;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Connects to the SMTP server as a service would and expects its {@code 220} greeting. */
class SmtpHealthIndicator extends AbstractHealthIndicator {

    private static final int TIMEOUT_MS = 2_000;

    private final String host;

    private final int port;

    SmtpHealthIndicator(String host, int port) {
        super("SMTP health check failed");
        this.host = host;
        this.port = port;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            String greeting = in.readLine();
            OutputStream out = socket.getOutputStream();
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // Status only: no address in the details, health output is readable by anyone who reaches the port.
            if (greeting != null && greeting.startsWith("220")) {
                builder.up();
            } else {
                builder.down();
            }
        }
    }
}
