package fr.centraleachat.marche.fichier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TypeDeFichierTest {

    @Test
    void recognisesAcceptedTypesByTheirFirstBytes() {
        assertThat(detecter("%PDF-1.7\n")).isEqualTo(TypeDeFichier.PDF);
        assertThat(detecter("PK\u0003\u0004rest")).isEqualTo(TypeDeFichier.ZIP);
        assertThat(TypeDeFichier.detecter(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 8))
                .contains(TypeDeFichier.PNG);
        assertThat(TypeDeFichier.detecter(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}, 4))
                .contains(TypeDeFichier.JPEG);
    }

    @Test
    void refusesExecutablesScriptsAndTooShortContentWhateverTheirName() {
        assertThat(TypeDeFichier.detecter("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1), 4)).isEmpty();
        assertThat(TypeDeFichier.detecter("#!/bin/sh".getBytes(StandardCharsets.US_ASCII), 8)).isEmpty();
        assertThat(TypeDeFichier.detecter("%PD".getBytes(StandardCharsets.US_ASCII), 3)).isEmpty();
        assertThat(TypeDeFichier.detecter(new byte[0], 0)).isEmpty();
    }

    @Test
    void keepsOnlyTheLastSegmentOfAFileNameAndRefusesControlCharacters() {
        assertThat(NomDeFichier.valider("../../etc/offre.pdf")).isEqualTo("offre.pdf");
        assertThat(NomDeFichier.valider("C:\\\\Users\\\\x\\\\mémoire.docx")).isEqualTo("mémoire.docx");
        assertThatThrownBy(() -> NomDeFichier.valider("a\u202Efdp.exe")).hasMessageContaining("interdits");
        assertThatThrownBy(() -> NomDeFichier.valider("..")).hasMessageContaining("invalide");
        assertThatThrownBy(() -> NomDeFichier.valider("x".repeat(201))).hasMessageContaining("200");
    }

    private static TypeDeFichier detecter(String debut) {
        byte[] octets = debut.getBytes(StandardCharsets.ISO_8859_1);
        return TypeDeFichier.detecter(octets, octets.length).orElseThrow();
    }
}
