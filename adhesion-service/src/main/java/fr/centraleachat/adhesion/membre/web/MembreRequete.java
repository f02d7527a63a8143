package fr.centraleachat.adhesion.membre.web;

import fr.centraleachat.adhesion.membre.domain.Membre;
import fr.centraleachat.adhesion.membre.domain.TypeMembre;
import fr.centraleachat.kernel.CodeInsee;
import fr.centraleachat.kernel.Siren;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Registration of a member body. */
public record MembreRequete(
        @NotNull(message = "Le SIREN est obligatoire.") Siren siren,
        @NotBlank(message = "Le nom du membre est obligatoire.")
        @Size(max = Membre.NOM_MAX, message = "Le nom du membre dépasse 200 caractères.") String nom,
        @NotNull(message = "Le type de membre est obligatoire (METROPOLE, COMMUNE, CCAS, EPL, EPCI ou EPCI_PARTENAIRE).") TypeMembre type,
        CodeInsee codeInsee) {
}
