package fr.centraleachat.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/** {@code java -jar local-stack.jar [options]}: starts the stack, prints where to go, stops it on Ctrl-C. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) {
        CliOptions options;
        try {
            options = CliOptions.parse(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.print(CliOptions.USAGE);
            return 2;
        }
        if (options.help()) {
            out.print(CliOptions.USAGE);
            return 0;
        }

        LocalStack.Builder builder = LocalStack.builder()
                .startupTimeout(options.timeout())
                .jsonLogs(options.jsonLogs())
                .output(out)
                .only(options.only().toArray(String[]::new));
        if (options.freePorts()) {
            builder.ports(StackPorts.freePorts());
        }
        options.env().forEach(builder::env);
        builder.classDataSharing(options.classDataSharing());
        if (options.projectRoot() != null) {
            builder.projectRoot(options.projectRoot());
        }
        if (options.dataDir() != null) {
            builder.dataDir(options.dataDir());
        }
        LocalStack stack;
        try {
            stack = builder.build();
        } catch (IllegalStateException e) {
            out.println(e.getMessage());
            return 1;
        }
        Path dataDir = stack.dataDir();

        OptionalLong running = DataDir.runningLauncher(dataDir);
        if (running.isPresent()) {
            out.printf("A stack is already running on %s (pid %d); stop it with ./stop.sh%n", dataDir, running.getAsLong());
            return 1;
        }
        try {
            if (options.reset()) {
                DataDir.reset(dataDir, stack.config().projectRoot());
                out.println("Deleted " + dataDir);
            }
            DataDir.writePid(dataDir);
        } catch (IOException e) {
            out.println(e.getMessage());
            return 1;
        }

        // Registered before starting, so Ctrl-C during start-up also stops what is already running.
        Thread hook = new Thread(() -> {
            if (!stack.isClosed()) {
                out.println("Stopping...");
                stack.close();
            }
            DataDir.deletePid(dataDir);
        }, "local-stack-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        out.printf("Starting Centrale d'achat (data dir %s, logs in %s)%n", dataDir, stack.config().logDir());
        try {
            stack.start();
        } catch (StackStartException e) {
            out.println("Start-up failed: " + e.getMessage());
            return 1;
        }
        printSummary(stack, out);

        // Keep running until Ctrl-C/SIGTERM (the hook stops everything); a child that dies on its own is
        // restarted by the stack, and one that keeps dying is given up on without stopping the others.
        try {
            stack.awaitClosed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stack.close();
        }
        return 0;
    }

    static void printSummary(LocalStack stack, PrintStream out) {
        List<String> names = stack.processNames();
        out.println();
        out.printf("Centrale d'achat is up in %s%n", LocalStack.seconds(stack.startupTime()));
        if (names.contains(ProcessSpec.GATEWAY)) {
            out.printf("  Gateway      %s%n", stack.gatewayUrl());
            out.printf("  API docs     %s/swagger-ui.html%n", stack.gatewayUrl());
        }
        if (names.contains(ProcessSpec.AUTH_SERVER)) {
            out.printf("  Auth server  %s%n", stack.authServerUrl());
        }
        List<String> services = names.stream()
                .filter(n -> n.equals(ProcessSpec.ADHESION) || n.equals(ProcessSpec.MARCHE) || n.equals(ProcessSpec.CATALOGUE)
                        || n.equals(ProcessSpec.DIFFUSION))
                .map(n -> n + " " + stack.url(n)).toList();
        if (!services.isEmpty()) {
            out.printf("  Services     %s%n", String.join(", ", services));
        }
        if (names.contains(ProcessSpec.EMBEDDED_INFRA)) {
            StackPorts ports = stack.ports();
            out.printf("  Infra        Kafka localhost:%d, MongoDB localhost:%d, SMTP localhost:%d, health %s/actuator/health%n",
                    ports.kafka(), ports.mongo(), ports.smtp(), stack.url(ProcessSpec.EMBEDDED_INFRA));
            out.printf("  Mails        kept in %s, listed at %s/courriels%n",
                    stack.dataDir().resolve("courriels"), stack.url(ProcessSpec.EMBEDDED_INFRA));
        }
        out.printf("  Data dir     %s (processes and pids in %s)%n", stack.dataDir(), LocalStack.PROCESSES_FILE);
        out.println("Demo accounts:");
        demoAccounts().forEach(line -> out.println("  " + line));
        out.println("Press Ctrl-C (or run ./stop.sh) to stop.");
    }

    static List<String> demoAccounts() {
        InputStream in = Main.class.getResourceAsStream("/demo-accounts.txt");
        if (in == null) {
            return List.of("(demo-accounts.txt missing)");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            return List.of("(cannot read demo-accounts.txt: " + e.getMessage() + ")");
        }
    }
}
