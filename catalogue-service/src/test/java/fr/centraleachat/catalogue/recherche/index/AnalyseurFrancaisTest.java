package fr.centraleachat.catalogue.recherche.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyseurFrancaisTest {

    private final AnalyseurFrancais complet = AnalyseurFrancais.complet();
    private final AnalyseurFrancais sansRacinisation = AnalyseurFrancais.sansRacinisation();

    private List<String> complet(String texte) {
        return RequetesRecherche.jetons(complet, texte);
    }

    @Test
    void aPluralAndItsSingularShareOneStem() {
        assertThat(complet("fournitures")).isEqualTo(complet("fourniture")).hasSize(1);
        assertThat(complet("enveloppes")).isEqualTo(complet("Enveloppe"));
    }

    @Test
    void accentsAreFoldedBeforeStemmingSoThatAWordTypedWithoutThemMatches() {
        assertThat(complet("cafe")).isEqualTo(complet("café")).isEqualTo(complet("CAFÉS")).containsExactly("cafe");
        assertThat(complet("electricite")).isEqualTo(complet("Électricité"));
    }

    @Test
    void theElidedArticleIsDroppedWithEitherApostrophe() {
        assertThat(complet("l'agrafeuse")).isEqualTo(complet("agrafeuse")).hasSize(1);
        assertThat(complet("L’Agrafeuse")).isEqualTo(complet("agrafeuse"));
        assertThat(complet("d'encre")).isEqualTo(complet("encre"));
    }

    @Test
    void frenchStopWordsAreDropped() {
        assertThat(complet("Fournitures de bureau")).isEqualTo(complet("fourniture bureau")).hasSize(2);
        assertThat(complet("le la les des du et")).isEmpty();
    }

    @Test
    void referencesAndNumbersAreSplitAsWritten() {
        assertThat(complet("PAP-A4 80 g")).containsExactly("pap", "a4", "80", "g");
    }

    @Test
    void withoutStemmingWordsStayAsWrittenButFolded() {
        assertThat(RequetesRecherche.jetons(sansRacinisation, "L'Agrafeuse chromée des Fournitures"))
                .containsExactly("agrafeuse", "chromee", "fournitures");
    }
}
