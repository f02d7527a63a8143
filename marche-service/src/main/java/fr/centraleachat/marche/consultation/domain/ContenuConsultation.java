package fr.centraleachat.marche.consultation.domain;

import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.marche.reglementation.DelaiReduit;
import fr.centraleachat.marche.reglementation.Nature;

import java.time.Instant;

/**
 * What the acheteur writes in a consultation, set at creation and while it is a draft. A {@code null}
 * {@code delaiReduit} means {@link DelaiReduit#NONE}. {@code familleAchat} is absent only from consultations stored
 * before it existed: creating, changing or publishing one requires it ({@link #exigerFamilleAchat()}).
 * {@code dateLimiteQuestions}, optional, is the date until which suppliers may ask questions; it must come before the
 * DLRO. Without it, questions are received until the DLRO.
 */
public record ContenuConsultation(
        String objet,
        Nature nature,
        CodeCpv cpvPrincipal,
        FamilleAchat familleAchat,
        Lots lots,
        Criteres criteres,
        Instant dlro,
        Beneficiaires beneficiaires,
        DelaiReduit delaiReduit,
        Instant dateLimiteQuestions) {

    public static final int LONGUEUR_MAX_OBJET = 300;

    public ContenuConsultation {
        if (objet == null || objet.isBlank()) {
            throw new ValeurInvalideException("objet", "L'objet de la consultation est obligatoire.");
        }
        objet = objet.strip();
        if (objet.length() > LONGUEUR_MAX_OBJET) {
            throw new ValeurInvalideException("objet", "L'objet de la consultation ne doit pas dépasser "
                    + LONGUEUR_MAX_OBJET + " caractères (" + objet.length() + " reçus).");
        }
        exiger(nature, "nature", "La nature du marché est obligatoire (FOURNITURES, SERVICES ou TRAVAUX).");
        exiger(cpvPrincipal, "cpvPrincipal", "Le code CPV principal est obligatoire.");
        exiger(lots, "lots", "Une consultation comporte au moins un lot.");
        exiger(criteres, "criteres", "Au moins un critère d'attribution est requis.");
        exiger(dlro, "dlro", "La date limite de remise des offres est obligatoire.");
        exiger(beneficiaires, "beneficiaires", "Au moins un membre bénéficiaire est requis.");
        delaiReduit = delaiReduit == null ? DelaiReduit.NONE : delaiReduit;
        if (dateLimiteQuestions != null && !dateLimiteQuestions.isBefore(dlro)) {
            throw new ValeurInvalideException("dateLimiteQuestions", "La date limite des questions doit précéder la date"
                    + " limite de remise des offres.");
        }
    }

    /** Content without a question deadline: questions are then received until the DLRO. */
    public ContenuConsultation(String objet, Nature nature, CodeCpv cpvPrincipal, FamilleAchat familleAchat, Lots lots,
            Criteres criteres, Instant dlro, Beneficiaires beneficiaires, DelaiReduit delaiReduit) {
        this(objet, nature, cpvPrincipal, familleAchat, lots, criteres, dlro, beneficiaires, delaiReduit, null);
    }

    /** The same content with the dates a rectificatif sets. */
    ContenuConsultation avecDates(Instant nouvelleDlro, Instant nouvelleDateLimiteQuestions) {
        return new ContenuConsultation(objet, nature, cpvPrincipal, familleAchat, lots, criteres, nouvelleDlro,
                beneficiaires, delaiReduit, nouvelleDateLimiteQuestions);
    }

    /** Until when questions are received: the date set, or else the DLRO. */
    public Instant finDesQuestions() {
        return dateLimiteQuestions != null ? dateLimiteQuestions : dlro;
    }

    /** What the acheteur writes now must name the famille d'achat (the catalogue checks subscriptions against it). */
    public ContenuConsultation exigerFamilleAchat() {
        exiger(familleAchat, "familleAchat", "La famille d'achat de la consultation est obligatoire.");
        return this;
    }

    public Montant valeurEstimeeTotale() {
        return lots.valeurEstimeeTotale();
    }

    private static void exiger(Object valeur, String champ, String message) {
        if (valeur == null) {
            throw new ValeurInvalideException(champ, message);
        }
    }
}
