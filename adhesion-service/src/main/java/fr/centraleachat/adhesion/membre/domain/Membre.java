package fr.centraleachat.adhesion.membre.domain;

import fr.centraleachat.kernel.CodeInsee;
import fr.centraleachat.kernel.RegleMetierException;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.ValeurInvalideException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A public body that may adhere to the centrale, identified by its SIREN. */
public final class Membre {

    public static final int NOM_MAX = 200;

    private final Siren siren;
    private final String nom;
    private final TypeMembre type;
    private final Optional<CodeInsee> codeInsee;
    private final boolean identifiantsAVerifier;
    private final List<MembreEnregistre> evenements = new ArrayList<>();

    private Membre(Siren siren, String nom, TypeMembre type, Optional<CodeInsee> codeInsee,
            boolean identifiantsAVerifier) {
        if (siren == null) {
            throw new ValeurInvalideException("siren", "Le SIREN est obligatoire.");
        }
        if (nom == null || nom.isBlank()) {
            throw new ValeurInvalideException("nom", "Le nom du membre est obligatoire.");
        }
        if (nom.length() > NOM_MAX) {
            throw new ValeurInvalideException("nom", "Le nom du membre dépasse " + NOM_MAX + " caractères.");
        }
        if (type == null) {
            throw new ValeurInvalideException("type", "Le type de membre est obligatoire.");
        }
        this.siren = siren;
        this.nom = nom.strip();
        this.type = type;
        this.codeInsee = Objects.requireNonNullElse(codeInsee, Optional.empty());
        this.identifiantsAVerifier = identifiantsAVerifier;
        // Only a commune has an INSEE code; requiring it avoids communes that other systems cannot match.
        if (type == TypeMembre.COMMUNE && this.codeInsee.isEmpty()) {
            throw new RegleMetierException("codeInsee", "Le code INSEE est obligatoire pour une commune.");
        }
    }

    /** Registers a body; the event tells the caller a new member exists. */
    public static Membre enregistrer(Siren siren, String nom, TypeMembre type, Optional<CodeInsee> codeInsee,
            boolean identifiantsAVerifier) {
        Membre membre = new Membre(siren, nom, type, codeInsee, identifiantsAVerifier);
        membre.evenements.add(new MembreEnregistre(membre.siren, membre.nom, membre.type));
        return membre;
    }

    /** Rebuilds a stored member without recording anything. */
    public static Membre reconstituer(Siren siren, String nom, TypeMembre type, Optional<CodeInsee> codeInsee,
            boolean identifiantsAVerifier) {
        return new Membre(siren, nom, type, codeInsee, identifiantsAVerifier);
    }

    public Siren siren() {
        return siren;
    }

    public String nom() {
        return nom;
    }

    public TypeMembre type() {
        return type;
    }

    public Optional<CodeInsee> codeInsee() {
        return codeInsee;
    }

    public boolean identifiantsAVerifier() {
        return identifiantsAVerifier;
    }

    public List<MembreEnregistre> evenementsEnAttente() {
        return List.copyOf(evenements);
    }
}
