package fr.centraleachat.marche.analyse.domain;

import fr.centraleachat.marche.reglementation.HeureDeParis;
import fr.centraleachat.marche.reglementation.Procedure;
import java.time.Instant;
import java.util.Optional;

/**
 * The standstill (délai de suspension, R2182-1): at least 11 days between sending the rejection notices and signing
 * the marché, 16 when they were not sent electronically, counted in Paris time. None for a procédure adaptée (or
 * a marché without publicity), a marché subséquent, or when a single offer was received.
 */
public final class DelaiDeSuspension {

    public static final int JOURS_ELECTRONIQUE = 11;
    public static final int JOURS_PAPIER = 16;

    private DelaiDeSuspension() {
    }

    public static Optional<Instant> fin(Instant envoiDesRejets, boolean electronique, Procedure procedure,
            int offresRecues, boolean marcheSubsequent) {
        if (procedure != Procedure.APPEL_OFFRES_OUVERT || marcheSubsequent || offresRecues <= 1) {
            return Optional.empty();
        }
        int jours = electronique ? JOURS_ELECTRONIQUE : JOURS_PAPIER;
        return Optional.of(envoiDesRejets.atZone(HeureDeParis.FUSEAU).plusDays(jours).toInstant());
    }
}
