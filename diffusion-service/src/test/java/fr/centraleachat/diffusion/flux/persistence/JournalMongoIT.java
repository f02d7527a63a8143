package fr.centraleachat.diffusion.flux.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import fr.centraleachat.diffusion.flux.domain.EvenementAJournaliser;
import fr.centraleachat.diffusion.flux.domain.EvenementJournalise;
import fr.centraleachat.diffusion.flux.domain.FiltreFlux;
import fr.centraleachat.support.test.InfrastructureDeTest;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The journal on the embedded store: each id once, consecutive positions, a crash between insert and head mended. */
class JournalMongoIT {

    private MongoTemplate mongo;

    @BeforeEach
    void baseNeuve() {
        mongo = new MongoTemplate(MongoClients.create(InfrastructureDeTest.mongo().connectionString()),
                "journal-" + UUID.randomUUID());
    }

    private static EvenementAJournaliser evenement(String id, String type) {
        return new EvenementAJournaliser(id, type, "s", "{\"id\":\"" + id + "\"}");
    }

    @Test
    void journalsEachIdOnceAtConsecutivePositions() {
        JournalMongo journal = new JournalMongo(mongo);
        assertThat(journal.ajouter(evenement("a", "T")).position()).isEqualTo(1);
        assertThat(journal.ajouter(evenement("b", "U")).position()).isEqualTo(2);
        assertThat(journal.ajouter(evenement("a", "T"))).isNull();
        assertThat(journal.tete()).isEqualTo(2);
        assertThat(journal.entre(0, 2, FiltreFlux.TOUT)).extracting(EvenementJournalise::id).containsExactly("a", "b");
        assertThat(journal.entre(0, 2, new FiltreFlux(Set.of("U"), null))).extracting(EvenementJournalise::id)
                .containsExactly("b");
        assertThat(journal.entre(1, 2, FiltreFlux.TOUT)).extracting(EvenementJournalise::id).containsExactly("b");
    }

    @Test
    void journalsABatchInOrderLeavingOutWhatIsAlreadyThereAndRepeats() {
        JournalMongo journal = new JournalMongo(mongo);
        journal.ajouter(evenement("b", "T"));
        assertThat(journal.ajouterTous(java.util.List.of(evenement("a", "T"), evenement("b", "T"),
                evenement("c", "T"), evenement("a", "T")))).extracting(EvenementJournalise::id, EvenementJournalise::position)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", 2L), org.assertj.core.groups.Tuple.tuple("c", 3L));
        assertThat(journal.ajouterTous(java.util.List.of(evenement("c", "T")))).isEmpty();
        assertThat(journal.tete()).isEqualTo(3);
        assertThat(journal.entre(0, 3, FiltreFlux.TOUT)).extracting(EvenementJournalise::id)
                .containsExactly("b", "a", "c");
    }

    @Test
    void aWriterThatDiedBetweenTheInsertAndTheHeadIsMendedAtTheNextStart() {
        JournalMongo avant = new JournalMongo(mongo);
        avant.ajouter(evenement("a", "T"));
        // What a crash right after the insert leaves: position 2 written, the head still at 1.
        mongo.insert(new Document("_id", 2L).append("ceId", "b").append("type", "T").append("sujet", "s")
                .append("evenement", "{}"), JournalMongo.EVENEMENTS);
        assertThat(avant.tete()).isEqualTo(1);

        JournalMongo apres = new JournalMongo(mongo);
        assertThat(apres.ajouter(evenement("b", "T"))).as("already journaled before the crash").isNull();
        assertThat(apres.ajouter(evenement("c", "T")).position()).isEqualTo(3);
        assertThat(apres.tete()).isEqualTo(3);
    }
}
