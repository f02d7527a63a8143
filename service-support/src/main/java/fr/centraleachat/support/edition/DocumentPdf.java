package fr.centraleachat.support.edition;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The documents the services write (procès-verbaux, rapports, letters, purchase orders) as plain A4 PDFs: a bold
 * title, then text lines wrapped to the page width and flowing onto as many pages as needed. The standard fonts
 * need no font file; they encode WinAnsi only, so other characters are replaced rather than failing the document.
 */
public final class DocumentPdf {

    private static final float MARGE = 50;
    private static final float INTERLIGNE = 14;
    private static final int LARGEUR_LIGNE = 95;
    private static final Charset WINANSI = Charset.forName("windows-1252");

    private final String titre;
    private final List<String> lignes = new ArrayList<>();

    private DocumentPdf(String titre) {
        this.titre = Objects.requireNonNull(titre, "titre");
    }

    public static DocumentPdf intitule(String titre) {
        return new DocumentPdf(titre);
    }

    public DocumentPdf ligne(String texte) {
        lignes.add(texte == null ? "" : texte);
        return this;
    }

    public DocumentPdf ligneVide() {
        return ligne("");
    }

    /** A text of several paragraphs (line breaks kept). */
    public DocumentPdf paragraphe(String texte) {
        if (texte != null) {
            texte.lines().forEach(this::ligne);
        }
        return this;
    }

    public void ecrire(OutputStream sortie) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDType1Font normale = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font grasse = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDPageContentStream contenu = null;
            float y = 0;
            boolean premiere = true;
            List<String> coupees = decouper(lignes);
            if (coupees.isEmpty()) {
                coupees = List.of("");
            }
            for (String ligne : coupees) {
                if (contenu == null || y < MARGE) {
                    if (contenu != null) {
                        contenu.endText();
                        contenu.close();
                    }
                    PDPage page = new PDPage(PDRectangle.A4);
                    document.addPage(page);
                    contenu = new PDPageContentStream(document, page);
                    contenu.beginText();
                    y = page.getMediaBox().getHeight() - MARGE;
                    contenu.newLineAtOffset(MARGE, y);
                    if (premiere) {
                        contenu.setFont(grasse, 14);
                        contenu.showText(imprimable(titre));
                        contenu.newLineAtOffset(0, -2 * INTERLIGNE);
                        y -= 2 * INTERLIGNE;
                        premiere = false;
                    }
                    contenu.setFont(normale, 9);
                }
                contenu.showText(imprimable(ligne));
                contenu.newLineAtOffset(0, -INTERLIGNE);
                y -= INTERLIGNE;
            }
            contenu.endText();
            contenu.close();
            document.save(sortie);
        }
    }

    private static List<String> decouper(List<String> lignes) {
        List<String> coupees = new ArrayList<>();
        for (String ligne : lignes) {
            String reste = ligne;
            while (reste.length() > LARGEUR_LIGNE) {
                int coupure = reste.lastIndexOf(' ', LARGEUR_LIGNE);
                if (coupure <= LARGEUR_LIGNE / 2) {
                    coupure = LARGEUR_LIGNE;
                }
                coupees.add(reste.substring(0, coupure));
                reste = "      " + reste.substring(coupure).stripLeading();
            }
            coupees.add(reste);
        }
        return coupees;
    }

    static String imprimable(String texte) {
        StringBuilder sortie = new StringBuilder(texte.length());
        CharsetEncoder encodeur = WINANSI.newEncoder();
        texte.codePoints().forEach(c -> {
            String s = new String(Character.toChars(c));
            sortie.append(c >= 0x20 && encodeur.canEncode(s) ? s : "?");
        });
        return sortie.toString();
    }
}
