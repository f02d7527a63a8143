package fr.centraleachat.marche.groupement.domain;

import fr.centraleachat.kernel.Siren;
import java.util.Objects;

/** A member of a groupement and whether it has approved the convention (its deliberation recorded). */
public record MembreDuGroupement(Siren siren, String nom, boolean approuve) {

    public MembreDuGroupement {
        Objects.requireNonNull(siren, "siren");
    }

    /** The name when known, else the SIREN: what a message shows. */
    public String designation() {
        return nom == null || nom.isBlank() ? siren.valeur() : nom + " (" + siren.valeur() + ")";
    }
}
