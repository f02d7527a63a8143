package fr.centraleachat.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Command-line options of the launcher.
 *
 * @param dataDir     {@code --data-dir DIR}; null means {@code <projectRoot>/data}
 * @param projectRoot {@code --project-root DIR}; null means detected
 * @param reset       {@code --reset}: delete the data dir first
 * @param timeout     {@code --timeout SECONDS}
 * @param jsonLogs    {@code --json-logs}
 * @param only        {@code --only a,b}: start a subset of the processes
 * @param freePorts   {@code --free-ports}: any free ports instead of the documented ones (printed at start-up
 *                    and written to {@code <data dir>/stack.processes})
 * @param env         {@code --env NAME=VALUE}, repeatable: added to every child's environment
 * @param classDataSharing false with {@code --no-class-data-sharing}: run the jars as built, without AppCDS
 * @param help        {@code --help}
 */
public record CliOptions(Path dataDir, Path projectRoot, boolean reset, Duration timeout, boolean jsonLogs,
                         List<String> only, boolean freePorts, Map<String, String> env, boolean classDataSharing,
                         boolean help) {

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(180);

    public static final String USAGE = """
            Usage: run.sh [options]   (or: java -jar local-stack/target/local-stack.jar [options])
            Starts embedded-infra, auth-server, adhesion/marche/catalogue/diffusion services and gateway, then waits for Ctrl-C.
              --data-dir DIR       persistent state and logs (default: <project>/data)
              --reset              delete the data dir before starting
              --timeout SECONDS    time allowed for everything to be ready (default: 180)
              --json-logs          children log ECS JSON to their log files
              --only NAME[,NAME]   start only these processes (%s)
              --free-ports         pick free ports instead of 8080-8083/9000/8090/27017/9092-9093
                                   (several stacks side by side; see <data dir>/stack.processes)
              --env NAME=VALUE     extra environment variable for every child (repeatable),
                                   e.g. --env CENTRALE_RATELIMIT_ENABLED=false
              --no-class-data-sharing
                                   run the jars as built (default: extracted, with an AppCDS archive
                                   recorded at the first clean stop in local-stack/target/cds)
              --project-root DIR   project checkout (default: found from the launcher jar)
              --help               this help
            """.formatted(String.join(", ", ProcessSpec.ALL));

    public CliOptions {
        only = List.copyOf(only);
        env = Map.copyOf(env);
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
        boolean freePorts = false;
        boolean classDataSharing = true;
        Map<String, String> env = new LinkedHashMap<>();

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
                case "--free-ports" -> freePorts = true;
                case "--no-class-data-sharing" -> classDataSharing = false;
                case "--env" -> {
                    String assignment = value(tokens, ++i, option);
                    int eq = assignment.indexOf('=');
                    if (eq <= 0 || !ENV_NAME.matcher(assignment.substring(0, eq)).matches()) {
                        throw new IllegalArgumentException("--env expects NAME=VALUE, got '" + assignment + "'");
                    }
                    env.put(assignment.substring(0, eq), assignment.substring(eq + 1));
                }
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
        return new CliOptions(dataDir, projectRoot, reset, timeout, jsonLogs, only, freePorts, env, classDataSharing, help);
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
