package fr.centraleachat.marche.pli.application;

/**
 * What the acheteur may know of a lot's plis before the opening: how many, nothing else. {@code aConfirmer}: of those
 * in force, how many were filed before the last substantial rectificatif and are not confirmed yet.
 */
public record DecompteLot(int lot, int enVigueur, int horsDelai, int retires, int remplaces, int aConfirmer) {
}
