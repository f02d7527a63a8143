package fr.centraleachat.gateway.correlation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelationIdTest {

	@Test
	void safeValuesAreKept() {
		assertThat(CorrelationId.acceptOrGenerate("abc-DEF_1.2")).isEqualTo("abc-DEF_1.2");
		assertThat(CorrelationId.acceptOrGenerate("a".repeat(64))).isEqualTo("a".repeat(64));
	}

	@Test
	void unsafeOrMissingValuesAreReplaced() {
		for (String candidate : new String[] { null, "", "a".repeat(65), "with space", "line\nbreak", "é",
				"a;b" }) {
			String id = CorrelationId.acceptOrGenerate(candidate);
			assertThat(id).isNotEqualTo(candidate).matches("[0-9a-f-]{36}");
		}
	}

}
