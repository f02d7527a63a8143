package fr.centraleachat.catalogue.souscription.persistence;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Stored form of a subscription; id = contract number ":" SIREN. The outbox field belongs to the relay. */
@Document(SouscriptionDocument.COLLECTION)
public record SouscriptionDocument(@Id String id, String numeroContrat, String siren, String nomMembre,
        String statut, Instant creeeLe, Instant resilieeLe, long version) {

    public static final String COLLECTION = "souscriptions";
}
