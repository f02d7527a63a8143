package fr.centraleachat.catalogue.membre.web;

import fr.centraleachat.kernel.membre.DescriptionMembre;
import fr.centraleachat.kernel.membre.Membre;
import java.time.LocalDate;
import java.util.List;

public record MembreActifReponse(String siren, String nom, String typeMembre, List<String> famillesAchat,
        String missions, LocalDate dateEffet) {

    static MembreActifReponse de(Membre membre) {
        DescriptionMembre d = membre.description().orElseThrow();
        return new MembreActifReponse(membre.siren().valeur(), d.nom(), d.typeMembre(), d.famillesAchat(),
                d.missions(), d.dateEffet());
    }
}
