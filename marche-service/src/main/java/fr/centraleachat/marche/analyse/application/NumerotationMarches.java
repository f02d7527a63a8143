package fr.centraleachat.marche.analyse.application;

/** Gives each consultation its marché number for the year of its first notification, e.g. {@code 2027-0042}. */
public interface NumerotationMarches {

    String numeroDeConsultation(String consultationId, int annee);
}
