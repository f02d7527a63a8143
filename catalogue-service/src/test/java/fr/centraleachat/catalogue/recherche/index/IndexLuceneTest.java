package fr.centraleachat.catalogue.recherche.index;

import static org.assertj.core.api.Assertions.assertThat;

import fr.centraleachat.catalogue.contrat.application.Contrats;
import fr.centraleachat.catalogue.contrat.domain.StatutContrat;
import fr.centraleachat.catalogue.recherche.domain.ContratIndexe;
import fr.centraleachat.catalogue.recherche.domain.CritereRecherche;
import fr.centraleachat.catalogue.recherche.domain.ResultatRecherche;
import fr.centraleachat.catalogue.recherche.domain.ResultatRecherche.Article;
import fr.centraleachat.catalogue.recherche.domain.ResultatRecherche.Valeur;
import fr.centraleachat.catalogue.recherche.domain.TranchePrix;
import fr.centraleachat.catalogue.recherche.domain.TriRecherche;
import fr.centraleachat.catalogue.tarif.domain.LigneTarif;
import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.Siret;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index on a small catalogue in memory: French matching, visibility, status, filters, facets, order, pages. */
class IndexLuceneTest {

    static final LocalDate AUJOURDHUI = LocalDate.of(2027, 3, 1);
    static final String TALANT = "212106173";
    static final String DIJON = "212102313";
    static final String PAPETERIE = "55210055400013";
    static final String INFORMATIQUE = "73282932000074";

    static final ContratIndexe BUREAU = new ContratIndexe("2027-0001-L1", "Fournitures de bureau", "Papeterie",
            PAPETERIE, "Papeterie de Bourgogne", List.of(TALANT), "30192000-1",
            FamilleAchat.FOURNITURES_ADMINISTRATIVES, LocalDate.of(2027, 1, 1), LocalDate.of(2028, 12, 31), null);
    static final ContratIndexe POSTES = new ContratIndexe("2027-0002-L1", "Postes informatiques", null, INFORMATIQUE,
            "Informatique de Dijon", List.of(DIJON), null, FamilleAchat.INFORMATIQUE_TELECOMS,
            LocalDate.of(2027, 2, 1), LocalDate.of(2029, 1, 31), null);
    static final ContratIndexe ANCIEN = new ContratIndexe("2020-0003-L1", "Fournitures de bureau 2020", null,
            PAPETERIE, "Papeterie de Bourgogne", List.of(TALANT), null, FamilleAchat.FOURNITURES_ADMINISTRATIVES,
            LocalDate.of(2020, 1, 1), LocalDate.of(2021, 12, 31), null);

    private IndexLucene index;

    static LigneTarif ligne(String reference, String designation, String unite, String prix, String cpv) {
        return new LigneTarif(reference, designation, unite, null, new BigDecimal(prix), new BigDecimal("20"),
                cpv == null ? null : new CodeCpv(cpv));
    }

    static void indexer(IndexLucene index, ContratIndexe contrat, LigneTarif... lignes) {
        index.remplacer(contrat, "empreinte-" + contrat.numero(), consommateur -> List.of(lignes)
                .forEach(consommateur));
    }

    @BeforeEach
    void remplir() throws IOException {
        index = new IndexLucene(new ByteBuffersDirectory(), null, false, 16, 20);
        indexer(index, BUREAU,
                ligne("AGR-1", "Agrafeuse de bureau chromée", "pièce", "12.90", "30197110-0"),
                ligne("CAF-1", "Café moulu pur arabica", "paquet", "8.50", "15861000-1"),
                ligne("CLA-1", "Classeurs à levier, fourniture scolaire", "Boîte", "24", null),
                ligne("STY-1", "Stylo <b>bille</b> & bleu", "Pièce", "0.35", null));
        indexer(index, POSTES,
                ligne("ECR-1", "Écran 24 pouces", "pièce", "149", null),
                ligne("CLV-1", "Clavier sans fil", "pièce", "19.99", "30192700-8"));
        indexer(index, ANCIEN, ligne("AGR-0", "Agrafeuse ancienne", "pièce", "9", null));
        index.publier(true);
        index.marquerPret();
    }

    @AfterEach
    void fermer() throws IOException {
        index.destroy();
    }

    private static CritereRecherche critere(String q) {
        return CritereRecherche.depuis(q, null, null, null, null, null, null, null, null, null, null, null);
    }

    private ResultatRecherche tous(CritereRecherche critere) {
        return index.rechercher(critere, Contrats.Perimetre.TOUS, AUJOURDHUI);
    }

    private static List<String> references(ResultatRecherche resultat) {
        return resultat.articles().stream().map(Article::reference).toList();
    }

    private static Map<String, Long> comptes(List<Valeur> valeurs) {
        return valeurs.stream().collect(Collectors.toMap(Valeur::valeur, Valeur::nombre));
    }

    @Test
    void aPluralFindsTheSingularAndTheContractsObjetFindsItsItems() {
        ResultatRecherche resultat = tous(critere("fournitures"));
        assertThat(references(resultat)).first().as("in its designation").isEqualTo("CLA-1");
        // The others by their contract's objet, and the keyboard by its CPV division's name ("fournitures
        // informatique"), which weighs least.
        assertThat(references(resultat)).containsExactlyInAnyOrder("CLA-1", "AGR-1", "CAF-1", "STY-1", "CLV-1")
                .last().isEqualTo("CLV-1");
        assertThat(resultat.total()).isEqualTo(5);
        assertThat(references(tous(critere("fournitures de bureau")))).containsExactlyInAnyOrder("CLA-1", "AGR-1",
                "CAF-1", "STY-1", "CLV-1");
        assertThat(references(index.rechercher(critere("fournitures de bureau"),
                new Contrats.Perimetre(new Siren(TALANT), null), AUJOURDHUI))).containsExactlyInAnyOrder("CLA-1",
                "AGR-1", "CAF-1", "STY-1");
    }

    @Test
    void wordsWithoutTheirAccentsOrWithAnElidedArticleAreFound() {
        assertThat(references(tous(critere("cafe")))).containsExactly("CAF-1");
        assertThat(references(tous(critere("ECRAN")))).containsExactly("ECR-1");
        assertThat(references(tous(critere("l'agrafeuse")))).containsExactly("AGR-1");
        assertThat(references(tous(critere("L’agrafeuse chromee")))).containsExactly("AGR-1");
    }

    @Test
    void aTypoInALongerWordIsTolerated() {
        assertThat(references(tous(critere("agrafeusse")))).containsExactly("AGR-1");
        assertThat(references(tous(critere("clavié")))).containsExactly("CLV-1");
        assertThat(references(tous(critere("arabika")))).containsExactly("CAF-1");
        // Short words must be right: "cafe" is not "cage".
        assertThat(tous(critere("cage")).total()).isZero();
    }

    @Test
    void everyWordMustBeFoundAndAnExactWordRanksFirst() {
        assertThat(references(tous(critere("agrafeuse café")))).isEmpty();
        assertThat(references(tous(critere("bureau agrafeuse")))).containsExactly("AGR-1");
        assertThat(references(tous(critere("AGR-1")))).first().isEqualTo("AGR-1");
    }

    @Test
    void theTitulairesNameAndTheCpvDivisionsNameFindTheirItems() {
        assertThat(references(tous(critere("informatique dijon")))).containsExactlyInAnyOrder("ECR-1", "CLV-1");
        assertThat(references(tous(critere("boissons")))).containsExactly("CAF-1");
    }

    @Test
    void theMatchingWordsAreHighlightedInTheEscapedDesignation() {
        assertThat(tous(critere("agrafeusse")).articles().get(0).surlignage())
                .isEqualTo("<em>Agrafeuse</em> de bureau chromée");
        assertThat(tous(critere("stylo")).articles().get(0).surlignage())
                .isEqualTo("<em>Stylo</em> &lt;b&gt;bille&lt;&#x2F;b&gt; &amp; bleu");
        Article parLeContrat = tous(critere("papeterie")).articles().stream()
                .filter(a -> a.reference().equals("STY-1")).findFirst().orElseThrow();
        assertThat(parLeContrat.surlignage()).isEqualTo("Stylo &lt;b&gt;bille&lt;&#x2F;b&gt; &amp; bleu");
    }

    @Test
    void anAgentSeesTheContractsItsBodyBenefitsFromASupplierItsOwnTheAcheteurAll() {
        assertThat(references(index.rechercher(critere(null), new Contrats.Perimetre(new Siren(TALANT), null),
                AUJOURDHUI))).containsExactlyInAnyOrder("AGR-1", "CAF-1", "CLA-1", "STY-1");
        assertThat(references(index.rechercher(critere("agrafeuse"), new Contrats.Perimetre(new Siren(DIJON), null),
                AUJOURDHUI))).isEmpty();
        assertThat(references(index.rechercher(critere(null), new Contrats.Perimetre(new Siren(DIJON), null),
                AUJOURDHUI))).containsExactlyInAnyOrder("ECR-1", "CLV-1");
        assertThat(references(index.rechercher(critere(null), new Contrats.Perimetre(null, new Siret(INFORMATIQUE)),
                AUJOURDHUI))).containsExactlyInAnyOrder("ECR-1", "CLV-1");
        assertThat(tous(critere(null)).total()).isEqualTo(6);
    }

    @Test
    void endedContractsAreLeftOutUnlessAskedFor() {
        CritereRecherche expires = CritereRecherche.depuis("agrafeuse", null, null, null, null, null, null, null,
                StatutContrat.EXPIRE.name(), null, null, null);
        assertThat(references(tous(expires))).containsExactly("AGR-0");
        assertThat(tous(CritereRecherche.depuis(null, null, null, null, null, null, null, null, "A_VENIR", null,
                null, null)).total()).isZero();
        assertThat(index.rechercher(critere(null), Contrats.Perimetre.TOUS, LocalDate.of(2027, 1, 15)).total())
                .as("before the second contract starts, it is still shown (to come)").isEqualTo(6);
        assertThat(references(index.rechercher(CritereRecherche.depuis(null, null, null, null, null, null, null,
                null, "A_VENIR", null, null, null), Contrats.Perimetre.TOUS, LocalDate.of(2027, 1, 15))))
                .containsExactlyInAnyOrder("ECR-1", "CLV-1");
    }

    @Test
    void facetsCountAllTheResultsWithTheirNames() {
        ResultatRecherche.Facettes f = tous(critere(null)).facettes();
        assertThat(comptes(f.familleAchat())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "FOURNITURES_ADMINISTRATIVES", 4L, "INFORMATIQUE_TELECOMS", 2L));
        assertThat(f.familleAchat().get(0).libelle()).isEqualTo("Fournitures administratives et de bureau");
        assertThat(comptes(f.titulaire())).containsExactlyInAnyOrderEntriesOf(Map.of(PAPETERIE, 4L,
                INFORMATIQUE, 2L));
        assertThat(f.titulaire().get(0).libelle()).isEqualTo("Papeterie de Bourgogne");
        assertThat(comptes(f.contrat())).containsExactlyInAnyOrderEntriesOf(Map.of("2027-0001-L1", 4L,
                "2027-0002-L1", 2L));
        assertThat(f.contrat().get(0).libelle()).isEqualTo("Fournitures de bureau");
        assertThat(comptes(f.unite())).containsExactlyInAnyOrderEntriesOf(Map.of("pièce", 4L, "paquet", 1L,
                "boîte", 1L));
        assertThat(comptes(f.divisionCpv())).containsExactlyInAnyOrderEntriesOf(Map.of("30", 4L, "15", 1L));
        assertThat(f.divisionCpv().get(0).libelle()).startsWith("Machines, matériel et fournitures informatique");
        assertThat(f.tranchesPrix()).extracting(t -> t.tranche(), t -> t.nombre()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(TranchePrix.MOINS_DE_1, 1L),
                org.assertj.core.groups.Tuple.tuple(TranchePrix.DE_5_A_10, 1L),
                org.assertj.core.groups.Tuple.tuple(TranchePrix.DE_10_A_50, 3L),
                org.assertj.core.groups.Tuple.tuple(TranchePrix.DE_100_A_500, 1L));
    }

    @Test
    void facetsFollowTheQuery() {
        ResultatRecherche.Facettes f = tous(critere("clavier")).facettes();
        assertThat(comptes(f.contrat())).containsExactlyEntriesOf(Map.of("2027-0002-L1", 1L));
        assertThat(comptes(f.unite())).containsExactlyEntriesOf(Map.of("pièce", 1L));
    }

    @Test
    void filtersNarrowTheResults() {
        assertThat(references(tous(CritereRecherche.depuis(null, null, null, null, null, "BOÎTE", null, null, null,
                null, null, null)))).containsExactly("CLA-1");
        assertThat(references(tous(CritereRecherche.depuis(null, null, "15", null, null, null, null, null, null,
                null, null, null)))).containsExactly("CAF-1");
        assertThat(references(tous(CritereRecherche.depuis(null, null, null, null, null, null, "10", "24", null,
                "prix_asc", null, null)))).containsExactly("AGR-1", "CLV-1", "CLA-1");
        assertThat(references(tous(CritereRecherche.depuis(null, "INFORMATIQUE_TELECOMS", null, null, null, null,
                null, null, null, null, null, null)))).containsExactlyInAnyOrder("ECR-1", "CLV-1");
        assertThat(references(tous(CritereRecherche.depuis(null, null, null, PAPETERIE, "2027-0001-L1", null, null,
                null, null, null, null, null)))).hasSize(4);
        assertThat(tous(CritereRecherche.depuis(null, null, null, INFORMATIQUE, "2027-0001-L1", null, null, null,
                null, null, null, null)).total()).isZero();
    }

    @Test
    void sortsByPriceAndPagesStably() {
        assertThat(references(tous(CritereRecherche.depuis(null, null, null, null, null, null, null, null, null,
                TriRecherche.PRIX_CROISSANT.valeur(), null, null))))
                .containsExactly("STY-1", "CAF-1", "AGR-1", "CLV-1", "CLA-1", "ECR-1");
        assertThat(references(tous(CritereRecherche.depuis(null, null, null, null, null, null, null, null, null,
                "prix_desc", null, null)))).containsExactly("ECR-1", "CLA-1", "CLV-1", "AGR-1", "CAF-1", "STY-1");
        ResultatRecherche page = tous(CritereRecherche.depuis(null, null, null, null, null, null, null, null, null,
                "prix_asc", 1, 2));
        assertThat(references(page)).containsExactly("AGR-1", "CLV-1");
        assertThat(page.total()).isEqualTo(6);
        assertThat(references(tous(CritereRecherche.depuis(null, null, null, null, null, null, null, null, null,
                null, 9, 2)))).isEmpty();
        assertThat(references(tous(critere(null)))).as("browsing: by contract then reference")
                .containsExactly("AGR-1", "CAF-1", "CLA-1", "STY-1", "CLV-1", "ECR-1");
    }

    @Test
    void anItemCarriesItsLineAndContract() {
        Article cafe = tous(critere("café")).articles().get(0);
        assertThat(cafe.numeroContrat()).isEqualTo("2027-0001-L1");
        assertThat(cafe.designation()).isEqualTo("Café moulu pur arabica");
        assertThat(cafe.unite()).isEqualTo("paquet");
        assertThat(cafe.prixUnitaireHt()).isEqualByComparingTo("8.50");
        assertThat(cafe.tauxTva()).isEqualByComparingTo("20");
        assertThat(cafe.cpv()).isEqualTo("15861000-1");
        assertThat(tous(critere("classeurs")).articles().get(0).cpv()).as("the contract's code when the line has none")
                .isEqualTo("30192000-1");
        assertThat(index.contrat("2027-0001-L1")).contains(BUREAU);
    }

    @Test
    void aContractsItemsChangeAllAtOnceWhenPublished() {
        Contrats.Perimetre talant = new Contrats.Perimetre(new Siren(TALANT), null);
        indexer(index, BUREAU, ligne("AGR-1", "Agrafeuse de bureau chromée", "pièce", "13.50", null));
        assertThat(index.rechercher(critere(null), talant, AUJOURDHUI).total()).as("not yet published").isEqualTo(4);
        index.publier(false);
        assertThat(references(index.rechercher(critere(null), talant, AUJOURDHUI))).containsExactly("AGR-1");
        assertThat(tous(critere("agrafeuse")).articles().get(0).prixUnitaireHt()).isEqualByComparingTo("13.50");

        index.supprimer(POSTES.numero());
        index.publier(false);
        assertThat(tous(critere("clavier")).total()).isZero();
        assertThat(index.empreintes()).containsOnlyKeys("2027-0001-L1", "2020-0003-L1");
        assertThat(index.contrat(POSTES.numero())).isEmpty();
    }

    @Test
    void aFailingSourceLeavesNothingOfTheContract() {
        try {
            index.remplacer(POSTES, "nouvelle", consommateur -> {
                consommateur.accept(ligne("ECR-2", "Écran 27 pouces", "pièce", "199", null));
                throw new IllegalStateException("store lost");
            });
        } catch (IllegalStateException attendue) {
            // The contract is then stale: indexed again at the next verification.
        }
        index.publier(false);
        assertThat(tous(critere("ecran")).total()).isZero();
        assertThat(index.empreintes()).doesNotContainKey(POSTES.numero());
    }

    @Test
    void aReopenedIndexKnowsWhatItHoldsAndAnUnfinishedOneIsNotReady(@TempDir Path dossier) throws IOException {
        IndexLucene surDisque = new IndexLucene(FSDirectory.open(dossier), dossier, false, 16, 20);
        assertThat(surDisque.pret()).isFalse();
        indexer(surDisque, BUREAU, ligne("AGR-1", "Agrafeuse de bureau chromée", "pièce", "12.90", null));
        surDisque.publier(true);
        surDisque.destroy();

        IndexLucene inacheve = new IndexLucene(FSDirectory.open(dossier), dossier, false, 16, 20);
        assertThat(inacheve.pret()).as("its first build never finished").isFalse();
        assertThat(inacheve.empreintes()).containsEntry("2027-0001-L1", "empreinte-2027-0001-L1");
        inacheve.marquerPret();
        inacheve.destroy();

        IndexLucene rouvert = new IndexLucene(FSDirectory.open(dossier), dossier, false, 16, 20);
        try {
            assertThat(rouvert.pret()).isTrue();
            assertThat(rouvert.contrat("2027-0001-L1")).contains(BUREAU);
            assertThat(references(rouvert.rechercher(critere("agrafeuse"), Contrats.Perimetre.TOUS, AUJOURDHUI)))
                    .containsExactly("AGR-1");
        } finally {
            rouvert.destroy();
        }
    }

    @Test
    void anUnreadableIndexIsRebuilt(@TempDir Path dossier) throws IOException {
        java.nio.file.Files.write(dossier.resolve("segments_5"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        IndexLucene reconstruit = new IndexLucene(FSDirectory.open(dossier), dossier, false, 16, 20);
        try {
            assertThat(reconstruit.pret()).isFalse();
            assertThat(reconstruit.empreintes()).isEmpty();
            indexer(reconstruit, BUREAU, ligne("AGR-1", "Agrafeuse de bureau chromée", "pièce", "12.90", null));
            reconstruit.publier(true);
            assertThat(reconstruit.rechercher(critere("agrafeuse"), Contrats.Perimetre.TOUS, AUJOURDHUI).total())
                    .isEqualTo(1);
        } finally {
            reconstruit.destroy();
        }
    }

    @Test
    void aTemporaryIndexLeftByAStoppedProcessIsRemovedOneInUseIsNot(@TempDir Path temporaires) throws IOException {
        Path orphelin = java.nio.file.Files.createDirectory(temporaires.resolve("catalogue-recherche-1"));
        java.nio.file.Files.write(orphelin.resolve("_0.cfs"), new byte[] {1});
        Path enUsage = java.nio.file.Files.createDirectory(temporaires.resolve("catalogue-recherche-2"));
        Path recent = java.nio.file.Files.createDirectory(temporaires.resolve("catalogue-recherche-3"));
        IndexLucene vivant = new IndexLucene(FSDirectory.open(enUsage), enUsage, false, 16, 20);
        try {
            java.nio.file.attribute.FileTime ancien = java.nio.file.attribute.FileTime.from(
                    java.time.Instant.now().minus(java.time.Duration.ofHours(2)));
            java.nio.file.Files.setLastModifiedTime(orphelin, ancien);
            java.nio.file.Files.setLastModifiedTime(enUsage, ancien);

            IndexLucene.nettoyerOrphelins(temporaires, java.time.Duration.ofMinutes(10));

            assertThat(orphelin).doesNotExist();
            assertThat(enUsage).isDirectory();
            assertThat(recent).as("just created: perhaps about to be used").isDirectory();
            assertThat(vivant.empreintes()).isEmpty();
        } finally {
            vivant.destroy();
        }
    }
}
