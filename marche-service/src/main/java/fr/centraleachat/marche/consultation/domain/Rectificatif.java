package fr.centraleachat.marche.consultation.domain;

import fr.centraleachat.kernel.ValeurInvalideException;
import java.time.Instant;
import java.util.Objects;

/**
 * A change made to a published consultation, kept in order on it: why, when, whether it is substantial, and the
 * dates in force after it. Its documents (new versions of the DCE) are stored with the DCE and point to it by
 * {@code id}: they become part of the DCE exactly when the rectificatif is recorded on the consultation.
 *
 * @param id unique across attempts (two acheteurs rectifying at once may both claim the next {@code numero})
 * @param numero rank on the consultation, from 1
 * @param substantiel a substantial change: the legal minimum time to bid counts again from {@code date}, and plis
 *     filed before it are to be confirmed by their suppliers
 * @param dlro the DLRO in force after it
 * @param dlroPrecedente the DLRO in force before it
 * @param dateLimiteQuestions the question deadline in force after it; null when none is set (questions run until the
 *     DLRO)
 */
public record Rectificatif(String id, int numero, Instant date, String raison, boolean substantiel, Instant dlro,
        Instant dlroPrecedente, Instant dateLimiteQuestions) {

    public static final int LONGUEUR_MAX_RAISON = 2000;

    public Rectificatif {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A rectificatif needs an id");
        }
        if (numero < 1) {
            throw new IllegalArgumentException("A rectificatif is numbered from 1");
        }
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(dlro, "dlro");
        Objects.requireNonNull(dlroPrecedente, "dlroPrecedente");
        raison = raisonValide(raison);
    }

    /** The reason, stripped; refused when blank or longer than {@link #LONGUEUR_MAX_RAISON}. */
    static String raisonValide(String raison) {
        if (raison == null || raison.isBlank()) {
            throw new ValeurInvalideException("raison", "La raison du rectificatif est obligatoire.");
        }
        String nettoyee = raison.strip();
        if (nettoyee.length() > LONGUEUR_MAX_RAISON) {
            throw new ValeurInvalideException("raison", "La raison du rectificatif ne doit pas dépasser "
                    + LONGUEUR_MAX_RAISON + " caractères.");
        }
        return nettoyee;
    }

    public boolean aReporteLaDlro() {
        return dlro.isAfter(dlroPrecedente);
    }
}
