package fr.centraleachat.marche.journal.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.kernel.AccesRefuseException;
import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.journal.domain.ActionJournal;
import fr.centraleachat.marche.journal.domain.Auteur;
import fr.centraleachat.marche.journal.domain.ChaineJournal;
import fr.centraleachat.marche.journal.domain.EntreeJournal;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import fr.centraleachat.support.web.CorrelationId;
import fr.centraleachat.support.web.PageDemandee;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class JournalTest {

    private static final Instant MAINTENANT = Instant.parse("2026-12-01T09:00:00.123456Z");
    private static final Acteur ACHETEUR = acteur("acheteur", Role.ACHETEUR);
    private static final Acteur ADMIN = acteur("admin", Role.ADMIN);
    private static final Auteur AUTEUR = new Auteur("acheteur", List.of("ACHETEUR"));

    private final EntreesJournalEnMemoire entrees = new EntreesJournalEnMemoire();
    private final Set<ConsultationId> existantes = new HashSet<>();
    private final Journal journal = new Journal(entrees, existantes::contains, Clock.fixed(MAINTENANT, ZoneOffset.UTC));
    private final ConsultationId id = ConsultationId.nouveau();

    private static Acteur acteur(String sujet, Role... roles) {
        return new Acteur(sujet, Set.of(roles), Optional.empty(), Optional.empty(), Set.of());
    }

    @AfterEach
    void oublierLaCorrelation() {
        MDC.remove(CorrelationId.MDC_KEY);
    }

    private Optional<EntreeJournal> consigner(String evenementId, ActionJournal action) {
        return journal.consignerEvenement(evenementId, id, MAINTENANT, AUTEUR, action, "résumé " + action, "corr-1");
    }

    @Test
    void appendsEachEventOnceEvenWhenItIsDeliveredAgain() {
        assertThat(consigner("evt-1", ActionJournal.CREATION)).isPresent();
        assertThat(consigner("evt-2", ActionJournal.PUBLICATION)).isPresent();

        assertThat(consigner("evt-1", ActionJournal.CREATION)).isEmpty();

        assertThat(entrees.de(id)).extracting(EntreeJournal::rang).containsExactly(1L, 2L);
        assertThat(entrees.de(id)).extracting(EntreeJournal::action)
                .containsExactly(ActionJournal.CREATION, ActionJournal.PUBLICATION);
    }

    @Test
    void takesTheNextRankWhenAConcurrentAppendTookItFirst() {
        consigner("evt-1", ActionJournal.CREATION);
        entrees.avantLeProchainAjout = () -> journal.consignerEvenement("lecture-concurrente", id, MAINTENANT,
                new Auteur("fournisseur", List.of("FOURNISSEUR")), ActionJournal.MODIFICATION, "concurrente", null);

        EntreeJournal ajoutee = consigner("evt-2", ActionJournal.PUBLICATION).orElseThrow();

        assertThat(ajoutee.rang()).isEqualTo(3);
        assertThat(entrees.de(id)).extracting(EntreeJournal::resume)
                .containsExactly("résumé CREATION", "concurrente", "résumé PUBLICATION");
        assertThat(ChaineJournal.verifier(entrees.de(id)).intact()).isTrue();
    }

    @Test
    void recordsASensitiveReadAtOnceWithItsAuthorAndCorrelationId() {
        existantes.add(id);
        MDC.put(CorrelationId.MDC_KEY, "requete-42");

        EntreeJournal entree = journal.consigner(id, acteur("fournisseur", Role.FOURNISSEUR), ActionJournal.CREATION,
                "lecture sensible");

        assertThat(entree.rang()).isEqualTo(1);
        assertThat(entree.acteur()).isEqualTo("fournisseur");
        assertThat(entree.roles()).containsExactly("FOURNISSEUR");
        assertThat(entree.correlationId()).isEqualTo("requete-42");
        assertThat(entree.horodatage()).isEqualTo(Instant.parse("2026-12-01T09:00:00.123Z"));
        assertThat(journal.lire(id, PageDemandee.premiere(), ACHETEUR).elements()).containsExactly(entree);
    }

    @Test
    void letsOnlyAcheteursAndAdministratorsReadExportOrVerify() {
        existantes.add(id);
        consigner("evt-1", ActionJournal.CREATION);

        for (Acteur lecteur : List.of(acteur("agent", Role.AGENT), acteur("f", Role.FOURNISSEUR), acteur("si"))) {
            assertThatThrownBy(() -> journal.lire(id, PageDemandee.premiere(), lecteur))
                    .isInstanceOf(AccesRefuseException.class);
            assertThatThrownBy(() -> journal.exporter(id, 1, lecteur)).isInstanceOf(AccesRefuseException.class);
            assertThatThrownBy(() -> journal.verifier(id, lecteur)).isInstanceOf(AccesRefuseException.class);
        }
        assertThat(journal.lire(id, PageDemandee.premiere(), ADMIN).total()).isEqualTo(1);
        assertThat(journal.verifier(id, ADMIN).intact()).isTrue();
    }

    @Test
    void answersNotFoundOnlyWhenNeitherTheConsultationNorItsJournalExists() {
        assertThatThrownBy(() -> journal.lire(id, PageDemandee.premiere(), ACHETEUR))
                .isInstanceOf(RessourceIntrouvableException.class);
        assertThatThrownBy(() -> journal.verifier(id, ACHETEUR)).isInstanceOf(RessourceIntrouvableException.class);
        assertThatThrownBy(() -> journal.exporter(id, 1, ACHETEUR)).isInstanceOf(RessourceIntrouvableException.class);

        existantes.add(id);
        assertThat(journal.lire(id, PageDemandee.premiere(), ACHETEUR).elements())
                .as("created, its first entry still on its way").isEmpty();
        assertThat(journal.verifier(id, ACHETEUR).dernierHash()).isEqualTo(ChaineJournal.HASH_INITIAL);

        consigner("evt-1", ActionJournal.CREATION);
        consigner("evt-2", ActionJournal.SUPPRESSION);
        existantes.remove(id);
        assertThat(journal.lire(id, PageDemandee.premiere(), ACHETEUR).total()).as("a deleted draft keeps its journal")
                .isEqualTo(2);
    }

    @Test
    void exportsAtMostTheBoundAndTellsWhereTheRestStarts() {
        existantes.add(id);
        for (int i = 1; i <= Journal.MAX_EXPORT + 2; i++) {
            consigner("evt-" + i, ActionJournal.MODIFICATION);
        }

        Journal.ExportJournal premier = journal.exporter(id, 1, ACHETEUR);
        List<Long> rangs = new ArrayList<>();
        premier.ecrire(e -> rangs.add(e.rang()));

        assertThat(rangs).hasSize(Journal.MAX_EXPORT).startsWith(1L).endsWith((long) Journal.MAX_EXPORT);
        assertThat(premier.suite()).hasValue(Journal.MAX_EXPORT + 1);
        Journal.ExportJournal suite = journal.exporter(id, Journal.MAX_EXPORT + 1, ACHETEUR);
        List<Long> reste = new ArrayList<>();
        suite.ecrire(e -> reste.add(e.rang()));
        assertThat(reste).containsExactly(Journal.MAX_EXPORT + 1L, Journal.MAX_EXPORT + 2L);
        assertThat(suite.suite()).isEmpty();
        assertThatThrownBy(() -> journal.exporter(id, 0, ACHETEUR)).isInstanceOf(ValeurInvalideException.class)
                .hasFieldOrPropertyWithValue("champ", "depuis");
    }

    @Test
    void reportsATamperedStoredEntry() {
        existantes.add(id);
        consigner("evt-1", ActionJournal.CREATION);
        consigner("evt-2", ActionJournal.PUBLICATION);
        EntreeJournal e = entrees.parEvenement.get("evt-2");
        entrees.parEvenement.put("evt-2", new EntreeJournal(e.consultationId(), e.rang(), e.horodatage(), e.acteur(),
                e.roles(), e.action(), "autre chose", e.correlationId(), e.hashPrecedent(), e.hash()));

        assertThat(journal.verifier(id, ACHETEUR).premierRangInvalide()).isEqualTo(2);
    }
}
