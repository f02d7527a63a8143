package fr.centraleachat.marche.consultation.domain;

import fr.centraleachat.kernel.ValeurInvalideException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static fr.centraleachat.marche.consultation.domain.TypeCritere.AUTRE;
import static fr.centraleachat.marche.consultation.domain.TypeCritere.PRIX;
import static fr.centraleachat.marche.consultation.domain.TypeCritere.TECHNIQUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CriteresTest {

    @Test
    void accepte_un_prix_seul_ou_des_criteres_ponderes_a_100() {
        assertThat(Criteres.de(new CritereAttribution("Prix", 100, PRIX)).liste()).hasSize(1);
        Criteres criteres = Criteres.de(new CritereAttribution(" Prix des fournitures ", 50, PRIX),
                new CritereAttribution("Valeur technique", 30, TECHNIQUE),
                new CritereAttribution("Performance environnementale", 20, AUTRE));
        assertThat(criteres.liste()).extracting(CritereAttribution::libelle)
                .containsExactly("Prix des fournitures", "Valeur technique", "Performance environnementale");
    }

    @Test
    void refuse_l_absence_de_critere_prix() {
        assertThatThrownBy(() -> Criteres.de(new CritereAttribution("Valeur technique", 60, TECHNIQUE),
                new CritereAttribution("Délais", 40, AUTRE)))
                .isInstanceOf(ValeurInvalideException.class)
                .hasFieldOrPropertyWithValue("champ", "criteres")
                .hasMessage("Au moins un critère d'attribution doit porter sur le prix.");
    }

    @ParameterizedTest(name = "somme {0}")
    @ValueSource(ints = {99, 101})
    void refuse_une_somme_de_ponderations_differente_de_100(int somme) {
        assertThatThrownBy(() -> Criteres.de(new CritereAttribution("Prix", 60, PRIX),
                new CritereAttribution("Valeur technique", somme - 60, TECHNIQUE)))
                .isInstanceOf(ValeurInvalideException.class)
                .hasFieldOrPropertyWithValue("champ", "criteres")
                .hasMessage("La somme des pondérations des critères d'attribution doit être égale à 100 (actuellement "
                        + somme + ").");
    }

    @ParameterizedTest(name = "pondération {0}")
    @ValueSource(ints = {0, -10, 101})
    void refuse_une_ponderation_hors_de_1_a_100(int ponderation) {
        assertThatThrownBy(() -> new CritereAttribution("Prix", ponderation, PRIX))
                .isInstanceOf(ValeurInvalideException.class)
                .hasFieldOrPropertyWithValue("champ", "criteres")
                .hasMessage("La pondération du critère « Prix » doit être comprise entre 1 et 100 (reçu : " + ponderation + ").");
    }

    @Test
    void refuse_un_critere_sans_libelle_ou_sans_type() {
        assertThatThrownBy(() -> new CritereAttribution("  ", 50, PRIX)).isInstanceOf(ValeurInvalideException.class);
        assertThatThrownBy(() -> new CritereAttribution("Prix", 50, null))
                .hasMessage("Le type du critère « Prix » est obligatoire (PRIX, TECHNIQUE ou AUTRE).");
        assertThatThrownBy(() -> new CritereAttribution("x".repeat(201), 50, PRIX)).isInstanceOf(ValeurInvalideException.class);
    }

    @Test
    void refuse_une_liste_vide_nulle_ou_avec_doublon() {
        assertThatThrownBy(() -> new Criteres(List.of())).hasMessage("Au moins un critère d'attribution est requis.");
        assertThatThrownBy(() -> new Criteres(null)).isInstanceOf(ValeurInvalideException.class);
        assertThatThrownBy(() -> new Criteres(Arrays.asList(new CritereAttribution("Prix", 100, PRIX), null)))
                .isInstanceOf(ValeurInvalideException.class);
        assertThatThrownBy(() -> Criteres.de(new CritereAttribution("Prix", 50, PRIX), new CritereAttribution("prix", 50, PRIX)))
                .hasMessage("Le critère d'attribution « prix » figure plusieurs fois.");
    }

    @Test
    void ne_suit_pas_les_modifications_de_la_liste_d_origine() {
        List<CritereAttribution> source = new ArrayList<>(List.of(new CritereAttribution("Prix", 100, PRIX)));
        Criteres criteres = new Criteres(source);
        source.clear();

        assertThat(criteres.liste()).hasSize(1);
        assertThatThrownBy(() -> criteres.liste().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
