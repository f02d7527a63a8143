package fr.centraleachat.marche.pli.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.kernel.Siret;
import fr.centraleachat.kernel.TransitionInterditeException;
import fr.centraleachat.marche.fichier.domain.FichierStocke;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoumissionTest {

    private static final Instant DLRO = Instant.parse("2027-01-15T11:00:00Z");
    private static final byte[] SCELLE = "chiffré".getBytes(StandardCharsets.UTF_8);
    private static final List<PieceDeposee> PIECES = List.of(new PieceDeposee(NaturePiece.OFFRE,
            new FichierStocke("f1", "offre.pdf", "application/pdf", 10, "a".repeat(64))));

    private final Soumission soumission = Soumission.nouvelle("c1", 1, new Siret("73282932000074"));

    @Test
    void aPliOnTimeIsInForceAndReplacesThePreviousOne() {
        soumission.deposer("PLI-1", DLRO.minusSeconds(3600), DLRO, PIECES, SCELLE);
        soumission.deposer("PLI-2", DLRO.minusSeconds(60), DLRO, PIECES, SCELLE);

        assertThat(soumission.pli("PLI-1").statut()).isEqualTo(StatutPli.REMPLACE);
        assertThat(soumission.pli("PLI-2").statut()).isEqualTo(StatutPli.DEPOSE);
        assertThat(soumission.enVigueur()).map(Pli::numero).contains("PLI-2");
        assertThat(soumission.evenementsEnAttente()).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("PliDepose", "PliRemplace", "PliDepose");
    }

    @Test
    void aPliReceivedAtOrAfterTheDlroIsKeptAsLateAndReplacesNothing() {
        soumission.deposer("PLI-1", DLRO.minusSeconds(1), DLRO, PIECES, SCELLE);
        Pli tardif = soumission.deposer("PLI-2", DLRO, DLRO, PIECES, SCELLE);

        assertThat(tardif.statut()).isEqualTo(StatutPli.HORS_DELAI);
        assertThat(tardif.horsDelai()).isTrue();
        assertThat(soumission.enVigueur()).map(Pli::numero).contains("PLI-1");
        assertThat(soumission.plis()).hasSize(2);
    }

    @Test
    void withdrawsThePliInForceBeforeTheDlroOnly() {
        soumission.deposer("PLI-1", DLRO.minusSeconds(3600), DLRO, PIECES, SCELLE);
        soumission.retirer("PLI-1", DLRO.minusSeconds(10), DLRO);
        assertThat(soumission.pli("PLI-1").statut()).isEqualTo(StatutPli.RETIRE);
        assertThat(soumission.enVigueur()).isEmpty();

        soumission.deposer("PLI-2", DLRO.minusSeconds(5), DLRO, PIECES, SCELLE);
        assertThatThrownBy(() -> soumission.retirer("PLI-2", DLRO, DLRO))
                .isInstanceOf(TransitionInterditeException.class).hasMessageContaining("date limite");
        assertThatThrownBy(() -> soumission.retirer("PLI-1", DLRO.minusSeconds(1), DLRO))
                .isInstanceOf(TransitionInterditeException.class).hasMessageContaining("RETIRE");
    }

    @Test
    void flagsToConfirmOnlyAPliInForceFiledBeforeTheLastSubstantialRectificatif() {
        Instant rectificatif = DLRO.minusSeconds(86_400);
        Pli remplace = soumission.deposer("PLI-1", rectificatif.minusSeconds(7200), DLRO, PIECES, SCELLE);
        Pli avant = soumission.deposer("PLI-2", rectificatif.minusSeconds(60), DLRO, PIECES, SCELLE);

        assertThat(soumission.pli("PLI-2").aConfirmer(java.util.Optional.of(rectificatif))).isTrue();
        assertThat(soumission.pli("PLI-1").aConfirmer(java.util.Optional.of(rectificatif))).isFalse();
        assertThat(avant.aConfirmer(java.util.Optional.empty())).isFalse();

        Pli confirme = soumission.deposer("PLI-3", rectificatif.plusSeconds(60), DLRO, PIECES, SCELLE);
        assertThat(confirme.aConfirmer(java.util.Optional.of(rectificatif))).isFalse();
        assertThat(soumission.pli("PLI-2").aConfirmer(java.util.Optional.of(rectificatif))).isFalse();
        assertThat(remplace.numero()).isEqualTo("PLI-1");
    }

    @Test
    void neverPrintsTheSealedOffer() {
        Pli pli = soumission.deposer("PLI-1", DLRO.minusSeconds(60), DLRO, PIECES, SCELLE);
        assertThat(pli.toString()).contains("PLI-1").doesNotContain("chiffré");
        byte[] copie = pli.offreScellee();
        copie[0] = 0;
        assertThat(pli.offreScellee()).isEqualTo(SCELLE);
    }

    @Test
    void boundsTheNumberOfPlisOfOneSupplierOnALot() {
        for (int i = 0; i < Soumission.PLIS_MAX; i++) {
            soumission.deposer("PLI-" + i, DLRO.minusSeconds(1000 - i), DLRO, PIECES, SCELLE);
        }
        assertThatThrownBy(() -> soumission.deposer("PLI-X", DLRO.minusSeconds(1), DLRO, PIECES, SCELLE))
                .hasMessageContaining("Nombre maximal de plis");
    }
}
