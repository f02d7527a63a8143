package fr.centraleachat.catalogue.tarif;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A minimal workbook written by hand around a sheet body, as a hostile caller would: the price-list tests use it for
 * what a spreadsheet tool never writes (a huge sheet, an entity declaration, a bomb).
 */
public final class ClasseurForge {

    public static final String PROLOGUE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    /** Writes the sheet's rows (the content of {@code <sheetData>}). */
    public interface Contenu {
        void ecrire(OutputStream feuille) throws IOException;
    }

    private ClasseurForge() {
    }

    /** Writes the workbook to {@code sortie}; {@code prologue} starts the sheet's XML. */
    public static void ecrire(OutputStream sortie, String prologue, Contenu lignes) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(sortie)) {
            entree(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas"
                    + ".openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"applicat"
                    + "ion/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"appli"
                    + "cation/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-"
                    + "officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" "
                    + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            entree(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas"
                    + ".openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.o"
                    + "penxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    + "</Relationships>");
            entree(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas"
                    + ".openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeD"
                    + "ocument/2006/relationships\"><sheets><sheet name=\"Prix\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
                    + "</workbook>");
            entree(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns="
                    + "\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type="
                    + "\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"works"
                    + "heets/sheet1.xml\"/></Relationships>");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write((prologue + "<worksheet xmlns=\"http://schemas.openxmlformats.org"
                    + "/spreadsheetml/2006/main\"><sheetData>").getBytes(StandardCharsets.UTF_8));
            lignes.ecrire(zip);
            zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    public static void entree(ZipOutputStream zip, String nom, String contenu) throws IOException {
        zip.putNextEntry(new ZipEntry(nom));
        zip.write(contenu.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
