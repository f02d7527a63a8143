package fr.centraleachat.marche.programmation.web;

import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.marche.programmation.domain.BesoinPropose;
import fr.centraleachat.marche.programmation.domain.Fractionnement;
import fr.centraleachat.marche.programmation.domain.PlanAnnuel;
import fr.centraleachat.marche.programmation.domain.ProcedurePlanifiee;
import fr.centraleachat.marche.programmation.domain.StatutProcedurePlanifiee;
import fr.centraleachat.marche.reglementation.Nature;
import fr.centraleachat.marche.reglementation.Procedure;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the annual plan's operations answer. Amounts in euros HT. */
final class PlanVues {

    private PlanVues() {
    }

    record ProcedureVue(String id, String objet, FamilleAchat familleAchat, String cpvPrincipal, Nature nature,
            BigDecimal valeurEstimee, int trimestre, List<String> membres, StatutProcedurePlanifiee statut,
            String consultationId, String motifAbandon) {

        static ProcedureVue de(ProcedurePlanifiee p) {
            return new ProcedureVue(p.id(), p.objet(), p.familleAchat(),
                    p.cpvPrincipal() == null ? null : p.cpvPrincipal().valeur(), p.nature(),
                    p.valeurEstimee().valeurHt(), p.trimestre(), p.membres().stream().map(Siren::valeur).toList(),
                    p.statut(), p.consultationId(), p.motifAbandon());
        }
    }

    record BesoinVue(String id, String siren, String objet, FamilleAchat familleAchat, BigDecimal valeurEstimee,
            String commentaire, BesoinPropose.Statut statut, String procedureId, String motifRefus) {

        static BesoinVue de(BesoinPropose b) {
            return new BesoinVue(b.id(), b.membre().valeur(), b.objet(), b.familleAchat(),
                    b.valeurEstimee().valeurHt(), b.commentaire(), b.statut(), b.procedureId(), b.motifRefus());
        }
    }

    @Schema(description = "Prévu (procédures prévues et lancées) et lancé, d'un trimestre et d'une famille")
    record CelluleVue(int trimestre, FamilleAchat familleAchat, BigDecimal prevu, BigDecimal lance, int procedures,
            int lancees) {
    }

    record PlanVue(int annee, List<ProcedureVue> procedures, List<BesoinVue> besoins,
            @Schema(description = "La vue de l'année par trimestre et famille (procédures abandonnées exclues)")
            List<CelluleVue> synthese, BigDecimal totalPrevu, BigDecimal totalLance, long version) {

        static PlanVue de(PlanAnnuel plan) {
            List<CelluleVue> synthese = new ArrayList<>();
            Montant prevu = Montant.ZERO;
            Montant lance = Montant.ZERO;
            for (Map.Entry<Integer, Map<FamilleAchat, PlanAnnuel.Cellule>> trimestre : plan.synthese().entrySet()) {
                for (Map.Entry<FamilleAchat, PlanAnnuel.Cellule> famille : trimestre.getValue().entrySet()) {
                    PlanAnnuel.Cellule c = famille.getValue();
                    synthese.add(new CelluleVue(trimestre.getKey(), famille.getKey(), c.prevu().valeurHt(),
                            c.lance().valeurHt(), c.procedures(), c.lancees()));
                    prevu = prevu.plus(c.prevu());
                    lance = lance.plus(c.lance());
                }
            }
            return new PlanVue(plan.annee(), plan.procedures().stream().map(ProcedureVue::de).toList(),
                    plan.besoins().stream().map(BesoinVue::de).toList(), synthese, prevu.valeurHt(),
                    lance.valeurHt(), plan.version());
        }
    }

    record ProcedureCompteeVue(String reference, String objet, BigDecimal valeurEstimee) {
    }

    @Schema(description = "Contrôle du fractionnement (articles R2121-6 et R2121-7) : la valeur propre de la"
            + " consultation face au cumul des besoins de sa famille pour l'année")
    record FractionnementVue(boolean risque, FamilleAchat familleAchat,
            @Schema(description = "Groupe CPV (trois premiers chiffres) quand c'est lui, non la famille, qui franchit le"
                    + " seuil") String groupeCpv, Integer annee, String seuilFranchi,
            BigDecimal seuil, LocalDate seuilsAu, BigDecimal valeurPropre, Procedure procedurePropre,
            BigDecimal cumul, Procedure procedureDuCumul, List<ProcedureCompteeVue> comptees, String message) {

        static FractionnementVue de(Optional<Fractionnement.Alerte> alerte) {
            if (alerte.isEmpty()) {
                return new FractionnementVue(false, null, null, null, null, null, null, null, null, null, null, List.of(),
                        "Aucun risque de fractionnement : le cumul des besoins de la famille ou du groupe CPV pour"
                                + " l'année n'appelle pas une procédure plus exigeante que celle de la consultation.");
            }
            Fractionnement.Alerte a = alerte.get();
            return new FractionnementVue(true, a.familleAchat(), a.groupeCpv(), a.annee(), a.seuilFranchi().name(),
                    a.seuil().valeurHt(), a.seuilsAu(), a.valeurPropre().valeurHt(), a.procedurePropre(),
                    a.cumul().valeurHt(), a.procedureDuCumul(), a.comptees().stream()
                            .map(c -> new ProcedureCompteeVue(c.reference(), c.objet(), c.valeurEstimee().valeurHt()))
                            .toList(), a.message());
        }
    }
}
