package fr.centraleachat.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Command-line options of the launcher.
 *
 * @param dataDir     {@code --data-dir DIR}; null means {@code <projectRoot>/data}
 * @param projectRoot {@code --project-root DIR}; null means detected
 * @param reset       {@code --reset}: delete the data dir first
 * @param timeout     {@code --timeout SECONDS}
 * @param jsonLogs    {@code --json-logs}
 * @param only        {@code --only a,b}: start a subset of the processes
 * @param help        {@code --help}
 */
public record CliOptions(Path dataDir, Path projectRoot, boolean reset, Duration timeout, boolean jsonLogs,
                         List<String> only, boolean help) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(180);

    public static final String USAGE = """
            Usage: run.sh [options]   (or: java -jar local-stack/target/local-stack.jar [options])
            Starts embedded-infra, auth-server, adhesion/marche/catalogue services and gateway, then waits for Ctrl-C.
              --data-dir DIR       persistent state and logs (default: <project>/data)
              --reset              delete the data dir before starting
              --timeout SECONDS    time allowed for everything to be ready (default: 180)
              --json-logs          children log ECS JSON to their log files
              --only NAME[,NAME]   start only these processes (%s)
              --project-root DIR   project checkout (default: found from the launcher jar)
              --help               this help
            """.formatted(String.join(", ", ProcessSpec.ALL));

    public CliOptions {
        only = List.copyOf(only);
    }

    /** Parses {@code args}; accepts {@code --opt value} and {@code --opt=value}. */
    public static CliOptions parse(String... args) {
        Path dataDir = null;
        Path projectRoot = null;
        boolean reset = false;
        Duration timeout = DEFAULT_TIMEOUT;
        boolean jsonLogs = false;
        List<String> only = new ArrayList<>();
        boolean help = false;

        List<String> tokens = new ArrayList<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                tokens.add(arg.substring(0, eq));
                tokens.add(arg.substring(eq + 1));
            } else {
                tokens.add(arg);
            }
        }
        for (int i = 0; i < tokens.size(); i++) {
            String option = tokens.get(i);
            switch (option) {
                case "--data-dir" -> dataDir = Path.of(value(tokens, ++i, option));
                case "--project-root" -> projectRoot = Path.of(value(tokens, ++i, option));
                case "--reset" -> reset = true;
                case "--json-logs" -> jsonLogs = true;
                case "--help", "-h" -> help = true;
                case "--timeout" -> timeout = parseTimeout(value(tokens, ++i, option));
                case "--only" -> {
                    for (String name : value(tokens, ++i, option).split(",")) {
                        String trimmed = name.trim();
                        if (!ProcessSpec.ALL.contains(trimmed)) {
                            throw new IllegalArgumentException("Unknown process '" + trimmed + "' for --only; known: "
                                    + String.join(", ", ProcessSpec.ALL));
                        }
                        only.add(trimmed);
                    }
                }
                default -> throw new IllegalArgumentException("Unknown option '" + option + "'");
            }
        }
        return new CliOptions(dataDir, projectRoot, reset, timeout, jsonLogs, only, help);
    }

    private static String value(List<String> tokens, int index, String option) {
        if (index >= tokens.size() || tokens.get(index).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return tokens.get(index);
    }

    private static Duration parseTimeout(String value) {
        try {
            long seconds = Long.parseLong(value);
            if (seconds <= 0) {
                throw new IllegalArgumentException("--timeout must be positive, got " + value);
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--timeout expects seconds, got '" + value + "'");
        }
    }
}
