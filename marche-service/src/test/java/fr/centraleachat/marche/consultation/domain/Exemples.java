package fr.centraleachat.marche.consultation.domain;

import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.marche.reglementation.DelaiReduit;
import fr.centraleachat.marche.reglementation.HeureDeParis;
import fr.centraleachat.marche.reglementation.Nature;

import java.time.Instant;
import java.time.LocalDateTime;

/** Test data: a valid office-supplies consultation for Dijon Métropole and the Ville de Dijon. */
final class Exemples {

    static final Siren DIJON_METROPOLE = new Siren("242100410");
    static final Siren VILLE_DE_DIJON = new Siren("212102313");
    static final CodeCpv FOURNITURES_DE_BUREAU = new CodeCpv("30192000-1");
    static final CodeCpv TRAVAUX_DE_CONSTRUCTION = new CodeCpv("45000000-7");
    static final Criteres PRIX_ET_VALEUR_TECHNIQUE = Criteres.de(
            new CritereAttribution("Prix", 60, TypeCritere.PRIX),
            new CritereAttribution("Valeur technique", 40, TypeCritere.TECHNIQUE));
    static final String ACHETEUR = "acheteur-centrale";
    /** A Monday, 42 days after {@link #PUBLICATION}. */
    static final Instant DLRO = paris("2026-06-15T12:00");
    static final Instant PUBLICATION = paris("2026-05-04T10:00");

    private Exemples() {
    }

    static Instant paris(String dateHeure) {
        return LocalDateTime.parse(dateHeure).atZone(HeureDeParis.FUSEAU).toInstant();
    }

    static Lots lotsDe(long... montants) {
        Lot[] lots = new Lot[montants.length];
        for (int i = 0; i < montants.length; i++) {
            lots[i] = new Lot(i + 1, "Lot " + (i + 1), Montant.de(montants[i]));
        }
        return Lots.de(lots);
    }

    static ContenuConsultation contenu(Nature nature, Instant dlro, long... montantsDesLots) {
        return new ContenuConsultation("Fournitures de bureau pour les membres", nature,
                nature == Nature.TRAVAUX ? TRAVAUX_DE_CONSTRUCTION : FOURNITURES_DE_BUREAU, FamilleAchat.FOURNITURES_ADMINISTRATIVES,
                lotsDe(montantsDesLots), PRIX_ET_VALEUR_TECHNIQUE, dlro,
                Beneficiaires.de(DIJON_METROPOLE, VILLE_DE_DIJON), DelaiReduit.NONE);
    }

    /** 150 000 € of supplies in two lots: a MAPA from 2026. */
    static ContenuConsultation contenu() {
        return contenu(Nature.FOURNITURES, DLRO, 100_000, 50_000);
    }

    static Consultation brouillon() {
        Consultation consultation = Consultation.creer(ConsultationId.nouveau(), contenu(), ACHETEUR);
        consultation.effacerEvenements();
        return consultation;
    }
}
