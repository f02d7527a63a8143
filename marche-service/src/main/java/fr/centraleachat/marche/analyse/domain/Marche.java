package fr.centraleachat.marche.analyse.domain;

import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.NumeroMarche;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.Siret;
import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.marche.reglementation.Nature;
import fr.centraleachat.marche.reglementation.Procedure;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The marché of a lot, created at its notification: what the catalogue, the orders and the DECP stand on. An
 * accord-cadre lasts at most 4 years and has a maximum (a minimum is optional); an ordinary marché has its amount,
 * the awarded offer's price. For a consultation launched for a groupement de commandes, {@code groupementId} and its
 * {@code coordonnateur}, the buyer recorded on the marché (the DECP's acheteur); both null when the centrale buys for
 * its members.
 */
public record Marche(String numero, String consultationId, int lot, String objet, String intituleLot,
        Siret titulaireSiret, String titulaireRaisonSociale, FormeMarche forme, FormePrix formePrix, Montant montantHt,
        Montant montantMaximumHt, Montant montantMinimumHt, int dureeMois, LocalDate dateDebut, List<Siren> beneficiaires,
        CodeCpv cpv, FamilleAchat familleAchat, Nature nature, Procedure procedure, Instant datePublication,
        Instant dateNotification, int offresRecues, List<PrixUnitaire> prixUnitaires, String groupementId,
        Siren coordonnateur) {

    public static final int DUREE_MAX_ACCORD_CADRE_MOIS = 48;

    /** A marché the centrale buys for its members, outside any groupement de commandes. */
    public Marche(String numero, String consultationId, int lot, String objet, String intituleLot,
            Siret titulaireSiret, String titulaireRaisonSociale, FormeMarche forme, FormePrix formePrix,
            Montant montantHt, Montant montantMaximumHt, Montant montantMinimumHt, int dureeMois, LocalDate dateDebut,
            List<Siren> beneficiaires, CodeCpv cpv, FamilleAchat familleAchat, Nature nature, Procedure procedure,
            Instant datePublication, Instant dateNotification, int offresRecues, List<PrixUnitaire> prixUnitaires) {
        this(numero, consultationId, lot, objet, intituleLot, titulaireSiret, titulaireRaisonSociale, forme, formePrix,
                montantHt, montantMaximumHt, montantMinimumHt, dureeMois, dateDebut, beneficiaires, cpv, familleAchat,
                nature, procedure, datePublication, dateNotification, offresRecues, prixUnitaires, null, null);
    }
    public static final int DUREE_MAX_MOIS = 120;

    /** A unit price of the titulaire's BPU, as its offer gave it. */
    public record PrixUnitaire(String reference, Montant prixUnitaireHt) {
    }

    public Marche {
        if (!NumeroMarche.estValide(numero)) {
            throw new IllegalArgumentException("numero " + numero);
        }
        Objects.requireNonNull(consultationId, "consultationId");
        Objects.requireNonNull(titulaireSiret, "titulaireSiret");
        if (forme == null) {
            throw new ValeurInvalideException("forme", "La forme du marché est obligatoire (MARCHE_ORDINAIRE, "
                    + "ACCORD_CADRE_BONS_DE_COMMANDE ou ACCORD_CADRE_MARCHES_SUBSEQUENTS).");
        }
        if (formePrix == null) {
            throw new ValeurInvalideException("formePrix", "La forme du prix est obligatoire (UNITAIRE, FORFAITAIRE ou MIXTE).");
        }
        if (forme.estAccordCadre()) {
            if (montantMaximumHt == null || montantMaximumHt.valeurHt().signum() <= 0) {
                throw new ValeurInvalideException("montantMaximumHt", "Un accord-cadre a obligatoirement un montant "
                        + "maximum (HT) positif.");
            }
            if (montantMinimumHt != null && montantMinimumHt.valeurHt().compareTo(montantMaximumHt.valeurHt()) > 0) {
                throw new ValeurInvalideException("montantMinimumHt", "Le montant minimum dépasse le montant maximum.");
            }
            if (dureeMois > DUREE_MAX_ACCORD_CADRE_MOIS) {
                throw new ValeurInvalideException("dureeMois", "Un accord-cadre dure au plus "
                        + DUREE_MAX_ACCORD_CADRE_MOIS + " mois (4 ans).");
            }
        } else if (montantMaximumHt != null || montantMinimumHt != null) {
            throw new ValeurInvalideException("montantMaximumHt", "Minimum et maximum ne valent que pour un accord-cadre.");
        }
        Objects.requireNonNull(montantHt, "montantHt");
        if (dureeMois < 1 || dureeMois > DUREE_MAX_MOIS) {
            throw new ValeurInvalideException("dureeMois", "La durée du marché est comprise entre 1 et "
                    + DUREE_MAX_MOIS + " mois.");
        }
        if (dateDebut == null) {
            throw new ValeurInvalideException("dateDebut", "La date de début d'exécution est obligatoire.");
        }
        beneficiaires = List.copyOf(beneficiaires);
        prixUnitaires = List.copyOf(prixUnitaires == null ? List.of() : prixUnitaires);
        Objects.requireNonNull(cpv, "cpv");
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(dateNotification, "dateNotification");
    }

    /** Last day of execution: the day before the same date {@code dureeMois} months after the start. */
    public LocalDate dateFin() {
        return dateDebut.plusMonths(dureeMois).minusDays(1);
    }
}
