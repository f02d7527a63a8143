package fr.centraleachat.marche.alerte.domain;

import java.util.List;
import java.util.Objects;

/**
 * One alert mail for one consultation: an address and the supplier's matching profiles that give it. A supplier
 * whose several profiles match at one address gets one mail naming them, not one per profile.
 */
public record Alerte(AdresseCourriel email, List<ProfilAlerte> profils) {

    public Alerte {
        Objects.requireNonNull(email, "email");
        profils = List.copyOf(profils);
        if (profils.isEmpty() || profils.stream().anyMatch(p -> !p.email().valeur().equalsIgnoreCase(email.valeur()))) {
            throw new IllegalArgumentException("An alert needs profiles, all at its address");
        }
    }

    /** Names the alert for its idempotency key: the first profile, in the supplier's creation order. */
    public String premierProfil() {
        return profils.get(0).id();
    }
}
