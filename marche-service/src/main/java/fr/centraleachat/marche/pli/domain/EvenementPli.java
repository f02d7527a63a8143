package fr.centraleachat.marche.pli.domain;

import java.time.Instant;

/** What happened to a supplier's plis on a lot; never carries the sealed content. */
public sealed interface EvenementPli {

    String soumissionId();

    String numero();

    Instant le();

    record PliDepose(String soumissionId, String numero, Instant le, boolean horsDelai) implements EvenementPli {
    }

    record PliRemplace(String soumissionId, String numero, Instant le, String remplacePar) implements EvenementPli {
    }

    record PliRetire(String soumissionId, String numero, Instant le) implements EvenementPli {
    }
}
