package fr.centraleachat.marche.document.domain;

import fr.centraleachat.kernel.RegleMetierException;

/** The DCE would go past its total size: refused whole, nothing of the upload kept. */
public class DceTropVolumineuxException extends RegleMetierException {

    private final long limite;

    public DceTropVolumineuxException(long limite, long actuelle, long ajoutee) {
        super("fichier", "Le dossier de consultation dépasserait sa taille maximale (" + mo(limite) + " Mo) : il occupe "
                + "déjà " + mo(actuelle) + " Mo et l'envoi en ajoute " + mo(ajoutee) + ".");
        this.limite = limite;
    }

    public long limite() {
        return limite;
    }

    private static String mo(long octets) {
        return String.format(java.util.Locale.FRANCE, "%.1f", octets / (1024.0 * 1024.0));
    }
}
