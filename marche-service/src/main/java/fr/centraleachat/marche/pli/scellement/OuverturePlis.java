package fr.centraleachat.marche.pli.scellement;

/** Whether a consultation's plis have been opened: the one condition under which the vault decrypts. */
public interface OuverturePlis {

    boolean plisOuverts(String consultationId);
}
