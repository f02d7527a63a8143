package fr.centraleachat.adhesion.recensement.web;

import java.util.List;

/** The members reminded to answer. */
public record RelanceVue(String recensementId, List<MembreRelanceVue> membresRelances) {

    public record MembreRelanceVue(String siren, String nom) {
    }
}
