package fr.centraleachat.marche.document.web;

import fr.centraleachat.marche.document.application.DceATelecharger;
import fr.centraleachat.marche.document.domain.DocumentEnVigueur;
import fr.centraleachat.marche.fichier.domain.FichierStocke;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the DCE as a ZIP archive straight to the response, one file after the other through a 64 KiB buffer: the
 * archive is never held in memory. Each entry is named {@code <number>-<file name>} (numbers keep two files of the
 * same name apart) and dated like its version, so the same DCE gives the same entries; a last entry,
 * {@value #EMPREINTES}, lists each file's SHA-256 in the format of {@code sha256sum -c}.
 */
final class ArchiveZip {

    static final String EMPREINTES = "empreintes-sha256.txt";
    private static final int TAMPON = 64 * 1024;

    private ArchiveZip() {
    }

    static String nomEntree(DocumentEnVigueur document) {
        return String.format("%03d-%s", document.numero(), document.courante().fichier().nom());
    }

    static void ecrire(DceATelecharger dce, OutputStream sortie) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(sortie, StandardCharsets.UTF_8);
        // Office files and PDFs are compressed already: spend little CPU on them.
        zip.setLevel(Deflater.BEST_SPEED);
        StringBuilder empreintes = new StringBuilder();
        Instant plusRecente = Instant.EPOCH;
        byte[] tampon = new byte[TAMPON];
        for (DocumentEnVigueur document : dce.documents()) {
            FichierStocke fichier = document.courante().fichier();
            ZipEntry entree = new ZipEntry(nomEntree(document));
            entree.setTime(document.courante().date().toEpochMilli());
            zip.putNextEntry(entree);
            try (InputStream contenu = dce.lecteur().ouvrir(fichier)) {
                for (int n; (n = contenu.read(tampon)) > 0; ) {
                    zip.write(tampon, 0, n);
                }
            }
            zip.closeEntry();
            empreintes.append(fichier.sha256()).append("  ").append(entree.getName()).append('\n');
            if (document.courante().date().isAfter(plusRecente)) {
                plusRecente = document.courante().date();
            }
        }
        ZipEntry liste = new ZipEntry(EMPREINTES);
        liste.setTime(plusRecente.toEpochMilli());
        zip.putNextEntry(liste);
        zip.write(empreintes.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }
}
