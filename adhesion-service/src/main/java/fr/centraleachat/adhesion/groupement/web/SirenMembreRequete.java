package fr.centraleachat.adhesion.groupement.web;

import fr.centraleachat.kernel.Siren;
import jakarta.validation.constraints.NotNull;

/** The member a step concerns. */
public record SirenMembreRequete(@NotNull(message = "Le SIREN du membre est obligatoire.") Siren siren) {
}
