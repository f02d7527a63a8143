package fr.centraleachat.bench;

import java.util.Arrays;

/** {@code java -jar bench-exec.jar events [options]}: the measurements bench/run.sh delegates to a JVM. */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("Usage: bench events --gateway URL --auth URL --kafka HOST:PORT [--samples N]");
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "events" -> System.exit(LatenceEvenements.run(rest));
            default -> {
                System.err.println("Unknown benchmark " + args[0]);
                System.exit(2);
            }
        }
    }
}
