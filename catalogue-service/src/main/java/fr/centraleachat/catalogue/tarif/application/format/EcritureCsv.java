package fr.centraleachat.catalogue.tarif.application.format;

import fr.centraleachat.catalogue.tarif.domain.LigneTarif;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a price list as the import reads it: "CSV UTF-8" with a byte-order mark (so that a spreadsheet shows the
 * accents), {@code ;} between cells, decimal commas. A text a spreadsheet would take for a formula (starting with
 * =, +, -, @) is written after an apostrophe, which the import drops again. Lines are written as they come.
 */
public final class EcritureCsv implements AutoCloseable {

    private final Writer sortie;
    private final CSVPrinter imprimante;

    public EcritureCsv(OutputStream flux) throws IOException {
        this.sortie = new BufferedWriter(new OutputStreamWriter(flux, StandardCharsets.UTF_8), 64 * 1024);
        sortie.write('\uFEFF');
        this.imprimante = new CSVPrinter(sortie, LectureCsv.FORMAT);
        imprimante.printRecord(Arrays.stream(ColonneTarif.values()).map(ColonneTarif::entete).toList());
    }

    public void ecrire(LigneTarif ligne) {
        try {
            imprimante.printRecord(protege(ligne.reference()), protege(ligne.designation()), protege(ligne.unite()),
                    protege(ligne.conditionnement()), nombre(ligne.prixUnitaireHt()), nombre(ligne.tauxTva()),
                    ligne.cpv() == null ? "" : ligne.cpv().valeur());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A line of a draft: only its reference and price are known. */
    public void ecrireBrouillon(String reference, BigDecimal prixUnitaireHt) {
        try {
            imprimante.printRecord(protege(reference), "", "", "", nombre(prixUnitaireHt), "", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        imprimante.flush();
        sortie.flush();
    }

    static String nombre(BigDecimal valeur) {
        return valeur == null ? "" : valeur.toPlainString().replace('.', ',');
    }

    static String protege(String texte) {
        if (texte == null || texte.isEmpty()) {
            return "";
        }
        return "=+-@\t\r".indexOf(texte.charAt(0)) >= 0 ? "'" + texte : texte;
    }
}
