package fr.centraleachat.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class CliOptionsTest {

    @Test
    void defaults() {
        CliOptions options = CliOptions.parse();
        assertThat(options.dataDir()).isNull();
        assertThat(options.projectRoot()).isNull();
        assertThat(options.reset()).isFalse();
        assertThat(options.jsonLogs()).isFalse();
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(180));
        assertThat(options.only()).isEmpty();
        assertThat(options.help()).isFalse();
        assertThat(options.freePorts()).isFalse();
        assertThat(options.env()).isEmpty();
        assertThat(options.classDataSharing()).isTrue();
    }

    @Test
    void freePortsEnvAndClassDataSharing() {
        CliOptions options = CliOptions.parse("--free-ports", "--env", "CENTRALE_RATELIMIT_ENABLED=false",
                "--env=JAVA_OPTS=-Da=b=c", "--no-class-data-sharing");
        assertThat(options.freePorts()).isTrue();
        assertThat(options.env()).containsExactlyInAnyOrderEntriesOf(
                java.util.Map.of("CENTRALE_RATELIMIT_ENABLED", "false", "JAVA_OPTS", "-Da=b=c"));
        assertThat(options.classDataSharing()).isFalse();
        assertThatThrownBy(() -> CliOptions.parse("--env", "NOVALUE")).hasMessageContaining("NAME=VALUE");
        assertThatThrownBy(() -> CliOptions.parse("--env", "1X=y")).hasMessageContaining("NAME=VALUE");
    }

    @Test
    void allOptionsWithSeparateValues() {
        CliOptions options = CliOptions.parse("--data-dir", "/tmp/d", "--reset", "--timeout", "60", "--json-logs",
                "--only", "embedded-infra, auth-server", "--project-root", "/src/centrale");
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/d"));
        assertThat(options.reset()).isTrue();
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.jsonLogs()).isTrue();
        assertThat(options.only()).containsExactly("embedded-infra", "auth-server");
        assertThat(options.projectRoot()).isEqualTo(Path.of("/src/centrale"));
    }

    @Test
    void equalsSyntax() {
        CliOptions options = CliOptions.parse("--data-dir=relative/dir", "--timeout=5");
        assertThat(options.dataDir()).isEqualTo(Path.of("relative/dir"));
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void help() {
        assertThat(CliOptions.parse("--help").help()).isTrue();
        assertThat(CliOptions.parse("-h").help()).isTrue();
        assertThat(CliOptions.USAGE).contains("--data-dir", "--reset", "--timeout", "--json-logs");
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> CliOptions.parse("--bogus")).hasMessageContaining("Unknown option '--bogus'");
        assertThatThrownBy(() -> CliOptions.parse("--data-dir")).hasMessageContaining("--data-dir needs a value");
        assertThatThrownBy(() -> CliOptions.parse("--data-dir", "--reset")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> CliOptions.parse("--timeout", "soon")).hasMessageContaining("expects seconds");
        assertThatThrownBy(() -> CliOptions.parse("--timeout", "0")).hasMessageContaining("positive");
        assertThatThrownBy(() -> CliOptions.parse("--only", "kafka")).hasMessageContaining("Unknown process 'kafka'");
    }

    @Test
    void mainPrintsUsageOnBadArguments() {
        var buffer = new java.io.ByteArrayOutputStream();
        int code = Main.run(new String[] {"--nope"}, new java.io.PrintStream(buffer, true));
        assertThat(code).isEqualTo(2);
        assertThat(buffer.toString()).contains("Unknown option", "Usage:");
    }

    @Test
    void demoAccountsAreListed() {
        List<String> accounts = Main.demoAccounts();
        assertThat(accounts).hasSize(6);
        assertThat(String.join("\n", accounts)).contains("acheteur / acheteur", "agent.dijon", "agent.talant",
                "fournisseur", "admin / admin", "systeme-externe / systeme-externe-secret", "events:read data:read");
    }
}
