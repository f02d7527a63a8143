package fr.centraleachat.catalogue.contrat.domain;

import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.Siret;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A notified marché as the catalogue sees it: what members may order on, from its start date to its end date, up
 * to its maximum. It comes from the marché service's {@code MarcheNotifie} event; its consumption is the
 * catalogue's own. The status is computed from the dates, so a contract expires on its end date without any job.
 */
public record Contrat(String numero, String consultationId, int lot, String objet, String intituleLot,
        Siret titulaireSiret, String titulaireRaisonSociale, String forme, String formePrix, Montant montantHt,
        Montant montantMaximumHt, Montant montantMinimumHt, LocalDate dateDebut, LocalDate dateFin,
        List<Siren> beneficiaires, CodeCpv cpv, FamilleAchat familleAchat, String nature, String procedure,
        Instant dateNotification, List<PrixBpu> prixUnitaires, LocalDate resilieLe, Consommation consommation) {

    /** Only an accord-cadre à bons de commande is consumed through purchase orders. */
    public static final String ACCORD_CADRE_BONS_DE_COMMANDE = "ACCORD_CADRE_BONS_DE_COMMANDE";

    /** A unit price of the titulaire's BPU, as its offer gave it. */
    public record PrixBpu(String reference, Montant prixUnitaireHt) {
    }

    public Contrat {
        Objects.requireNonNull(numero, "numero");
        Objects.requireNonNull(titulaireSiret, "titulaireSiret");
        Objects.requireNonNull(dateDebut, "dateDebut");
        Objects.requireNonNull(dateFin, "dateFin");
        beneficiaires = List.copyOf(beneficiaires == null ? List.of() : beneficiaires);
        prixUnitaires = List.copyOf(prixUnitaires == null ? List.of() : prixUnitaires);
        if (consommation == null) {
            consommation = Consommation.initiale(plafond(montantHt, montantMaximumHt));
        }
    }

    /** What orders may consume: an accord-cadre's maximum, else the marché's amount. */
    public static Montant plafond(Montant montantHt, Montant montantMaximumHt) {
        return montantMaximumHt != null ? montantMaximumHt : montantHt;
    }

    public StatutContrat statut(LocalDate jour) {
        if (resilieLe != null && !jour.isBefore(resilieLe)) {
            return StatutContrat.RESILIE;
        }
        if (jour.isBefore(dateDebut)) {
            return StatutContrat.A_VENIR;
        }
        return jour.isAfter(dateFin) ? StatutContrat.EXPIRE : StatutContrat.ACTIF;
    }

    public boolean estBeneficiaire(Siren membre) {
        return beneficiaires.contains(membre);
    }

    public boolean estTitulaire(Siret siret) {
        return titulaireSiret.equals(siret);
    }
}
