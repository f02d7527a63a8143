package fr.centraleachat.adhesion.groupement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.adhesion.adhesion.domain.Missions;
import fr.centraleachat.kernel.RegleMetierException;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.TransitionInterditeException;
import fr.centraleachat.kernel.ValeurInvalideException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupementTest {

    private static final Siren METROPOLE = new Siren("242100410");
    private static final Siren DIJON = new Siren("212102313");
    private static final Siren TALANT = new Siren("212106173");
    private static final LocalDate AUJOURDHUI = LocalDate.of(2026, 3, 2);

    private static Groupement groupement(Siren... membres) {
        return Groupement.creer(GroupementId.nouveau(), "Vidéoprotection 2027", METROPOLE, Missions.PASSATION,
                "CAO de Dijon Métropole", "Au prorata des commandes", List.of(membres), AUJOURDHUI);
    }

    private static Approbation deliberation(String numero) {
        return new Approbation(numero, AUJOURDHUI.minusDays(3));
    }

    @Test
    void isCreatedInConstitutionAtSequenceOne() {
        Groupement g = groupement(TALANT, METROPOLE, DIJON);

        assertThat(g.statut()).isEqualTo(StatutGroupement.EN_CONSTITUTION);
        assertThat(g.membres()).extracting(MembreGroupement::siren).containsExactly(DIJON, TALANT, METROPOLE);
        assertThat(g.evenementsEnAttente()).singleElement().isInstanceOf(GroupementCree.class);
        assertThat(g.evenementsEnAttente().get(0).apres().sequence()).isEqualTo(1);
    }

    @Test
    void refusesACoordonnateurOutsideTheMembersDuplicatesAndASingleMember() {
        assertThatThrownBy(() -> groupement(DIJON, TALANT)).isInstanceOf(RegleMetierException.class)
                .hasMessageContaining("coordonnateur");
        assertThatThrownBy(() -> groupement(METROPOLE, DIJON, DIJON)).hasMessageContaining("plusieurs fois");
        assertThatThrownBy(() -> groupement(METROPOLE)).isInstanceOf(ValeurInvalideException.class)
                .hasMessageContaining("de 2 à 200");
    }

    @Test
    void constitutesOnTheLastApproval() {
        Groupement g = groupement(METROPOLE, DIJON);

        g.approuver(DIJON, deliberation("D-1"), AUJOURDHUI);
        assertThat(g.statut()).isEqualTo(StatutGroupement.EN_CONSTITUTION);
        g.approuver(METROPOLE, deliberation("M-1"), AUJOURDHUI);

        assertThat(g.statut()).isEqualTo(StatutGroupement.CONSTITUE);
        assertThat(g.etat().dateConstitution()).isEqualTo(AUJOURDHUI);
        List<EvenementGroupement> evenements = g.evenementsEnAttente();
        assertThat(evenements).extracting(e -> e.getClass().getSimpleName()).containsExactly("GroupementCree",
                "ApprobationEnregistree", "ApprobationEnregistree", "GroupementConstitue");
        assertThat(evenements).extracting(e -> e.apres().sequence()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(evenements.get(2).apres().statut()).isEqualTo(StatutGroupement.EN_CONSTITUTION);
        assertThat(evenements.get(3).apres().statut()).isEqualTo(StatutGroupement.CONSTITUE);
    }

    @Test
    void refusesASecondApprovalAFutureDeliberationAndANonMember() {
        Groupement g = groupement(METROPOLE, DIJON);
        g.approuver(DIJON, deliberation("D-1"), AUJOURDHUI);

        assertThatThrownBy(() -> g.approuver(DIJON, deliberation("D-2"), AUJOURDHUI))
                .isInstanceOf(TransitionInterditeException.class).hasMessageContaining("déjà approuvé");
        assertThatThrownBy(() -> g.approuver(METROPOLE, new Approbation("M", AUJOURDHUI.plusDays(1)), AUJOURDHUI))
                .isInstanceOf(RegleMetierException.class).hasMessageContaining("futur");
        assertThatThrownBy(() -> g.approuver(TALANT, deliberation("T"), AUJOURDHUI))
                .isInstanceOf(TransitionInterditeException.class).hasMessageContaining("ne fait pas partie");
    }

    @Test
    void aLateMemberMustApproveButTheGroupementStaysConstituted() {
        Groupement g = groupement(METROPOLE, DIJON);
        g.approuver(DIJON, deliberation("D-1"), AUJOURDHUI);
        g.approuver(METROPOLE, deliberation("M-1"), AUJOURDHUI);

        g.ajouterMembre(TALANT, AUJOURDHUI);
        g.approuver(TALANT, deliberation("T-1"), AUJOURDHUI);

        assertThat(g.statut()).isEqualTo(StatutGroupement.CONSTITUE);
        assertThat(g.evenementsEnAttente()).filteredOn(e -> e instanceof GroupementConstitue).hasSize(1);
        assertThatThrownBy(() -> g.ajouterMembre(TALANT, AUJOURDHUI)).hasMessageContaining("déjà partie");
    }

    @Test
    void withdrawalRules() {
        Groupement g = groupement(METROPOLE, DIJON, TALANT);
        g.approuver(METROPOLE, deliberation("M-1"), AUJOURDHUI);
        g.approuver(DIJON, deliberation("D-1"), AUJOURDHUI);

        assertThatThrownBy(() -> g.retirer(METROPOLE, AUJOURDHUI)).isInstanceOf(TransitionInterditeException.class)
                .hasMessageContaining("coordonnateur");
        // The only member that had not approved leaves: every remaining one has, so it is constituted.
        g.retirer(TALANT, AUJOURDHUI);

        assertThat(g.statut()).isEqualTo(StatutGroupement.CONSTITUE);
        assertThat(g.evenementsEnAttente()).extracting(e -> e.getClass().getSimpleName())
                .endsWith("MembreRetireDuGroupement", "GroupementConstitue");
        assertThatThrownBy(() -> g.retirer(DIJON, AUJOURDHUI)).isInstanceOf(TransitionInterditeException.class)
                .hasMessageContaining("CONSTITUE");
    }

    @Test
    void keepsAtLeastTwoMembers() {
        Groupement g = groupement(METROPOLE, DIJON);

        assertThatThrownBy(() -> g.retirer(DIJON, AUJOURDHUI)).isInstanceOf(TransitionInterditeException.class)
                .hasMessageContaining("au moins 2");
    }

    @Test
    void dissolvesFromAnyLiveStateAndThenRefusesEverything() {
        Groupement g = groupement(METROPOLE, DIJON);

        g.dissoudre("Projet abandonné", AUJOURDHUI);

        assertThat(g.statut()).isEqualTo(StatutGroupement.DISSOUS);
        assertThat(g.etat().motifDissolution()).isEqualTo("Projet abandonné");
        assertThatThrownBy(() -> g.approuver(DIJON, deliberation("D"), AUJOURDHUI))
                .isInstanceOf(TransitionInterditeException.class).hasMessageContaining("DISSOUS");
        assertThatThrownBy(() -> g.ajouterMembre(TALANT, AUJOURDHUI)).isInstanceOf(TransitionInterditeException.class);
        assertThatThrownBy(() -> g.dissoudre("Encore", AUJOURDHUI)).isInstanceOf(TransitionInterditeException.class);
    }
}
