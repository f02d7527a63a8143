package fr.centraleachat.infra.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalOnlyFilterTest {

    @Test
    void acceptsLoopbackHostNamesOnly() {
        assertThat(LocalOnlyFilter.isLoopbackName("localhost")).isTrue();
        assertThat(LocalOnlyFilter.isLoopbackName("LOCALHOST")).isTrue();
        assertThat(LocalOnlyFilter.isLoopbackName("127.0.0.1")).isTrue();
        assertThat(LocalOnlyFilter.isLoopbackName("[::1]")).isTrue();
        assertThat(LocalOnlyFilter.isLoopbackName("attaquant.example")).isFalse();
        assertThat(LocalOnlyFilter.isLoopbackName("127.0.0.1.attaquant.example")).isFalse();
        assertThat(LocalOnlyFilter.isLoopbackName("localhost.attaquant.example")).isFalse();
        assertThat(LocalOnlyFilter.isLoopbackName(null)).isFalse();
    }
}
