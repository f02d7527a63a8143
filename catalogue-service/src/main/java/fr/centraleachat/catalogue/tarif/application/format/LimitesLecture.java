package fr.centraleachat.catalogue.tarif.application.format;

/**
 * What a reader accepts of a file, so that neither memory nor time depends on what a caller sends.
 *
 * @param lignesMax data rows (empty rows included) after the header
 * @param longueurMaxCellule characters kept of a cell; a longer one is {@link Cellule.Nature#TROP_LONGUE}
 * @param longueurMaxLigne characters of one CSV record (all its cells and separators)
 * @param textesPartagesMax characters of an XLSX workbook's shared strings, all together (held in memory)
 * @param tailleMaxDecompressee bytes of any one part of an XLSX archive once inflated
 */
public record LimitesLecture(int lignesMax, int longueurMaxCellule, int longueurMaxLigne, long textesPartagesMax,
        long tailleMaxDecompressee) {

    public static final LimitesLecture PAR_DEFAUT = new LimitesLecture(200_000, 1_000, 10_000, 32_000_000L,
            512L * 1024 * 1024);
}
