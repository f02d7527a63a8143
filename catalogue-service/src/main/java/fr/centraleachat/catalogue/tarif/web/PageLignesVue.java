package fr.centraleachat.catalogue.tarif.web;

import java.util.List;

/** One page of the lines of the version in force, with that version. */
public record PageLignesVue(VersionVue version, List<LigneVue> elements, int page, int taille, long total) {
}
