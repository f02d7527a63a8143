package fr.centraleachat.marche.alerte.application;

import fr.centraleachat.marche.alerte.domain.AdresseCourriel;
import fr.centraleachat.marche.alerte.domain.CriteresAlerte;

/** What a supplier states of a profile, on creation or replacement. */
public record ContenuProfil(String libelle, AdresseCourriel email, CriteresAlerte criteres) {
}
