package fr.centraleachat.marche.pli.application;

/** What the acheteur may know of a lot's plis before the opening: how many, nothing else. */
public record DecompteLot(int lot, int enVigueur, int horsDelai, int retires, int remplaces) {
}
