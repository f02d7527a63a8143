package fr.centraleachat.stack;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One child process: what to run, with which environment, and how to tell it is ready.
 * Built by {@link StackConfig}, which holds the whole environment contract.
 *
 * @param name       process name, also the log file name
 * @param stage      start order; processes of the same stage start in parallel
 * @param jar        runnable jar
 * @param port       HTTP port (actuator)
 * @param jvmOptions options placed before {@code -jar}
 * @param args       application arguments
 * @param env        environment added to the launcher's own
 * @param healthUrl  readiness URL, expected to answer 200 with status UP
 * @param logFile    file receiving stdout and stderr (appended)
 */
public record ProcessSpec(
        String name,
        int stage,
        Path jar,
        int port,
        List<String> jvmOptions,
        List<String> args,
        Map<String, String> env,
        URI healthUrl,
        Path logFile) {

    public static final String EMBEDDED_INFRA = "embedded-infra";
    public static final String AUTH_SERVER = "auth-server";
    public static final String ADHESION = "adhesion-service";
    public static final String MARCHE = "marche-service";
    public static final String CATALOGUE = "catalogue-service";
    public static final String DIFFUSION = "diffusion-service";
    public static final String GATEWAY = "gateway";

    /** All process names, in start order. */
    public static final List<String> ALL = List.of(EMBEDDED_INFRA, AUTH_SERVER, ADHESION, MARCHE, CATALOGUE, DIFFUSION,
            GATEWAY);

    public ProcessSpec {
        jvmOptions = List.copyOf(jvmOptions);
        args = List.copyOf(args);
        env = Map.copyOf(env);
    }

    /** {@code java <jvm options> -jar <jar> <args>}. */
    public List<String> command(String javaExecutable) {
        return command(javaExecutable, jar, List.of());
    }

    /** The same command running another copy of the jar (e.g. extracted for class data sharing), with more options. */
    List<String> command(String javaExecutable, Path runJar, List<String> extraJvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable);
        command.addAll(jvmOptions);
        command.addAll(extraJvmOptions);
        command.add("-jar");
        command.add(runJar.toString());
        command.addAll(args);
        return command;
    }
}
