package fr.centraleachat.adhesion.membre.persistence;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Stored form of a member; the SIREN is the id, so a member cannot be registered twice. */
@Document(MembreDocument.COLLECTION)
public record MembreDocument(@Id String siren, String nom, String type, String codeInsee,
        boolean identifiantsAVerifier, long version) {

    public static final String COLLECTION = "membres";
}
