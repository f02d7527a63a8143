package fr.centraleachat.contracts;

/**
 * The stable Kafka topics, one per service family. Names carry the major version of the contract family: a
 * breaking change gets a new topic so existing consumers keep reading the old one.
 */
public enum Topic {

    ADHESION("centrale.adhesion.v1", "adhesion"),
    MARCHE("centrale.marche.v1", "marche"),
    CATALOGUE("centrale.catalogue.v1", "catalogue");

    /** Partitions per topic: enough for a few consumer instances; keys keep one aggregate's events in order. */
    public static final int PARTITIONS = 3;

    private final String nom;
    private final String famille;

    Topic(String nom, String famille) {
        this.nom = nom;
        this.famille = famille;
    }

    public String nom() {
        return nom;
    }

    public String famille() {
        return famille;
    }

    /** The CloudEvents {@code source} of the events this family publishes. */
    public String source() {
        return "/centrale-achat/" + famille;
    }
}
