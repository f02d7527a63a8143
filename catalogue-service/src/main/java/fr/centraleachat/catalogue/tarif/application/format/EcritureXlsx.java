package fr.centraleachat.catalogue.tarif.application.format;

import fr.centraleachat.catalogue.tarif.domain.LigneTarif;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Enumeration;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a price list as an Excel workbook with POI's streaming writer: only the last {@value #FENETRE} rows are
 * in memory, the others already flushed to a compressed temporary file, removed on close (call {@link #terminer} first to write it out). Prices and rates are
 * numbers (the rate in percent: 20 for 20 %), texts are text cells, never formulas. The same list gives the same
 * bytes: the workbook's creation date and its archive entries' times are the given time (the version's publication),
 * not the time of the export.
 */
public final class EcritureXlsx implements AutoCloseable {

    static final int FENETRE = 100;

    private final OutputStream sortie;
    private final Instant horodatage;
    private final SXSSFWorkbook classeur;
    private final SXSSFSheet feuille;
    private final CellStyle stylePrix;
    private final CellStyle styleTaux;
    private int ligne;

    public EcritureXlsx(OutputStream sortie, Instant horodatage) {
        this.sortie = sortie;
        this.horodatage = horodatage;
        this.classeur = new SXSSFWorkbook(FENETRE);
        classeur.setCompressTempFiles(true);
        classeur.getXSSFWorkbook().getProperties().getCoreProperties().setCreated(Optional.of(Date.from(horodatage)));
        this.feuille = classeur.createSheet("Tarif");
        Font gras = classeur.createFont();
        gras.setBold(true);
        CellStyle styleEntete = classeur.createCellStyle();
        styleEntete.setFont(gras);
        stylePrix = classeur.createCellStyle();
        stylePrix.setDataFormat(classeur.createDataFormat().getFormat("#,##0.00##"));
        styleTaux = classeur.createCellStyle();
        styleTaux.setDataFormat(classeur.createDataFormat().getFormat("0.0#"));
        int[] largeurs = {18, 50, 12, 20, 16, 12, 14};
        Row entete = feuille.createRow(ligne++);
        ColonneTarif[] colonnes = ColonneTarif.values();
        for (int i = 0; i < colonnes.length; i++) {
            Cell cellule = entete.createCell(i);
            cellule.setCellValue(colonnes[i].entete());
            cellule.setCellStyle(styleEntete);
            feuille.setColumnWidth(i, largeurs[i] * 256);
        }
        feuille.createFreezePane(0, 1);
    }

    public void ecrire(LigneTarif l) {
        Row rangee = feuille.createRow(ligne++);
        rangee.createCell(0).setCellValue(l.reference());
        rangee.createCell(1).setCellValue(l.designation());
        rangee.createCell(2).setCellValue(l.unite());
        if (l.conditionnement() != null) {
            rangee.createCell(3).setCellValue(l.conditionnement());
        }
        Cell prix = rangee.createCell(4);
        prix.setCellValue(l.prixUnitaireHt().doubleValue());
        prix.setCellStyle(stylePrix);
        Cell taux = rangee.createCell(5);
        taux.setCellValue(l.tauxTva().doubleValue());
        taux.setCellStyle(styleTaux);
        if (l.cpv() != null) {
            rangee.createCell(6).setCellValue(l.cpv().valeur());
        }
    }

    /** Writes the workbook out; call once every line is written. */
    public void terminer() throws IOException {
        Path brut = Files.createTempFile("export-tarif-", ".xlsx");
        try {
            try (OutputStream fichier = Files.newOutputStream(brut)) {
                classeur.write(fichier);
            }
            // Entries copied as they are compressed, only their time changed.
            try (ZipFile zip = ZipFile.builder().setPath(brut).get()) {
                ZipArchiveOutputStream archive = new ZipArchiveOutputStream(sortie);
                for (Enumeration<ZipArchiveEntry> entrees = zip.getEntriesInPhysicalOrder(); entrees.hasMoreElements(); ) {
                    ZipArchiveEntry entree = entrees.nextElement();
                    ZipArchiveEntry copie = new ZipArchiveEntry(entree.getName());
                    copie.setMethod(entree.getMethod());
                    copie.setCrc(entree.getCrc());
                    copie.setSize(entree.getSize());
                    copie.setCompressedSize(entree.getCompressedSize());
                    copie.setTime(horodatage.toEpochMilli());
                    try (InputStream brutEntree = zip.getRawInputStream(entree)) {
                        archive.addRawArchiveEntry(copie, brutEntree);
                    }
                }
                archive.finish();
            }
            sortie.flush();
        } finally {
            Files.deleteIfExists(brut);
        }
    }

    /** Removes the temporary file, written out or not. */
    @Override
    public void close() throws IOException {
        classeur.close();
    }
}
