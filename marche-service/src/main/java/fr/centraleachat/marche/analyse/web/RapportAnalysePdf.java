package fr.centraleachat.marche.analyse.web;

import fr.centraleachat.marche.analyse.application.RapportAnalyse;
import fr.centraleachat.support.edition.DocumentPdf;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** The rapport d'analyse des offres as an A4 PDF: the method, then each offer as judged, then the decision. */
final class RapportAnalysePdf {

    private static final DateTimeFormatter DATE_HEURE = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH'h'mm");

    private RapportAnalysePdf() {
    }

    static void ecrire(RapportAnalyse rapport, OutputStream sortie) throws IOException {
        DocumentPdf document = DocumentPdf.intitule("Rapport d'analyse des offres - lot " + rapport.lot()
                        + (rapport.definitif() ? "" : " (provisoire)"))
                .ligne("Consultation : " + rapport.objet() + " (" + rapport.consultationId() + ")")
                .ligne("Procédure : " + rapport.procedure().libelle())
                .ligne("Lot " + rapport.lot() + " : " + rapport.intituleLot() + " - état " + rapport.statut())
                .ligne("Établi le " + DATE_HEURE.format(rapport.etabliLe()))
                .ligneVide()
                .ligne("Critères d'attribution" + (rapport.criteresPropresAuLot() ? " propres au lot" : " de la consultation")
                        + " :");
        rapport.criteres().forEach(c -> document.ligne("   - " + c.libelle() + " (" + c.type() + ") : " + c.ponderation()
                + " points"));
        document.ligne(rapport.methodePrix())
                .ligne("Détection des offres anormalement basses : " + rapport.methodePrixAnormalementBas())
                .ligneVide()
                .ligne(rapport.offresAnalysees() + " offre(s) reçue(s) dans le délai, " + rapport.offresAdmises()
                        + " admise(s) au classement.");
        for (RapportAnalyse.OffreAnalysee offre : rapport.offres()) {
            document.ligneVide()
                    .ligne((offre.rang() == null ? "Non classée" : "Rang " + offre.rang()) + " - offre " + offre.numeroPli()
                            + " - " + (offre.raisonSociale() == null ? "" : offre.raisonSociale() + ", ") + "SIRET "
                            + offre.siret())
                    .ligne("   Prix : " + montant(offre.prixHt()) + " HT ; reçue le " + date(offre.recuLe())
                            + (offre.noteTotale() == null ? "" : " ; note totale " + offre.noteTotale().toPlainString()
                                    + " / 100"));
            for (RapportAnalyse.NoteCritere note : offre.notes()) {
                document.ligne("   " + note.critere() + " : " + (note.note() == null ? "non notée"
                        : note.note().toPlainString()) + " / " + note.ponderation()
                        + (note.commentaire() == null ? "" : " - " + note.commentaire()));
            }
            if (offre.prixAnormalementBas() != null) {
                RapportAnalyse.PrixBas bas = offre.prixAnormalementBas();
                document.ligne("   Offre anormalement basse" + (bas.ecartPourcent() == null ? "" : " : "
                        + bas.ecartPourcent().toPlainString() + " % sous la moyenne des autres offres ("
                        + montant(bas.moyenneDesAutres()) + "), seuil " + bas.seuilPourcent().toPlainString() + " %")
                        + " ; " + (bas.justifiee() == null ? "à examiner"
                                : (bas.justifiee() ? "justification acceptée" : "justification rejetée") + " : "
                                        + bas.raison()));
            }
            if (offre.exclusion() != null) {
                document.ligne("   Exclue (offre " + offre.exclusion().motif().libelle() + ") : "
                        + offre.exclusion().raison());
            }
        }
        document.ligneVide();
        if (!rapport.notesManquantes().isEmpty()) {
            document.ligne("Notes manquantes : " + String.join(" ; ", rapport.notesManquantes()));
        }
        RapportAnalyse.Decision decision = rapport.decision();
        if (decision == null) {
            document.ligne("Décision : analyse en cours.");
        } else if (decision.raisonInfructueux() != null) {
            document.ligne("Décision : lot déclaré infructueux - " + decision.raisonInfructueux());
        } else {
            document.ligne("Décision : lot attribué le " + date(decision.decideLe()) + " à "
                    + (decision.titulaireRaisonSociale() == null ? "" : decision.titulaireRaisonSociale() + ", ")
                    + "SIRET " + decision.titulaireSiret() + " (offre " + decision.numeroPli() + ", note "
                    + (decision.noteTotale() == null ? "-" : decision.noteTotale().toPlainString()) + " / 100)"
                    + (decision.choixHorsClassement() ? " - offre non classée première, justification : "
                            + decision.justification() : ", offre classée première."));
        }
        document.ecrire(sortie);
    }

    private static String montant(BigDecimal montant) {
        return montant == null ? "-" : montant.toPlainString() + " EUR";
    }

    private static String date(OffsetDateTime date) {
        return date == null ? "-" : DATE_HEURE.format(date);
    }
}
