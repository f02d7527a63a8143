package fr.centraleachat.contracts.catalogue;

import java.time.Instant;

/** A member ended its subscription to a contract: no new order on it. Subject: the contract number. */
public record SouscriptionResilieeV1(String souscriptionId, String numeroContrat, String siren, Instant date) {
}
