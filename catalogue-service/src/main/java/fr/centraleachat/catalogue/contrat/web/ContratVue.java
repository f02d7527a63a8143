package fr.centraleachat.catalogue.contrat.web;

import fr.centraleachat.catalogue.contrat.domain.Contrat;
import fr.centraleachat.catalogue.contrat.domain.StatutContrat;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.Siren;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A contract as members, titulaires and the acheteur read it, with its consumption against the maximum. */
public record ContratVue(String numero, String consultationId, int lot, String objet, String intituleLot,
        Titulaire titulaire, String forme, String formePrix, BigDecimal montantHt, BigDecimal montantMaximumHt,
        BigDecimal montantMinimumHt, LocalDate dateDebut, LocalDate dateFin,
        @Schema(description = "A_VENIR avant la date de début, ACTIF jusqu'à la date de fin incluse, EXPIRE ensuite, "
                + "RESILIE dès la résiliation") StatutContrat statut,
        List<String> beneficiaires, String cpv, String familleAchat, Consommation consommation, Liens liens) {

    public record Titulaire(String siret, String raisonSociale) {
    }

    @Schema(name = "ConsommationContrat")
    public record Consommation(BigDecimal maximumHt, BigDecimal consommeHt, BigDecimal restantHt, BigDecimal tauxPourcent,
            @Schema(description = "Seuils d'alerte atteints, en % du maximum (80, 100)") List<Integer> seuilsAtteints) {
    }

    /** Where the contract's documents are: the consultation's DCE and the marché's analysis. */
    public record Liens(String documentsConsultation) {
    }

    static ContratVue de(Contrat c, LocalDate aujourdhui) {
        fr.centraleachat.catalogue.contrat.domain.Consommation conso = c.consommation();
        return new ContratVue(c.numero(), c.consultationId(), c.lot(), c.objet(), c.intituleLot(),
                new Titulaire(c.titulaireSiret().valeur(), c.titulaireRaisonSociale()), c.forme(), c.formePrix(),
                valeur(c.montantHt()), valeur(c.montantMaximumHt()), valeur(c.montantMinimumHt()), c.dateDebut(),
                c.dateFin(), c.statut(aujourdhui), c.beneficiaires().stream().map(Siren::valeur).toList(),
                c.cpv() == null ? null : c.cpv().valeur(), c.familleAchat() == null ? null : c.familleAchat().name(),
                new Consommation(conso.maximum().valeurHt(), conso.consomme().valeurHt(), conso.restant().valeurHt(),
                        conso.tauxPourcent(), List.copyOf(conso.seuilsAtteints())),
                new Liens(c.consultationId() == null ? null
                        : "/api/marche/consultations/" + c.consultationId() + "/documents"));
    }

    private static BigDecimal valeur(Montant montant) {
        return montant == null ? null : montant.valeurHt();
    }
}
