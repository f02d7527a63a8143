package fr.centraleachat.marche.it;

import static org.awaitility.Awaitility.await;

import fr.centraleachat.contracts.Evenements;
import fr.centraleachat.contracts.adhesion.AdhesionActiveeV1;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes members active as the adhesion service announces them (its events on its topic), then waits for the
 * service's projection: the same event ids each time, so only the first delivery has an effect.
 */
final class MembresActifsDeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MembresActifsDeTest() {
    }

    static void activer(String bootstrap, MongoTemplate mongo, String prefixe, List<String> sirens) throws Exception {
        try (var producteur = new KafkaProducer<String, CloudEvent>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new CloudEventSerializer())) {
            var type = Evenements.ADHESION_ACTIVEE;
            for (String siren : sirens) {
                var donnees = new AdhesionActiveeV1("adhesion-" + siren, siren, "Membre " + siren, "COMMUNE",
                        List.of("FOURNITURES_ADMINISTRATIVES"), "PASSATION_ET_EXECUTION", "D-2026-42",
                        LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1));
                producteur.send(new ProducerRecord<>(type.topic().nom(), "adhesion-" + siren, CloudEventBuilder.v1()
                        .withId(prefixe + "-activation-" + siren).withSource(URI.create(type.topic().source()))
                        .withType(type.ceType()).withSubject("adhesion-" + siren)
                        .withTime(Instant.parse("2026-11-01T08:00:00Z").atOffset(ZoneOffset.UTC))
                        .withDataSchema(URI.create(type.dataSchema())).withDataContentType("application/json")
                        .withData(JSON.writeValueAsBytes(donnees)).build())).get();
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> sirens.stream().allMatch(siren -> {
            Document membre = mongo.findById(siren, Document.class, "membres");
            return membre != null && "ACTIVE".equals(membre.getString("statut"));
        }));
    }
}
