package fr.centraleachat.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TCP ports of every process of the stack. */
public record StackPorts(
        int gateway,
        int adhesion,
        int marche,
        int catalogue,
        int diffusion,
        int authServer,
        int infraHttp,
        int mongo,
        int kafka,
        int kafkaController,
        int smtp) {

    /**
     * The documented ports: gateway 8080, services 8081-8084, auth 9000, infra 8090, Mongo 27017, Kafka 9092/9093,
     * SMTP 3025.
     */
    public static StackPorts defaults() {
        return new StackPorts(8080, 8081, 8082, 8083, 8084, 9000, 8090, 27017, 9092, 9093, 3025);
    }

    /** Distinct ports free right now on the loopback interface, for tests running next to a developer's stack. */
    public static StackPorts freePorts() {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[11];
            for (int i = 0; i < ports.length; i++) {
                // Keep each socket open until all are chosen so the ports are distinct.
                ServerSocket socket = new ServerSocket();
                held.add(socket);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                ports[i] = socket.getLocalPort();
            }
            return new StackPorts(ports[0], ports[1], ports[2], ports[3], ports[4], ports[5], ports[6], ports[7], ports[8],
                    ports[9], ports[10]);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find free ports", e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }
    }

    /** Ports each process listens on, by process name; used to check they are free before starting. */
    public Map<String, List<Integer>> byProcess() {
        Map<String, List<Integer>> ports = new LinkedHashMap<>();
        ports.put(ProcessSpec.EMBEDDED_INFRA, List.of(infraHttp, mongo, kafka, kafkaController, smtp));
        ports.put(ProcessSpec.AUTH_SERVER, List.of(authServer));
        ports.put(ProcessSpec.ADHESION, List.of(adhesion));
        ports.put(ProcessSpec.MARCHE, List.of(marche));
        ports.put(ProcessSpec.CATALOGUE, List.of(catalogue));
        ports.put(ProcessSpec.DIFFUSION, List.of(diffusion));
        ports.put(ProcessSpec.GATEWAY, List.of(gateway));
        return ports;
    }
}
