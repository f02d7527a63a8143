package fr.centraleachat.marche.pli.scellement;

import fr.centraleachat.kernel.AccesRefuseException;

/** A read of a sealed pli before the opening: refused to everyone, whatever their role. */
public class PlisScellesException extends AccesRefuseException {

    public PlisScellesException() {
        super("Les plis sont scellés jusqu'à l'ouverture des plis : leur contenu ne peut être lu par personne avant.");
    }
}
