package fr.centraleachat.catalogue.souscription.domain;

import java.time.Instant;

/** What happened to a subscription (past tense); translated to integration events by the application. */
public sealed interface EvenementSouscription {

    record SouscriptionCreee(Instant le) implements EvenementSouscription {
    }

    record SouscriptionResiliee(Instant le) implements EvenementSouscription {
    }
}
