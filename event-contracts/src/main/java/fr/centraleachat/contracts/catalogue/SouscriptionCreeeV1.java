package fr.centraleachat.contracts.catalogue;

import java.time.Instant;

/** A member subscribed to a contract: its agents may order on it. Subject: the contract number. */
public record SouscriptionCreeeV1(String souscriptionId, String numeroContrat, String siren, String nomMembre,
        Instant date) {
}
