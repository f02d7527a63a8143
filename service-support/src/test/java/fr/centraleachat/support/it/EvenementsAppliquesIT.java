package fr.centraleachat.support.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.centraleachat.support.messaging.EvenementsAppliques;
import fr.centraleachat.support.messaging.EvenementsAppliques.Resultat;
import fr.centraleachat.support.test.InfrastructureDeTest;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = ApplicationDeTest.class, properties = "spring.application.name=support-it-appliques")
class EvenementsAppliquesIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        InfrastructureDeTest.brancher(registry, "support-it-appliques");
    }

    @Autowired
    EvenementsAppliques appliques;

    @Autowired
    MongoTemplate mongo;

    @Test
    void appliesAnEventOnceOnlyWhileTheDocumentIsInTheStateItWasReadIn() {
        String id = UUID.randomUUID().toString();
        String premier = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();

        assertThat(appliques.appliquerUneFoisSi("suivis", id, premier, Criteria.where("rang").exists(false),
                new Update().set("rang", 1))).isEqualTo(Resultat.APPLIQUE);
        assertThat(appliques.appliquerUneFoisSi("suivis", id, premier, Criteria.where("rang").exists(false),
                new Update().set("rang", 99))).isEqualTo(Resultat.DEJA_APPLIQUE);
        // Decided on a stale read (rang 0): refused, so the caller reads again.
        assertThat(appliques.appliquerUneFoisSi("suivis", id, second, Criteria.where("rang").is(0),
                new Update().set("rang", 2))).isEqualTo(Resultat.MODIFIE_ENTRE_TEMPS);
        assertThat(appliques.appliquerUneFoisSi("suivis", id, second, Criteria.where("rang").is(1),
                new Update().set("rang", 2))).isEqualTo(Resultat.APPLIQUE);

        Document stocke = mongo.findById(id, Document.class, "suivis");
        assertThat(stocke.getInteger("rang")).isEqualTo(2);
        assertThat(stocke.getList(EvenementsAppliques.CHAMP, String.class)).containsExactly(premier, second);
    }

    @Test
    void unconditionalVariantTellsDuplicatesApart() {
        String id = UUID.randomUUID().toString();
        String evenement = UUID.randomUUID().toString();

        assertThat(appliques.appliquerUneFois("suivis", id, evenement, new Update().inc("compte", 1))).isTrue();
        assertThat(appliques.appliquerUneFois("suivis", id, evenement, new Update().inc("compte", 1))).isFalse();
        assertThat(mongo.findById(id, Document.class, "suivis").getInteger("compte")).isEqualTo(1);
    }
}
