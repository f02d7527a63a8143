package fr.centraleachat.kernel.membre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.ValeurInvalideException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MembreTest {

    private static final Siren TALANT = new Siren("212106173");
    private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

    private static DescriptionMembre talant(String adhesionId) {
        return new DescriptionMembre(adhesionId, "Talant", "COMMUNE", List.of("INFORMATIQUE", "FOURNITURES"),
                "PASSATION", LocalDate.of(2026, 11, 1));
    }

    @Test
    void activationMakesTheMemberActiveWithItsDescription() {
        Membre membre = Membre.inconnu(TALANT);
        assertThat(membre.estActif()).isFalse();

        assertThat(membre.activer(talant("a-1"), T0)).isTrue();

        assertThat(membre.estActif()).isTrue();
        assertThat(membre.description()).hasValueSatisfying(d -> assertThat(d.nom()).isEqualTo("Talant"));
        assertThat(membre.derniereMiseAJour()).contains(T0);
    }

    @Test
    void suspensionRepriseAndResiliationChangeTheStatus() {
        Membre membre = Membre.inconnu(TALANT);
        membre.activer(talant("a-1"), T0);

        assertThat(membre.suspendre(T0.plusSeconds(10))).isTrue();
        assertThat(membre.statut()).contains(StatutMembre.SUSPENDUE);
        assertThat(membre.estActif()).isFalse();

        assertThat(membre.reprendre(T0.plusSeconds(20))).isTrue();
        assertThat(membre.estActif()).isTrue();

        assertThat(membre.resilier(T0.plusSeconds(30))).isTrue();
        assertThat(membre.statut()).contains(StatutMembre.RESILIEE);
        assertThat(membre.estActif()).isFalse();
    }

    @Test
    void ignoresAStatusChangeOlderThanTheLastOneApplied() {
        Membre membre = Membre.inconnu(TALANT);
        membre.activer(talant("a-1"), T0);
        membre.suspendre(T0.plusSeconds(20));

        assertThat(membre.reprendre(T0.plusSeconds(10))).isFalse();

        assertThat(membre.statut()).contains(StatutMembre.SUSPENDUE);
        assertThat(membre.derniereMiseAJour()).contains(T0.plusSeconds(20));
    }

    @Test
    void lateActivationOnlyFillsInTheMissingDescription() {
        Membre membre = Membre.inconnu(TALANT);
        assertThat(membre.suspendre(T0.plusSeconds(10))).isTrue();

        assertThat(membre.activer(talant("a-1"), T0)).isTrue();

        assertThat(membre.statut()).contains(StatutMembre.SUSPENDUE);
        assertThat(membre.description()).isPresent();
        assertThat(membre.estActif()).isFalse();
        assertThat(membre.activer(talant("a-0"), T0.minusSeconds(5))).isFalse();
        assertThat(membre.description().orElseThrow().adhesionId()).isEqualTo("a-1");
    }

    @Test
    void newAdhesionAfterResiliationMakesTheMemberActiveAgain() {
        Membre membre = Membre.inconnu(TALANT);
        membre.activer(talant("a-1"), T0);
        membre.resilier(T0.plusSeconds(10));

        assertThat(membre.activer(talant("a-2"), T0.plusSeconds(20))).isTrue();

        assertThat(membre.estActif()).isTrue();
        assertThat(membre.description().orElseThrow().adhesionId()).isEqualTo("a-2");
    }

    @Test
    void repriseOfAnUndescribedMemberDoesNotListItAsActive() {
        Membre membre = Membre.inconnu(TALANT);

        membre.reprendre(T0);

        assertThat(membre.statut()).contains(StatutMembre.ACTIVE);
        assertThat(membre.estActif()).isFalse();
    }

    @Test
    void rejectsDescriptionWithoutName() {
        assertThatThrownBy(() -> new DescriptionMembre("a-1", " ", "COMMUNE", List.of(), "PASSATION", null))
                .isInstanceOf(ValeurInvalideException.class).hasMessageContaining("nom");
    }
}
