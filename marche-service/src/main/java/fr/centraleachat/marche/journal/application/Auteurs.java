package fr.centraleachat.marche.journal.application;

import fr.centraleachat.marche.journal.domain.Auteur;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;

/** The journal's view of a caller: its subject and the roles its token carried. */
public final class Auteurs {

    private Auteurs() {
    }

    public static Auteur de(Acteur acteur) {
        return new Auteur(acteur.sujet(), acteur.roles().stream().map(Role::name).toList());
    }
}
