package fr.centraleachat.catalogue.recherche.application;

import static org.assertj.core.api.Assertions.assertThat;

import fr.centraleachat.support.test.HorlogeReglable;
import fr.centraleachat.catalogue.contrat.application.ContratProjete;
import fr.centraleachat.catalogue.contrat.application.Contrats;
import fr.centraleachat.catalogue.recherche.domain.ContratIndexe;
import fr.centraleachat.catalogue.recherche.domain.CritereRecherche;
import fr.centraleachat.catalogue.recherche.domain.EtatContrat;
import fr.centraleachat.catalogue.recherche.domain.ResultatRecherche;
import fr.centraleachat.catalogue.tarif.application.ContratsPourTarifs;
import fr.centraleachat.catalogue.tarif.application.Tarifs;
import fr.centraleachat.catalogue.tarif.application.TarifsEnVigueur;
import fr.centraleachat.catalogue.tarif.application.VersionTarifPubliee;
import fr.centraleachat.catalogue.tarif.domain.HistoriqueTarif;
import fr.centraleachat.catalogue.tarif.domain.LigneTarif;
import fr.centraleachat.catalogue.tarif.domain.SourceVersion;
import fr.centraleachat.catalogue.tarif.domain.VersionTarif;
import fr.centraleachat.kernel.FamilleAchat;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the index follows the store: built at start, caught up by the periodic verification (writes made through
 * another instance, versions coming into force), updated at once on this process's events, never for nothing.
 */
class MiseAJourIndexTest {

    private static final LocalDate JOUR = LocalDate.of(2027, 3, 1);

    private final HorlogeReglable horloge = new HorlogeReglable(JOUR.atStartOfDay(ZoneOffset.ofHours(1)).plusHours(10).toInstant());
    private final Sources sources = new Sources();
    private final Index index = new Index();
    private final Map<String, List<LigneTarif>> lignesParVersion = new ConcurrentHashMap<>();
    private MiseAJourIndex miseAJour;

    @BeforeEach
    void preparer() {
        miseAJour = new MiseAJourIndex(index, sources, new TarifsEnVigueur(new LignesEnMemoire(), new AucunContrat(),
                horloge), horloge);
    }

    @AfterEach
    void arreter() throws InterruptedException {
        miseAJour.destroy();
    }

    private void attendre() throws InterruptedException {
        assertThat(miseAJour.attendre(Duration.ofSeconds(10))).isTrue();
    }

    private static ContratIndexe contrat(String numero, String objet) {
        return new ContratIndexe(numero, objet, null, "55210055400013", "Papeterie de Bourgogne", List.of("212106173"),
                null, FamilleAchat.FOURNITURES_ADMINISTRATIVES, LocalDate.of(2027, 1, 1), LocalDate.of(2028, 12, 31),
                null);
    }

    private VersionTarif version(int numero, String id, LocalDate dateEffet, String... designations) {
        List<LigneTarif> lignes = new ArrayList<>();
        for (int i = 0; i < designations.length; i++) {
            lignes.add(new LigneTarif("REF-" + i, designations[i], "pièce", null, new BigDecimal("1.50"),
                    new BigDecimal("20"), null));
        }
        lignesParVersion.put(id, lignes);
        return new VersionTarif(numero, id, dateEffet, SourceVersion.IMPORT, "CSV", "prix.csv", null, null, null,
                lignes.size(), null, null);
    }

    private static EtatContrat etat(ContratIndexe contrat, VersionTarif... versions) {
        return new EtatContrat(contrat, versions.length == 0 ? null
                : new HistoriqueTarif(contrat.numero(), List.of(versions)));
    }

    @Test
    void atStartTheIndexIsBuiltFromTheStoreAndOnlyThenReady() throws InterruptedException {
        sources.mettre(etat(contrat("2027-0001-L1", "Fournitures de bureau"),
                version(1, "v1", LocalDate.of(2027, 1, 1), "Agrafeuse", "Ramette")));
        sources.mettre(etat(contrat("2027-0002-L1", "Mobilier")));
        assertThat(index.pret()).isFalse();

        miseAJour.demarrer();
        attendre();

        assertThat(index.pret()).isTrue();
        assertThat(index.designations("2027-0001-L1")).containsExactly("Agrafeuse", "Ramette");
        assertThat(index.designations("2027-0002-L1")).as("indexed without items: no list yet").isEmpty();
        assertThat(index.durables.get()).isPositive();
    }

    @Test
    void writesMadeThroughAnotherInstanceAreCaughtUpByTheNextVerification() throws InterruptedException {
        ContratIndexe bureau = contrat("2027-0001-L1", "Fournitures de bureau");
        VersionTarif v1 = version(1, "v1", LocalDate.of(2027, 1, 1), "Agrafeuse");
        sources.mettre(etat(bureau, v1));
        sources.mettre(etat(contrat("2027-0002-L1", "Mobilier")));
        miseAJour.demarrer();
        attendre();

        // Another instance imported a version, and a contract left the store: no event reaches this one.
        sources.mettre(etat(bureau, v1, version(2, "v2", LocalDate.of(2027, 2, 1), "Agrafeuse", "Trombones")));
        sources.retirer("2027-0002-L1");
        int remplacements = index.remplacements.get();
        miseAJour.verificationPeriodique();
        attendre();

        assertThat(index.designations("2027-0001-L1")).containsExactly("Agrafeuse", "Trombones");
        assertThat(index.contrats).doesNotContainKey("2027-0002-L1");
        assertThat(index.remplacements.get() - remplacements).isEqualTo(1);
    }

    @Test
    void aVersionComingIntoForceIsShownFromItsDay() throws InterruptedException {
        ContratIndexe bureau = contrat("2027-0001-L1", "Fournitures de bureau");
        sources.mettre(etat(bureau, version(1, "v1", LocalDate.of(2027, 1, 1), "Agrafeuse"),
                version(2, "v2", JOUR.plusDays(1), "Agrafeuse révisée")));
        miseAJour.demarrer();
        attendre();
        assertThat(index.designations("2027-0001-L1")).containsExactly("Agrafeuse");

        horloge.avancer(Duration.ofDays(1));
        miseAJour.verificationPeriodique();
        attendre();
        assertThat(index.designations("2027-0001-L1")).containsExactly("Agrafeuse révisée");
    }

    @Test
    void thisProcesssEventsIndexAtOnceAndAnAnnouncementThatChangesNothingCostsNothing() throws InterruptedException {
        ContratIndexe bureau = contrat("2027-0001-L1", "Fournitures de bureau");
        VersionTarif v1 = version(1, "v1", LocalDate.of(2027, 1, 1), "Agrafeuse");
        sources.mettre(etat(bureau, v1));
        miseAJour.demarrer();
        attendre();
        int remplacements = index.remplacements.get();

        sources.mettre(etat(bureau, v1, version(2, "v2", LocalDate.of(2027, 2, 1), "Classeur")));
        miseAJour.versionPubliee(new VersionTarifPubliee("2027-0001-L1", 2, "v2", LocalDate.of(2027, 2, 1)));
        attendre();
        assertThat(index.designations("2027-0001-L1")).containsExactly("Classeur");

        // A version effective later changes nothing today; a contract announced again unchanged neither.
        VersionTarif v2 = sources.etat("2027-0001-L1").historique().versions().get(1);
        sources.mettre(etat(bureau, v1, v2, version(3, "v3", JOUR.plusDays(30), "Plus tard")));
        miseAJour.versionPubliee(new VersionTarifPubliee("2027-0001-L1", 3, "v3", JOUR.plusDays(30)));
        miseAJour.contratProjete(new ContratProjete("2027-0001-L1"));
        attendre();
        assertThat(index.remplacements.get() - remplacements).isEqualTo(1);

        sources.mettre(etat(contrat("2027-0003-L1", "Nouveau contrat")));
        miseAJour.contratProjete(new ContratProjete("2027-0003-L1"));
        attendre();
        assertThat(index.contrats).containsKey("2027-0003-L1");
    }

    @Test
    void aStoreUnavailableAtStartLeavesTheIndexNotReadyUntilAVerificationSucceeds() throws InterruptedException {
        sources.mettre(etat(contrat("2027-0001-L1", "Fournitures de bureau"),
                version(1, "v1", LocalDate.of(2027, 1, 1), "Agrafeuse")));
        sources.enPanne = true;
        miseAJour.demarrer();
        attendre();
        assertThat(index.pret()).isFalse();

        sources.enPanne = false;
        miseAJour.verificationPeriodique();
        attendre();
        assertThat(index.pret()).isTrue();
        assertThat(index.designations("2027-0001-L1")).containsExactly("Agrafeuse");
    }

    private static final class Sources implements SourcesCatalogue {

        private final Map<String, EtatContrat> etats = new ConcurrentHashMap<>();
        volatile boolean enPanne;

        void mettre(EtatContrat etat) {
            etats.put(etat.contrat().numero(), etat);
        }

        void retirer(String numero) {
            etats.remove(numero);
        }

        EtatContrat etat(String numero) {
            return etats.get(numero);
        }

        @Override
        public void parcourir(Consumer<EtatContrat> traitement) {
            if (enPanne) {
                throw new IllegalStateException("store unavailable");
            }
            etats.values().stream().sorted(java.util.Comparator.comparing(e -> e.contrat().numero()))
                    .forEach(traitement);
        }

        @Override
        public Optional<EtatContrat> trouver(String numero) {
            if (enPanne) {
                throw new IllegalStateException("store unavailable");
            }
            return Optional.ofNullable(etats.get(numero));
        }
    }

    /** What the index holds, published or not: enough to follow what the updates do. */
    private static final class Index implements IndexArticles {

        final Map<String, ContratIndexe> contrats = new ConcurrentHashMap<>();
        final Map<String, String> empreintes = new ConcurrentHashMap<>();
        final Map<String, List<LigneTarif>> lignes = new ConcurrentHashMap<>();
        final AtomicInteger remplacements = new AtomicInteger();
        final AtomicInteger durables = new AtomicInteger();
        volatile boolean pret;

        List<String> designations(String numero) {
            return lignes.getOrDefault(numero, List.of()).stream().map(LigneTarif::designation).toList();
        }

        @Override
        public boolean pret() {
            return pret;
        }

        @Override
        public void marquerPret() {
            pret = true;
        }

        @Override
        public Map<String, String> empreintes() {
            return java.util.Collections.unmodifiableMap(empreintes);
        }

        @Override
        public Optional<ContratIndexe> contrat(String numero) {
            return Optional.ofNullable(contrats.get(numero));
        }

        @Override
        public long remplacer(ContratIndexe contrat, String empreinte, Consumer<Consumer<LigneTarif>> source) {
            List<LigneTarif> lues = new ArrayList<>();
            source.accept(lues::add);
            remplacements.incrementAndGet();
            contrats.put(contrat.numero(), contrat);
            empreintes.put(contrat.numero(), empreinte);
            lignes.put(contrat.numero(), lues);
            return lues.size();
        }

        @Override
        public void supprimer(String numero) {
            contrats.remove(numero);
            empreintes.remove(numero);
            lignes.remove(numero);
        }

        @Override
        public void publier(boolean durable) {
            if (durable) {
                durables.incrementAndGet();
            }
        }

        @Override
        public ResultatRecherche rechercher(CritereRecherche critere, Contrats.Perimetre perimetre,
                LocalDate aujourdhui) {
            throw new UnsupportedOperationException();
        }
    }

    /** The lines of each version, from the test's map. */
    private final class LignesEnMemoire implements Tarifs {

        @Override
        public void parcourir(String versionId, Consumer<LigneTarif> traitement) {
            lignesParVersion.getOrDefault(versionId, List.of()).forEach(traitement);
        }

        @Override
        public Optional<HistoriqueTarif> historique(String numeroContrat) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String ouvrir(String numeroContrat, Instant debut) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void ajouter(String versionId, long rangPremiere, List<LigneTarif> lignes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public VersionTarif publier(String numeroContrat, String versionId, NouvelleVersion version) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void abandonner(String numeroContrat, String versionId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int nettoyer(Instant avant) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<LigneTarif> lignes(String versionId, long decalage, int taille) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<LigneTarif> ligne(String versionId, String reference) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class AucunContrat implements ContratsPourTarifs {

        @Override
        public boolean existe(String numeroContrat) {
            return false;
        }

        @Override
        public List<PrixBpu> prixDuBpu(String numeroContrat) {
            return List.of();
        }
    }
}
