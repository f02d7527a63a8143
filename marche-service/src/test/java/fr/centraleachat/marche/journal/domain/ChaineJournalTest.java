package fr.centraleachat.marche.journal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChaineJournalTest {

    private static final ConsultationId CONSULTATION = ConsultationId.de("6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f");
    private static final Auteur ACHETEUR = new Auteur("acheteur", List.of("ACHETEUR"));
    private static final Instant DEBUT = Instant.parse("2026-12-01T09:00:00Z");

    /** Five entries chained as the journal appends them. */
    private static List<EntreeJournal> chaine() {
        List<EntreeJournal> entrees = new ArrayList<>();
        ActionJournal[] actions = {ActionJournal.CREATION, ActionJournal.MODIFICATION, ActionJournal.PUBLICATION,
                ActionJournal.CLOTURE, ActionJournal.OUVERTURE_DES_PLIS};
        EntreeJournal precedente = null;
        for (int i = 0; i < actions.length; i++) {
            precedente = ChaineJournal.suivante(precedente, CONSULTATION, DEBUT.plusSeconds(60L * i), ACHETEUR,
                    actions[i], "étape " + (i + 1), "corr-" + i);
            entrees.add(precedente);
        }
        return entrees;
    }

    private static EntreeJournal avecResume(EntreeJournal e, String resume) {
        return new EntreeJournal(e.consultationId(), e.rang(), e.horodatage(), e.acteur(), e.roles(), e.action(),
                resume, e.correlationId(), e.hashPrecedent(), e.hash());
    }

    @Test
    void chainsEachEntryToThePreviousOneFromSixtyFourZeros() {
        List<EntreeJournal> entrees = chaine();

        assertThat(entrees.get(0).rang()).isEqualTo(1);
        assertThat(entrees.get(0).hashPrecedent()).isEqualTo("0".repeat(64)).isEqualTo(ChaineJournal.HASH_INITIAL);
        for (int i = 1; i < entrees.size(); i++) {
            assertThat(entrees.get(i).rang()).isEqualTo(i + 1);
            assertThat(entrees.get(i).hashPrecedent()).isEqualTo(entrees.get(i - 1).hash());
        }
        assertThat(entrees).extracting(EntreeJournal::hash).doesNotHaveDuplicates()
                .allSatisfy(hash -> assertThat(hash).matches("[0-9a-f]{64}"));
    }

    @Test
    void verifiesAnIntactChain() {
        List<EntreeJournal> entrees = chaine();

        VerificationJournal verification = ChaineJournal.verifier(entrees);

        assertThat(verification.intact()).isTrue();
        assertThat(verification.entrees()).isEqualTo(5);
        assertThat(verification.premierRangInvalide()).isNull();
        assertThat(verification.dernierHash()).isEqualTo(entrees.get(4).hash());
    }

    @Test
    void verifiesAnEmptyJournalAsIntactWithTheInitialHash() {
        VerificationJournal verification = ChaineJournal.verifier(List.of());

        assertThat(verification).isEqualTo(new VerificationJournal(true, 0, null, ChaineJournal.HASH_INITIAL));
    }

    @Test
    void detectsATamperedSummary() {
        List<EntreeJournal> entrees = new ArrayList<>(chaine());
        entrees.set(2, avecResume(entrees.get(2), "BROUILLON → PUBLIEE ; DLRO 2027-02-15T12:00:00+01:00"));

        VerificationJournal verification = ChaineJournal.verifier(entrees);

        assertThat(verification.intact()).isFalse();
        assertThat(verification.premierRangInvalide()).isEqualTo(3);
        assertThat(verification.entrees()).isEqualTo(5);
    }

    @Test
    void detectsATamperedAuthorTimeOrAction() {
        List<EntreeJournal> entrees = chaine();
        EntreeJournal e = entrees.get(1);
        List<EntreeJournal> autreAuteur = new ArrayList<>(entrees);
        autreAuteur.set(1, new EntreeJournal(e.consultationId(), e.rang(), e.horodatage(), "quelqu-un", e.roles(),
                e.action(), e.resume(), e.correlationId(), e.hashPrecedent(), e.hash()));
        List<EntreeJournal> autreHeure = new ArrayList<>(entrees);
        autreHeure.set(1, new EntreeJournal(e.consultationId(), e.rang(), e.horodatage().plusMillis(1), e.acteur(),
                e.roles(), e.action(), e.resume(), e.correlationId(), e.hashPrecedent(), e.hash()));
        List<EntreeJournal> autreAction = new ArrayList<>(entrees);
        autreAction.set(1, new EntreeJournal(e.consultationId(), e.rang(), e.horodatage(), e.acteur(), e.roles(),
                ActionJournal.SANS_SUITE, e.resume(), e.correlationId(), e.hashPrecedent(), e.hash()));

        for (List<EntreeJournal> alteree : List.of(autreAuteur, autreHeure, autreAction)) {
            assertThat(ChaineJournal.verifier(alteree).premierRangInvalide()).isEqualTo(2);
        }
    }

    @Test
    void detectsARemovedEntry() {
        List<EntreeJournal> entrees = new ArrayList<>(chaine());
        entrees.remove(1);

        VerificationJournal verification = ChaineJournal.verifier(entrees);

        assertThat(verification.intact()).isFalse();
        assertThat(verification.premierRangInvalide()).isEqualTo(2);
        assertThat(verification.entrees()).isEqualTo(4);
    }

    @Test
    void detectsARemovedEntryWhoseFollowersWereRenumbered() {
        List<EntreeJournal> entrees = new ArrayList<>(chaine());
        entrees.remove(1);
        for (int i = 1; i < entrees.size(); i++) {
            EntreeJournal e = entrees.get(i);
            entrees.set(i, new EntreeJournal(e.consultationId(), i + 1, e.horodatage(), e.acteur(), e.roles(),
                    e.action(), e.resume(), e.correlationId(), e.hashPrecedent(), e.hash()));
        }

        assertThat(ChaineJournal.verifier(entrees).premierRangInvalide()).isEqualTo(2);
    }

    @Test
    void detectsASwappedOrder() {
        List<EntreeJournal> entrees = new ArrayList<>(chaine());
        EntreeJournal troisieme = entrees.get(2);
        entrees.set(2, entrees.get(3));
        entrees.set(3, troisieme);

        VerificationJournal verification = ChaineJournal.verifier(entrees);

        assertThat(verification.intact()).isFalse();
        assertThat(verification.premierRangInvalide()).isEqualTo(3);
    }

    @Test
    void detectsSwappedRanksOfTwoEntries() {
        List<EntreeJournal> entrees = new ArrayList<>(chaine());
        EntreeJournal deux = entrees.get(1);
        EntreeJournal trois = entrees.get(2);
        entrees.set(1, new EntreeJournal(trois.consultationId(), 2, trois.horodatage(), trois.acteur(), trois.roles(),
                trois.action(), trois.resume(), trois.correlationId(), trois.hashPrecedent(), trois.hash()));
        entrees.set(2, new EntreeJournal(deux.consultationId(), 3, deux.horodatage(), deux.acteur(), deux.roles(),
                deux.action(), deux.resume(), deux.correlationId(), deux.hashPrecedent(), deux.hash()));

        assertThat(ChaineJournal.verifier(entrees).premierRangInvalide()).isEqualTo(2);
    }

    @Test
    void detectsAChangedHash() {
        List<EntreeJournal> entrees = new ArrayList<>(chaine());
        EntreeJournal e = entrees.get(3);
        entrees.set(3, new EntreeJournal(e.consultationId(), e.rang(), e.horodatage(), e.acteur(), e.roles(),
                e.action(), e.resume(), e.correlationId(), e.hashPrecedent(), "f".repeat(64)));

        VerificationJournal verification = ChaineJournal.verifier(entrees);

        assertThat(verification.premierRangInvalide()).isEqualTo(4);
        assertThat(verification.dernierHash()).isEqualTo(entrees.get(4).hash());
    }

    @Test
    void detectsAnEntryRehashedAfterItsSummaryWasChanged() {
        List<EntreeJournal> entrees = new ArrayList<>(chaine());
        EntreeJournal alteree = avecResume(entrees.get(1), "rien à signaler");
        entrees.set(1, new EntreeJournal(alteree.consultationId(), alteree.rang(), alteree.horodatage(),
                alteree.acteur(), alteree.roles(), alteree.action(), alteree.resume(), alteree.correlationId(),
                alteree.hashPrecedent(), ChaineJournal.hacher(alteree)));

        // The altered entry is consistent with itself; the next one still points at the original hash.
        assertThat(ChaineJournal.verifier(entrees).premierRangInvalide()).isEqualTo(3);
    }

    @Test
    void reportsAnUnreadableStoredEntryAtItsRank() {
        List<EntreeJournal> entrees = chaine();
        ChaineJournal.Verification verification = new ChaineJournal.Verification();
        verification.accepter(entrees.get(0));
        verification.illisible(null);
        verification.accepter(entrees.get(2));

        VerificationJournal resultat = verification.resultat();

        assertThat(resultat.intact()).isFalse();
        assertThat(resultat.premierRangInvalide()).isEqualTo(2);
        assertThat(resultat.entrees()).isEqualTo(3);
    }

    @Test
    void hashesADocumentedCanonicalForm() {
        EntreeJournal premiere = ChaineJournal.suivante(null, CONSULTATION, Instant.parse("2026-12-01T09:00:00Z"),
                new Auteur("acheteur", List.of("ADMIN", "ACHETEUR")), ActionJournal.CREATION, "→ BROUILLON", null);

        assertThat(ChaineJournal.formeCanonique(premiere)).isEqualTo("""
                centrale-achat/journal/v1
                consultationId=36:6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f
                rang=1:1
                horodatage=24:2026-12-01T09:00:00.000Z
                acteur=8:acheteur
                roles=14:ACHETEUR,ADMIN
                action=8:CREATION
                resume=13:→ BROUILLON
                correlationId=-
                hashPrecedent=64:%s
                """.formatted("0".repeat(64)));
        // SHA-256 of that text, computed outside Java (Python hashlib), so that other tools can check an export.
        assertThat(premiere.hash()).isEqualTo("1b1cdb35901cab6c5503304c36c33e26313ae32f7d5f8036e69d6ecd4f07ea74");
    }

    @Test
    void refusesAnEntryOfAnotherConsultationAsThePreviousOne() {
        EntreeJournal autre = ChaineJournal.suivante(null, ConsultationId.nouveau(), DEBUT, ACHETEUR,
                ActionJournal.CREATION, "→ BROUILLON", null);

        assertThatThrownBy(() -> ChaineJournal.suivante(autre, CONSULTATION, DEBUT, ACHETEUR, ActionJournal.MODIFICATION,
                "x", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void validatesAnEntryInItsConstructor() {
        EntreeJournal e = chaine().get(0);

        assertThatThrownBy(() -> new EntreeJournal(e.consultationId(), 0, e.horodatage(), e.acteur(), e.roles(),
                e.action(), e.resume(), null, e.hashPrecedent(), e.hash()))
                .isInstanceOf(ValeurInvalideException.class).hasFieldOrPropertyWithValue("champ", "rang");
        assertThatThrownBy(() -> new EntreeJournal(e.consultationId(), 1, e.horodatage(), e.acteur(), e.roles(),
                e.action(), " ", null, e.hashPrecedent(), e.hash()))
                .isInstanceOf(ValeurInvalideException.class).hasFieldOrPropertyWithValue("champ", "resume");
        assertThatThrownBy(() -> new EntreeJournal(e.consultationId(), 1, e.horodatage(), e.acteur(), e.roles(),
                e.action(), e.resume(), null, e.hashPrecedent(), "ABC"))
                .isInstanceOf(ValeurInvalideException.class).hasFieldOrPropertyWithValue("champ", "hash");
        assertThatThrownBy(() -> new EntreeJournal(e.consultationId(), 1, e.horodatage(), e.acteur(),
                List.of("acheteur"), e.action(), e.resume(), null, e.hashPrecedent(), e.hash()))
                .isInstanceOf(ValeurInvalideException.class).hasFieldOrPropertyWithValue("champ", "roles");
        assertThatThrownBy(() -> new EntreeJournal(e.consultationId(), 1, e.horodatage(), "", e.roles(),
                e.action(), e.resume(), null, e.hashPrecedent(), e.hash()))
                .isInstanceOf(ValeurInvalideException.class).hasFieldOrPropertyWithValue("champ", "acteur");
        assertThat(new EntreeJournal(e.consultationId(), 1, Instant.parse("2026-12-01T09:00:00.123456Z"), e.acteur(),
                e.roles(), e.action(), e.resume(), null, e.hashPrecedent(), e.hash()).horodatage())
                .as("kept to the millisecond, as stored").isEqualTo(Instant.parse("2026-12-01T09:00:00.123Z"));
    }
}
