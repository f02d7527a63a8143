package fr.centraleachat.marche.reglementation;

/** Ground for shortening the open tender's minimum deadline to 15 days. */
public enum DelaiReduit {
    NONE,
    /** Prior information notice sent 35 days to 12 months before the contract notice. */
    AVIS_PREALABLE,
    /** Duly justified urgency. */
    URGENCE
}
