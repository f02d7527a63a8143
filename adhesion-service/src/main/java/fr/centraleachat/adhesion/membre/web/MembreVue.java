package fr.centraleachat.adhesion.membre.web;

import fr.centraleachat.adhesion.membre.domain.Membre;
import fr.centraleachat.kernel.CodeInsee;

/** A member as the API shows it. */
public record MembreVue(String siren, String nom, String type, String codeInsee, boolean identifiantsAVerifier) {

    static MembreVue de(Membre membre) {
        return new MembreVue(membre.siren().valeur(), membre.nom(), membre.type().name(),
                membre.codeInsee().map(CodeInsee::valeur).orElse(null), membre.identifiantsAVerifier());
    }
}
