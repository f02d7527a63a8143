package fr.centraleachat.diffusion.webhook.domain;

public enum StatutAbonnement {
    /** Deliveries go on. */
    ACTIF,
    /** Parked after repeated failures: nothing is sent until its owner resumes it. */
    SUSPENDU
}
