package fr.centraleachat.marche.consultation.domain;

import fr.centraleachat.kernel.ValeurInvalideException;

/** One award criterion and its weight in percent. */
public record CritereAttribution(String libelle, int ponderation, TypeCritere type) {

    public static final int LONGUEUR_MAX_LIBELLE = 200;

    public CritereAttribution {
        if (libelle == null || libelle.isBlank()) {
            throw new ValeurInvalideException("criteres", "Chaque critère d'attribution doit avoir un libellé.");
        }
        libelle = libelle.strip();
        if (libelle.length() > LONGUEUR_MAX_LIBELLE) {
            throw new ValeurInvalideException("criteres", "Le libellé d'un critère d'attribution ne doit pas dépasser "
                    + LONGUEUR_MAX_LIBELLE + " caractères.");
        }
        if (ponderation < 1 || ponderation > 100) {
            throw new ValeurInvalideException("criteres", "La pondération du critère « " + libelle
                    + " » doit être comprise entre 1 et 100 (reçu : " + ponderation + ").");
        }
        if (type == null) {
            throw new ValeurInvalideException("criteres", "Le type du critère « " + libelle
                    + " » est obligatoire (PRIX, TECHNIQUE ou AUTRE).");
        }
    }
}
