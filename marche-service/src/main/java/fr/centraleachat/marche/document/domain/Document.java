package fr.centraleachat.marche.document.domain;

import fr.centraleachat.kernel.ValeurInvalideException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A document of the DCE and its versions, oldest first: on a draft it has one; once the consultation is published
 * a rectificatif adds a version (a new file, or a withdrawal) and the earlier ones are kept.
 *
 * @param numero its number in the DCE, from 1, never reused
 * @param titre optional, as the acheteur names it (the file name is kept with each version)
 */
public record Document(int numero, TypeDocument type, String titre, List<VersionDocument> versions) {

    public static final int LONGUEUR_MAX_TITRE = 200;

    public Document {
        if (numero < 1) {
            throw new IllegalArgumentException("Documents are numbered from 1");
        }
        Objects.requireNonNull(type, "type");
        titre = titreValide(titre);
        versions = List.copyOf(versions);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("A document without any version");
        }
        for (int i = 1; i < versions.size(); i++) {
            if (versions.get(i).version() <= versions.get(i - 1).version()) {
                throw new IllegalArgumentException("Versions of document " + numero + " out of order");
            }
        }
    }

    static String titreValide(String titre) {
        if (titre == null || titre.isBlank()) {
            return null;
        }
        String nettoye = java.text.Normalizer.normalize(titre, java.text.Normalizer.Form.NFC).strip();
        if (nettoye.length() > LONGUEUR_MAX_TITRE) {
            throw new ValeurInvalideException("titre", "Le titre du document ne doit pas dépasser "
                    + LONGUEUR_MAX_TITRE + " caractères.");
        }
        if (nettoye.codePoints().anyMatch(c -> Character.isISOControl(c) || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069))) {
            throw new ValeurInvalideException("titre", "Le titre du document contient des caractères interdits.");
        }
        return nettoye;
    }

    Document avec(VersionDocument nouvelle) {
        List<VersionDocument> toutes = new ArrayList<>(versions);
        toutes.add(nouvelle);
        return new Document(numero, type, titre, toutes);
    }

    /** This document without the versions matching {@code aRetirer}; null when none is left. */
    Document sans(Predicate<VersionDocument> aRetirer) {
        List<VersionDocument> restantes = versions.stream().filter(aRetirer.negate()).toList();
        return restantes.isEmpty() ? null : new Document(numero, type, titre, restantes);
    }

    int prochaineVersion() {
        return versions.get(versions.size() - 1).version() + 1;
    }

    long taille() {
        return versions.stream().mapToLong(VersionDocument::taille).sum();
    }
}
