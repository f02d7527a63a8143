package fr.centraleachat.diffusion.flux.domain;

import fr.centraleachat.kernel.ValeurInvalideException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a reader wants from the journal: some event types (all when empty) and one subject (any when absent).
 * Bounded so that a filter costs the store a bounded query.
 */
public record FiltreFlux(Set<String> types, String sujet) {

    public static final int TYPES_MAX = 20;
    public static final int LONGUEUR_MAX = 200;
    private static final Pattern TYPE = Pattern.compile("[A-Za-z0-9._-]{1," + LONGUEUR_MAX + "}");
    /** Subjects are aggregate ids: UUIDs, contract numbers, years, SIREN. */
    private static final Pattern SUJET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0," + (LONGUEUR_MAX - 1) + "}");

    public static final FiltreFlux TOUT = new FiltreFlux(Set.of(), null);

    public FiltreFlux {
        types = types == null ? Set.of() : Set.copyOf(new TreeSet<>(types));
        if (types.size() > TYPES_MAX) {
            throw new ValeurInvalideException("type", "Au plus " + TYPES_MAX + " types d'événement par lecture.");
        }
        for (String type : types) {
            if (!TYPE.matcher(type).matches()) {
                throw new ValeurInvalideException("type", "Type d'événement invalide : attendu un type CloudEvents "
                        + "comme fr.centraleachat.marche.MarcheNotifie.v1 (lettres, chiffres, points, au plus "
                        + LONGUEUR_MAX + " caractères).");
            }
        }
        if (sujet != null && !SUJET.matcher(sujet).matches()) {
            throw new ValeurInvalideException("subject", "Sujet invalide : un identifiant d'au plus " + LONGUEUR_MAX
                    + " caractères (lettres, chiffres, points, tirets, deux-points), comme l'id d'une consultation.");
        }
    }

    public static FiltreFlux de(List<String> types, String sujet) {
        if (types != null && types.stream().anyMatch(java.util.Objects::isNull)) {
            throw new ValeurInvalideException("type", "Un type d'événement ne peut pas être vide.");
        }
        return new FiltreFlux(types == null ? Set.of() : new TreeSet<>(types), sujet);
    }

    public boolean accepte(EvenementJournalise evenement) {
        return (types.isEmpty() || types.contains(evenement.type()))
                && (sujet == null || sujet.equals(evenement.sujet()));
    }

    /** A stable text of the filter, for validators that name a page by what was asked. */
    public String empreinte() {
        return String.join(",", new TreeSet<>(types)) + "|" + (sujet == null ? "" : sujet);
    }
}
