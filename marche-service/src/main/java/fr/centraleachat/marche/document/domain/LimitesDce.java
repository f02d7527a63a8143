package fr.centraleachat.marche.document.domain;

/**
 * Bounds of a consultation's DCE, all held by its one stored document so that concurrent uploads cannot pass them.
 *
 * @param documentsMax documents in the DCE, withdrawn ones included (their history is kept)
 * @param tailleMaxTotale bytes of every file the DCE keeps, earlier versions included
 */
public record LimitesDce(int documentsMax, long tailleMaxTotale) {

    /** A bound on the history of one document (only rectificatifs add versions). */
    public static final int VERSIONS_MAX = 60;

    public LimitesDce {
        if (documentsMax < 1 || tailleMaxTotale < 1) {
            throw new IllegalArgumentException("DCE limits must be positive");
        }
    }
}
