package fr.centraleachat.marche.pli.web;

import fr.centraleachat.support.edition.DocumentPdf;
import fr.centraleachat.marche.pli.application.ProcesVerbalOuverture;
import fr.centraleachat.marche.reglementation.HeureDeParis;
import java.io.IOException;
import java.io.OutputStream;

/** The procès-verbal d'ouverture as an A4 PDF: a header, then per lot one line per pli and its files' check. */
final class ProcesVerbalPdf {

    private ProcesVerbalPdf() {
    }

    static void ecrire(ProcesVerbalOuverture pv, OutputStream sortie) throws IOException {
        DocumentPdf document = DocumentPdf.intitule("Procès-verbal d'ouverture des plis")
                .ligne("Objet : " + pv.objet())
                .ligne("Consultation : " + pv.consultationId())
                .ligne("Ouverture des plis : " + (pv.ouvertLe() == null ? "date non journalisée"
                        : HeureDeParis.formater(pv.ouvertLe())) + (pv.ouvertPar() == null ? "" : ", par " + pv.ouvertPar()))
                .ligne("Anomalies (fichiers non conformes à leur accusé de réception) : " + pv.anomalies());
        for (ProcesVerbalOuverture.LotOuvert lot : pv.lots()) {
            document.ligneVide().ligne("Lot " + lot.numero() + " - " + lot.intitule() + " : " + lot.plis().size() + " pli(s)");
            if (lot.plis().isEmpty()) {
                document.ligne("   Aucun pli reçu.");
            }
            for (ProcesVerbalOuverture.PliOuvert pli : lot.plis()) {
                document.ligne("   " + pli.numero() + "  " + (pli.raisonSociale() == null ? "" : pli.raisonSociale() + " ")
                        + "SIRET " + pli.siret() + "  reçu le " + HeureDeParis.formater(pli.recuLe()) + "  "
                        + (pli.horsDelai() ? "HORS DÉLAI" : "dans le délai") + "  " + pli.statut());
                for (ProcesVerbalOuverture.FichierVerifie f : pli.fichiers()) {
                    document.ligne("      " + f.nom() + " (" + f.taille() + " octets) : "
                            + (f.conforme() ? "conforme" : "NON CONFORME") + " - SHA-256 " + f.sha256Accuse());
                }
            }
        }
        document.ecrire(sortie);
    }
}
