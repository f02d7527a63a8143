package fr.centraleachat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PieceAleatoireTest {

    @Test
    void aPdfOfTheExactSizeWhoseDigestIsThatOfItsBytes() throws Exception {
        PieceAleatoire piece = new PieceAleatoire(100_003, 7);
        byte[] octets = piece.readAllBytes();
        assertThat(octets).hasSize(100_003);
        assertThat(new String(octets, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(new String(octets, octets.length - 7, 7, StandardCharsets.US_ASCII)).isEqualTo("\n%%EOF\n");
        assertThat(piece.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(octets)));
    }

    @Test
    void theSameSeedGivesTheSameFileAnotherSeedAnotherOne() throws Exception {
        byte[] a = new PieceAleatoire(4096, 1).readAllBytes();
        assertThat(new PieceAleatoire(4096, 1).readAllBytes()).isEqualTo(a);
        assertThat(new PieceAleatoire(4096, 2).readAllBytes()).isNotEqualTo(a);
    }
}
