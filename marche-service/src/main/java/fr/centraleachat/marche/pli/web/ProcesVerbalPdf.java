package fr.centraleachat.marche.pli.web;

import fr.centraleachat.marche.pli.application.ProcesVerbalOuverture;
import fr.centraleachat.marche.reglementation.HeureDeParis;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** The procès-verbal d'ouverture as an A4 PDF: a header, then per lot one line per pli and its files' check. */
final class ProcesVerbalPdf {

    private static final float MARGE = 50;
    private static final float INTERLIGNE = 14;
    private static final int LARGEUR_LIGNE = 95;

    private ProcesVerbalPdf() {
    }

    static void ecrire(ProcesVerbalOuverture pv, OutputStream sortie) throws IOException {
        List<String> lignes = new ArrayList<>();
        lignes.add("Objet : " + pv.objet());
        lignes.add("Consultation : " + pv.consultationId());
        lignes.add("Ouverture des plis : " + (pv.ouvertLe() == null ? "date non journalisée"
                : HeureDeParis.formater(pv.ouvertLe())) + (pv.ouvertPar() == null ? "" : ", par " + pv.ouvertPar()));
        lignes.add("Anomalies (fichiers non conformes à leur accusé de réception) : " + pv.anomalies());
        for (ProcesVerbalOuverture.LotOuvert lot : pv.lots()) {
            lignes.add("");
            lignes.add("Lot " + lot.numero() + " - " + lot.intitule() + " : " + lot.plis().size() + " pli(s)");
            if (lot.plis().isEmpty()) {
                lignes.add("   Aucun pli reçu.");
            }
            for (ProcesVerbalOuverture.PliOuvert pli : lot.plis()) {
                lignes.add("   " + pli.numero() + "  " + (pli.raisonSociale() == null ? "" : pli.raisonSociale() + " ")
                        + "SIRET " + pli.siret() + "  reçu le " + HeureDeParis.formater(pli.recuLe()) + "  "
                        + (pli.horsDelai() ? "HORS DÉLAI" : "dans le délai") + "  " + pli.statut());
                for (ProcesVerbalOuverture.FichierVerifie f : pli.fichiers()) {
                    lignes.add("      " + f.nom() + " (" + f.taille() + " octets) : "
                            + (f.conforme() ? "conforme" : "NON CONFORME") + " - SHA-256 " + f.sha256Accuse());
                }
            }
        }
        try (PDDocument document = new PDDocument()) {
            PDType1Font normale = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font grasse = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDPage page = null;
            PDPageContentStream contenu = null;
            float y = 0;
            boolean premiere = true;
            for (String brute : decouper(lignes)) {
                if (contenu == null || y < MARGE) {
                    if (contenu != null) {
                        contenu.endText();
                        contenu.close();
                    }
                    page = new PDPage(PDRectangle.A4);
                    document.addPage(page);
                    contenu = new PDPageContentStream(document, page);
                    contenu.beginText();
                    y = page.getMediaBox().getHeight() - MARGE;
                    contenu.newLineAtOffset(MARGE, y);
                    if (premiere) {
                        contenu.setFont(grasse, 14);
                        contenu.showText("Procès-verbal d'ouverture des plis");
                        contenu.newLineAtOffset(0, -2 * INTERLIGNE);
                        y -= 2 * INTERLIGNE;
                        premiere = false;
                    }
                    contenu.setFont(normale, 9);
                }
                contenu.showText(imprimable(brute));
                contenu.newLineAtOffset(0, -INTERLIGNE);
                y -= INTERLIGNE;
            }
            if (contenu != null) {
                contenu.endText();
                contenu.close();
            }
            document.save(sortie);
        }
    }

    private static List<String> decouper(List<String> lignes) {
        List<String> coupees = new ArrayList<>();
        for (String ligne : lignes) {
            String reste = ligne;
            while (reste.length() > LARGEUR_LIGNE) {
                coupees.add(reste.substring(0, LARGEUR_LIGNE));
                reste = "      " + reste.substring(LARGEUR_LIGNE);
            }
            coupees.add(reste);
        }
        return coupees;
    }

    /** The standard fonts encode WinAnsi only: other characters are replaced, never fail the document. */
    private static String imprimable(String texte) {
        StringBuilder sortie = new StringBuilder(texte.length());
        java.nio.charset.CharsetEncoder encodeur = java.nio.charset.Charset.forName("windows-1252").newEncoder();
        texte.codePoints().forEach(c -> {
            String s = new String(Character.toChars(c));
            sortie.append(c >= 0x20 && encodeur.canEncode(s) ? s : "?");
        });
        return sortie.toString();
    }
}
