package fr.centraleachat.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    @Test
    void backOffDoublesUpToItsCeilingThenGivesUp() {
        RestartPolicy policy = RestartPolicy.defaults();
        assertThat(policy.backoff(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoff(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoff(4)).isEqualTo(Duration.ofSeconds(16));
        assertThat(policy.backoff(5)).as("5 restarts within the window already").isNull();

        RestartPolicy capped = new RestartPolicy(10, Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(5));
        assertThat(capped.backoff(3)).isEqualTo(Duration.ofSeconds(5));
        assertThat(capped.backoff(9)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void neverRestarts() {
        assertThat(RestartPolicy.never().backoff(0)).isNull();
        assertThatThrownBy(() -> new RestartPolicy(-1, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
