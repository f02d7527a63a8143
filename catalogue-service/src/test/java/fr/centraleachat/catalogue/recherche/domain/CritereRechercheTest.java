package fr.centraleachat.catalogue.recherche.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.catalogue.contrat.domain.StatutContrat;
import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.ValeurInvalideException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CritereRechercheTest {

    private static CritereRecherche texte(String q) {
        return CritereRecherche.depuis(q, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static void refuse(String champ, Runnable appel) {
        assertThatThrownBy(appel::run).isInstanceOf(ValeurInvalideException.class)
                .satisfies(e -> assertThat(((ValeurInvalideException) e).champ()).isEqualTo(champ));
    }

    @Test
    void withoutAnyParameterItBrowsesTheFirstPageByRelevance() {
        CritereRecherche critere = texte(null);
        assertThat(critere.aUnTexte()).isFalse();
        assertThat(critere.tri()).isEqualTo(TriRecherche.PERTINENCE);
        assertThat(critere.page()).isZero();
        assertThat(critere.taille()).isEqualTo(20);
        assertThat(critere.statut()).isNull();
        assertThat(texte("   ").aUnTexte()).isFalse();
    }

    @Test
    void readsEveryFilter() {
        CritereRecherche critere = CritereRecherche.depuis(" L’agrafeuse  « pro » (x2) ", "FOURNITURES_ADMINISTRATIVES",
                "30", "55210055400013", "2027-0042-L1", " Boîte  de 10 ", "1,5", "12.3456", "EXPIRE", "prix_desc", 3,
                50);
        assertThat(critere.texte()).isEqualTo("L’agrafeuse « pro » (x2)");
        assertThat(critere.famille()).isEqualTo(FamilleAchat.FOURNITURES_ADMINISTRATIVES);
        assertThat(critere.divisionCpv()).isEqualTo("30");
        assertThat(critere.titulaire()).isEqualTo("55210055400013");
        assertThat(critere.contrat()).isEqualTo("2027-0042-L1");
        assertThat(critere.unite()).isEqualTo("boîte de 10");
        assertThat(critere.prixMin()).isEqualByComparingTo("1.5");
        assertThat(critere.prixMax()).isEqualByComparingTo("12.3456");
        assertThat(critere.statut()).isEqualTo(StatutContrat.EXPIRE);
        assertThat(critere.tri()).isEqualTo(TriRecherche.PRIX_DECROISSANT);
        assertThat(critere.decalage()).isEqualTo(150);
    }

    @Test
    void emptyParametersAreTakenAsAbsent() {
        CritereRecherche critere = CritereRecherche.depuis("", "", "", "", "", "", "", "", "", "", null, null);
        assertThat(critere).isEqualTo(texte(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"$gt\":\"\"}", "abc\u0000def", "\u202Eabc", "-999999999-01-01T00:00:00Z",
            "titre:agrafeuse", "agraf*~2", "a\\b", "<script>", "ligne\nsuivante"})
    void refusesQuerySyntaxControlAndFormattingCharacters(String q) {
        refuse("q", () -> texte(q));
    }

    @Test
    void boundsTheText() {
        assertThat(texte("a".repeat(200)).texte()).hasSize(200);
        refuse("q", () -> texte("a".repeat(201)));
        refuse("q", () -> texte("a".repeat(5_000)));
        assertThat(texte("un deux trois quatre cinq six sept huit neuf dix onze douze").aUnTexte()).isTrue();
        refuse("q", () -> texte("un deux trois quatre cinq six sept huit neuf dix onze douze treize"));
    }

    @Test
    void refusesUnknownOrLooselyWrittenEnumerations() {
        for (String famille : new String[] {"VALEUR_INCONNUE", "fournitures_administratives",
                " FOURNITURES_ADMINISTRATIVES ", "0"}) {
            refuse("famille", () -> CritereRecherche.depuis(null, famille, null, null, null, null, null, null, null,
                    null, null, null));
        }
        for (String statut : new String[] {"actif", "ACTIF ", "0", "TERMINE"}) {
            refuse("statut", () -> CritereRecherche.depuis(null, null, null, null, null, null, null, null, statut,
                    null, null, null));
        }
        for (String tri : new String[] {"PERTINENCE", "prix", " prix_asc", "0"}) {
            refuse("tri", () -> CritereRecherche.depuis(null, null, null, null, null, null, null, null, null, tri,
                    null, null));
        }
    }

    @Test
    void refusesMalformedIdentifiers() {
        refuse("divisionCpv", () -> CritereRecherche.depuis(null, null, "3", null, null, null, null, null, null,
                null, null, null));
        refuse("divisionCpv", () -> CritereRecherche.depuis(null, null, "99", null, null, null, null, null, null,
                null, null, null));
        refuse("titulaire", () -> CritereRecherche.depuis(null, null, null, "55210055400014", null, null, null,
                null, null, null, null, null));
        refuse("contrat", () -> CritereRecherche.depuis(null, null, null, null, "{\"$gt\":\"\"}", null, null,
                null, null, null, null, null));
        refuse("unite", () -> CritereRecherche.depuis(null, null, null, null, null, "x".repeat(31), null, null,
                null, null, null, null));
        refuse("unite", () -> CritereRecherche.depuis(null, null, null, null, null, "-999999999-01-01T00:00:00Z",
                null, null, null, null, null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e100000", "-1", "NaN", "Infinity", "douze", "1,23456", "1000000000", "99999999999",
            "-1e999999999"})
    void refusesPricesThatAreNotPlainBoundedAmounts(String prix) {
        refuse("prixMin", () -> CritereRecherche.depuis(null, null, null, null, null, null, prix, null, null, null,
                null, null));
    }

    @Test
    void refusesAnInvertedPriceRange() {
        refuse("prixMin", () -> CritereRecherche.depuis(null, null, null, null, null, null, "10", "9,99", null, null,
                null, null));
    }

    @Test
    void pagesOnlyThroughTheFirstTenThousandResults() {
        assertThat(CritereRecherche.depuis(null, null, null, null, null, null, null, null, null, null, 49, 200)
                .decalage()).isEqualTo(9_800);
        refuse("page", () -> CritereRecherche.depuis(null, null, null, null, null, null, null, null, null, null, 50,
                200));
        refuse("page", () -> CritereRecherche.depuis(null, null, null, null, null, null, null, null, null, null, -1,
                null));
        refuse("taille", () -> CritereRecherche.depuis(null, null, null, null, null, null, null, null, null, null,
                null, 0));
        refuse("taille", () -> CritereRecherche.depuis(null, null, null, null, null, null, null, null, null, null,
                null, 201));
    }
}
