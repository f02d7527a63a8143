package fr.centraleachat.support.it;

import fr.centraleachat.contracts.Evenements;
import fr.centraleachat.contracts.adhesion.AdhesionActiveeV1;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.TransitionInterditeException;
import fr.centraleachat.support.messaging.EvenementRecu;
import fr.centraleachat.support.messaging.EvenementsAppliques;
import fr.centraleachat.support.outbox.FabriqueMessages;
import fr.centraleachat.support.outbox.MessageSortant;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import io.cloudevents.CloudEvent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** A minimal service built on the support module, exercised by {@link PlateformeIT}. */
@SpringBootApplication
public class ApplicationDeTest {

    enum Couleur { BLEU, ROUGE }

    record Demande(@NotBlank(message = "Le nom est obligatoire.") String nom, Siren siren, Couleur couleur,
            java.time.LocalDate date, Integer nombre) {
    }

    @RestController
    static class Controleur {

        private final MongoTemplate mongo;
        private final FabriqueMessages fabrique;

        Controleur(MongoTemplate mongo, FabriqueMessages fabrique) {
            this.mongo = mongo;
            this.fabrique = fabrique;
        }

        /** State change and its event in one single-document insert. */
        @PostMapping("/api/test/adhesions")
        @fr.centraleachat.support.security.RolesAutorises(Role.ACHETEUR)
        Map<String, String> activer(@Valid @RequestBody Demande demande, Acteur acteur) {
            acteur.exiger(Role.ACHETEUR);
            String id = UUID.randomUUID().toString();
            MessageSortant message = fabrique.message(Evenements.ADHESION_ACTIVEE, id,
                    new AdhesionActiveeV1(id, demande.siren().valeur(), demande.nom(), "COMMUNE", List.of("INFORMATIQUE"),
                            "PASSATION", "D-1", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1)));
            mongo.insert(new Document("_id", id).append("nom", demande.nom())
                    .append(MessageSortant.CHAMP_OUTBOX, List.of(mongo.getConverter().convertToMongoType(message))),
                    "adhesions");
            return Map.of("id", id);
        }

        @PostMapping("/api/test/crees")
        org.springframework.http.ResponseEntity<Void> creer(org.springframework.web.util.UriComponentsBuilder uri) {
            return org.springframework.http.ResponseEntity.created(uri.path("/api/test/crees/{id}").buildAndExpand("42")
                    .toUri()).build();
        }

        /** Creates an order (one insert): what a retry under the same Idempotency-Key must not do twice. */
        @PostMapping("/api/test/commandes")
        @fr.centraleachat.support.security.RolesAutorises({Role.ACHETEUR, Role.AGENT})
        org.springframework.http.ResponseEntity<Map<String, String>> commander(@Valid @RequestBody Demande demande,
                @org.springframework.web.bind.annotation.RequestParam(defaultValue = "0") long attente,
                org.springframework.web.util.UriComponentsBuilder uri) throws InterruptedException {
            Thread.sleep(Math.min(attente, 2_000));
            String id = UUID.randomUUID().toString();
            mongo.insert(new Document("_id", id).append("nom", demande.nom()), "commandes");
            return org.springframework.http.ResponseEntity.created(uri.path("/api/test/commandes/{id}")
                    .buildAndExpand(id).toUri()).body(Map.of("id", id, "nom", demande.nom()));
        }

        /** A public read: anyone may call it; the caller, when known, is told who it is. */
        @org.springframework.web.bind.annotation.GetMapping("/api/test/publiques/{x}")
        Map<String, String> lecturePublique(@org.springframework.web.bind.annotation.PathVariable String x,
                java.util.Optional<Acteur> acteur) {
            return Map.of("x", x, "qui", acteur.map(Acteur::sujet).orElse("anonyme"));
        }

        /** Same method and prefix, but not declared public. */
        @org.springframework.web.bind.annotation.GetMapping("/api/test/publiques/{x}/privee")
        Map<String, String> lecturePrivee(@org.springframework.web.bind.annotation.PathVariable String x, Acteur acteur) {
            return Map.of("x", x, "qui", acteur.sujet());
        }

        @PostMapping("/api/test/conflit")
        void conflit() {
            throw new TransitionInterditeException("ACTIVE", "Impossible d'activer : l'adhésion est déjà ACTIVE.");
        }
    }

    @Component
    static class Projection {

        private final EvenementsAppliques appliques;
        private final JsonMapper json;

        Projection(EvenementsAppliques appliques, JsonMapper json) {
            this.appliques = appliques;
            this.json = json;
        }

        @KafkaListener(topics = "centrale.adhesion.v1")
        void recevoir(CloudEvent evenement) {
            EvenementRecu recu = EvenementRecu.depuis(evenement);
            if (!recu.est(Evenements.ADHESION_ACTIVEE)) {
                return;
            }
            AdhesionActiveeV1 donnees = recu.donnees(Evenements.ADHESION_ACTIVEE, json);
            appliques.appliquerUneFois("membres", donnees.siren(), recu.id(),
                    new Update().set("nom", donnees.nomMembre()).set("correlationId", recu.correlationId())
                            .inc("activations", 1));
        }
    }
}
