package fr.centraleachat.adhesion.recensement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.kernel.TransitionInterditeException;
import fr.centraleachat.kernel.ValeurInvalideException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeclarationBesoinsTest {

    private static final List<LotRecensement> LOTS = RecensementTest.LOTS;
    private static final Instant MAINTENANT = RecensementTest.MAINTENANT;

    private final DeclarationBesoins declaration = DeclarationBesoins.inviter(RecensementId.nouveau(),
            RecensementTest.DIJON);

    @Test
    void aDeclarationReplacesThePreviousOneWithTheNextRevision() {
        assertThat(declaration.aRepondu()).isFalse();

        declaration.declarer(List.of(BesoinLot.aucunBesoin(2), BesoinLot.besoin(1, BigDecimal.TEN, BigDecimal.ONE)),
                LOTS, MAINTENANT);
        declaration.declarer(List.of(BesoinLot.aucunBesoin(1), BesoinLot.aucunBesoin(2)), LOTS, MAINTENANT.plusSeconds(5));

        assertThat(declaration.aRepondu()).isTrue();
        assertThat(declaration.revision()).isEqualTo(2);
        assertThat(declaration.lots()).allMatch(BesoinLot::pasDeBesoin);
        assertThat(declaration.evenementsEnAttente()).extracting(BesoinsDeclares::revision).containsExactly(1L, 2L);
        assertThat(declaration.evenementsEnAttente().get(0).lots()).extracting(BesoinLot::lot).containsExactly(1, 2);
    }

    @Test
    void refusesADeclarationAfterClosing() {
        DeclarationBesoins figee = DeclarationBesoins.reconstituer(new DeclarationBesoins.Etat(
                declaration.recensement(), declaration.membre(), true, 0, null, List.of(), 3));

        assertThatThrownBy(() -> figee.declarer(List.of(BesoinLot.aucunBesoin(1), BesoinLot.aucunBesoin(2)), LOTS,
                MAINTENANT)).isInstanceOf(TransitionInterditeException.class).hasMessageContaining("clos");
        assertThat(figee.evenementsEnAttente()).isEmpty();
    }

    @Test
    void namesMissingUnknownAndDuplicateLots() {
        assertThatThrownBy(() -> declaration.declarer(List.of(BesoinLot.aucunBesoin(1)), LOTS, MAINTENANT))
                .isInstanceOf(ValeurInvalideException.class).hasMessageContaining("sans réponse [2]");
        assertThatThrownBy(() -> declaration.declarer(List.of(BesoinLot.aucunBesoin(1), BesoinLot.aucunBesoin(2),
                BesoinLot.aucunBesoin(7)), LOTS, MAINTENANT)).hasMessageContaining("inconnu(s) [7]");
        assertThatThrownBy(() -> declaration.declarer(List.of(BesoinLot.aucunBesoin(1), BesoinLot.aucunBesoin(1),
                BesoinLot.aucunBesoin(2)), LOTS, MAINTENANT)).hasMessageContaining("plusieurs fois [1]");
        assertThat(declaration.aRepondu()).isFalse();
    }

    @Test
    void aNeedHasAPositiveBoundedQuantityAndAmountToTheCent() {
        assertThatThrownBy(() -> BesoinLot.besoin(1, BigDecimal.ZERO, BigDecimal.ONE)).hasMessageContaining("positif");
        assertThatThrownBy(() -> BesoinLot.besoin(1, new BigDecimal("1e10"), BigDecimal.ONE)).hasMessageContaining("dépasser");
        assertThatThrownBy(() -> BesoinLot.besoin(1, BigDecimal.ONE, new BigDecimal("1.001"))).hasMessageContaining("décimales");
        assertThatThrownBy(() -> BesoinLot.besoin(1, BigDecimal.ONE, new BigDecimal("1e999999999"))).hasMessageContaining("dépasser");
        assertThatThrownBy(() -> BesoinLot.besoin(1, new BigDecimal("1e-999999999"), BigDecimal.ONE)).hasMessageContaining("décimales");
        assertThatThrownBy(() -> new BesoinLot(1, true, BigDecimal.ONE, null, List.of(), null)).hasMessageContaining("exclut");
        assertThatThrownBy(() -> new BesoinLot(1, false, BigDecimal.ONE, null, List.of(), null)).hasMessageContaining("obligatoires");
        assertThat(BesoinLot.besoin(1, new BigDecimal("1E+3"), new BigDecimal("10")).montantEstime()).isEqualTo("10.00");
    }
}
