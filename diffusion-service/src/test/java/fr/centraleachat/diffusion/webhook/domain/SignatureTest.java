package fr.centraleachat.diffusion.webhook.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignatureTest {

    @Test
    void signsTimestampAndBodyWithHmacSha256() {
        // Reference value: printf '1700000000.{"id":"1"}' | openssl dgst -sha256 -hmac whsec_test
        assertThat(Signature.signer("whsec_test", 1_700_000_000L, "{\"id\":\"1\"}"))
                .isEqualTo("v1=11bf4466ea17c3df3fd743af0b435368e16b7a05eb8eced85e8c4670767bdec5");
    }

    @Test
    void anotherSecretTimestampOrBodyGivesAnotherSignature() {
        String signature = Signature.signer("s", 1, "corps");
        assertThat(Signature.signer("t", 1, "corps")).isNotEqualTo(signature);
        assertThat(Signature.signer("s", 2, "corps")).isNotEqualTo(signature);
        assertThat(Signature.signer("s", 1, "corps!")).isNotEqualTo(signature);
    }
}
