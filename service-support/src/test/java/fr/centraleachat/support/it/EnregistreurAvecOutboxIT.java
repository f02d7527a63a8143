package fr.centraleachat.support.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.contracts.Evenements;
import fr.centraleachat.contracts.marche.ConsultationSansSuiteV1;
import fr.centraleachat.support.outbox.EnregistreurAvecOutbox;
import fr.centraleachat.support.outbox.FabriqueMessages;
import fr.centraleachat.support.outbox.MessageSortant;
import fr.centraleachat.support.test.InfrastructureDeTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.annotation.Id;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = ApplicationDeTest.class, properties = {"spring.application.name=support-it-enregistreur",
        "centrale.outbox.intervalle=1h"})
class EnregistreurAvecOutboxIT {

    @org.springframework.data.mongodb.core.mapping.Document("dossiers")
    record DossierDocument(@Id String id, String statut, @Field("version") long version) {
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        InfrastructureDeTest.brancher(registry, "support-it-enregistreur");
    }

    @Autowired
    EnregistreurAvecOutbox enregistreur;

    @Autowired
    FabriqueMessages fabrique;

    @Autowired
    MongoTemplate mongo;

    @Test
    void appendsMessagesWithTheStateChangeAndNeverDropsPendingOnes() {
        String id = UUID.randomUUID().toString();
        enregistreur.inserer(new DossierDocument(id, "BROUILLON", 0), List.of(message(id, "premier")));
        enregistreur.mettreAJour(new DossierDocument(id, "PUBLIEE", 0), 0, List.of(message(id, "second")));

        Document stocke = mongo.findById(id, Document.class, "dossiers");
        assertThat(stocke.getString("statut")).isEqualTo("PUBLIEE");
        assertThat(stocke.getLong("version")).isEqualTo(1L);
        assertThat(stocke.getList("outbox", Document.class)).extracting(m -> m.getString("donnees"))
                .containsExactly("{\"consultationId\":\"" + id + "\",\"raison\":\"premier\",\"date\":null}",
                        "{\"consultationId\":\"" + id + "\",\"raison\":\"second\",\"date\":null}");
        assertThat(mongo.findById(id, DossierDocument.class).statut()).isEqualTo("PUBLIEE");
    }

    @Test
    void refusesAStaleWriteAndLeavesTheDocumentUntouched() {
        String id = UUID.randomUUID().toString();
        enregistreur.inserer(new DossierDocument(id, "BROUILLON", 0), List.of());
        enregistreur.mettreAJour(new DossierDocument(id, "PUBLIEE", 0), 0, List.of());

        assertThatThrownBy(() -> enregistreur.mettreAJour(new DossierDocument(id, "SANS_SUITE", 0), 0,
                List.of(message(id, "perdu"))))
                .isInstanceOf(OptimisticLockingFailureException.class);
        Document stocke = mongo.findById(id, Document.class, "dossiers");
        assertThat(stocke.getString("statut")).isEqualTo("PUBLIEE");
        assertThat(stocke.getList("outbox", Document.class)).isEmpty();
    }

    @Test
    void removesAFieldClearedInTheAggregate() {
        String id = UUID.randomUUID().toString();
        enregistreur.inserer(new DossierDocument(id, "SUSPENDU", 0), List.of());
        enregistreur.mettreAJour(new DossierDocument(id, null, 0), 0, List.of());

        Document stocke = mongo.findById(id, Document.class, "dossiers");
        assertThat(stocke).doesNotContainKey("statut");
        assertThat(stocke.getLong("version")).isEqualTo(1L);
        assertThat(stocke).containsKey("outbox");
    }

    private MessageSortant message(String id, String raison) {
        return fabrique.message(Evenements.CONSULTATION_SANS_SUITE, id, new ConsultationSansSuiteV1(id, raison, null));
    }
}
