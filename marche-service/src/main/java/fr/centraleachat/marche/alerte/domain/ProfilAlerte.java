package fr.centraleachat.marche.alerte.domain;

import fr.centraleachat.kernel.ValeurInvalideException;
import java.time.Instant;
import java.util.Objects;

/**
 * One alert profile of a supplier: a name for the supplier's own use, the address alerts are sent to, and what it
 * looks for.
 */
public record ProfilAlerte(String id, String libelle, AdresseCourriel email, CriteresAlerte criteres, Instant creeLe,
        Instant modifieLe) {

    public static final int LONGUEUR_MAX_LIBELLE = 100;

    public ProfilAlerte {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A profile needs an id");
        }
        if (libelle == null || libelle.isBlank()) {
            throw new ValeurInvalideException("libelle", "Le libellé du profil d'alerte est obligatoire.");
        }
        if (libelle.length() > LONGUEUR_MAX_LIBELLE || libelle.chars().anyMatch(c -> c < 0x20)) {
            throw new ValeurInvalideException("libelle", "Le libellé du profil d'alerte tient sur une ligne de "
                    + LONGUEUR_MAX_LIBELLE + " caractères au plus.");
        }
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(criteres, "criteres");
        Objects.requireNonNull(creeLe, "creeLe");
        Objects.requireNonNull(modifieLe, "modifieLe");
    }

    public boolean correspond(AvisConsultation avis) {
        return criteres.correspond(avis);
    }

    /** The same profile with new content, its id and creation kept. */
    ProfilAlerte remplacePar(String nouveauLibelle, AdresseCourriel nouvelEmail, CriteresAlerte nouveauxCriteres,
            Instant maintenant) {
        return new ProfilAlerte(id, nouveauLibelle, nouvelEmail, nouveauxCriteres, creeLe, maintenant);
    }
}
