package fr.centraleachat.catalogue.contrat.application;

/**
 * A contract was created or changed from a {@code MarcheNotifie}, announced within this process once it is stored,
 * for the parts of the catalogue that derive data from the contracts (the search index).
 */
public record ContratProjete(String numero) {
}
