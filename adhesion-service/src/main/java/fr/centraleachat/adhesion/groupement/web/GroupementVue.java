package fr.centraleachat.adhesion.groupement.web;

import fr.centraleachat.adhesion.membre.domain.Membre;
import fr.centraleachat.adhesion.groupement.application.GroupementDetaille;
import fr.centraleachat.adhesion.groupement.domain.Groupement;
import fr.centraleachat.adhesion.groupement.domain.MembreGroupement;
import java.time.LocalDate;
import java.util.List;

/** A groupement as the API shows it. */
public record GroupementVue(
        String id,
        String objet,
        CoordonnateurVue coordonnateur,
        String missions,
        String commissionAppelOffres,
        String repartitionFrais,
        String statut,
        List<MembreGroupementVue> membres,
        List<String> membresSansApprobation,
        LocalDate dateConstitution,
        LocalDate dateDissolution,
        String motifDissolution,
        long version) {

    public record CoordonnateurVue(String siren, String nom) {
    }

    public record MembreGroupementVue(String siren, String nom, String type, LocalDate ajouteLe,
            ApprobationVue approbation) {
    }

    public record ApprobationVue(String numeroDeliberation, LocalDate dateDeliberation) {
    }

    static GroupementVue de(GroupementDetaille detail) {
        Groupement.Etat e = detail.groupement().etat();
        Membre coordonnateur = detail.membres().get(e.coordonnateur());
        return new GroupementVue(e.id().toString(), e.objet(), new CoordonnateurVue(e.coordonnateur().valeur(),
                coordonnateur == null ? null : coordonnateur.nom()), e.missions().name(), e.commissionAppelOffres(),
                e.repartitionFrais(), e.statut().name(), e.membres().stream().map(m -> membre(m,
                        detail.membres().get(m.siren()))).toList(),
                e.membres().stream().filter(m -> !m.aApprouve()).map(m -> m.siren().valeur()).toList(),
                e.dateConstitution(), e.dateDissolution(), e.motifDissolution(), e.version());
    }

    private static MembreGroupementVue membre(MembreGroupement m, Membre membre) {
        return new MembreGroupementVue(m.siren().valeur(), membre == null ? null : membre.nom(),
                membre == null ? null : membre.type().name(), m.ajouteLe(), m.aApprouve()
                        ? new ApprobationVue(m.approbation().numeroDeliberation(), m.approbation().dateDeliberation())
                        : null);
    }
}
