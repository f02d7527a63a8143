package fr.centraleachat.marche.analyse.application;

/**
 * The rejection letters of a lot were sent: saved in the analysis's outbox in the same write as the letters' record,
 * so that the mails carrying them cannot be lost, and read by this service's own mail consumer, which takes the
 * letters from the analysis. A service-private contract on a topic of marche-service's own, like the journal's.
 *
 * @param electronique the acheteur sends them electronically (by mail); otherwise they go by post
 */
public record LettresDeRejetEnvoyeesV1(String consultationId, int lot, boolean electronique) {

    public static final String TOPIC = "centrale.marche.courriers.v1";
    public static final String TYPE = "fr.centraleachat.marche.courriers.LettresDeRejetEnvoyees.v1";
    public static final String SOURCE = "/centrale-achat/marche/courriers";
    public static final String SCHEMA = "urn:centrale-achat:schema:LettresDeRejetEnvoyees:v1";
}
