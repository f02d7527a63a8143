package fr.centraleachat.catalogue.tarif.application.format;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The first sheet of an Excel workbook (.xlsx), read as a stream of SAX events from the archive on disk: the
 * workbook is never loaded as a whole. Only values are read: a formula is reported as such, never evaluated.
 * The archive is guarded against decompression bombs (POI's minimum inflate ratio and a maximum size for every
 * part), the shared strings are held with a bound on their total length and each kept to the cell limit, and the
 * rows present in the sheet (empty ones included) are counted against the line limit as they come.
 */
public final class LectureXlsx implements LecteurTarif {

    /** Below this compressed/inflated ratio an archive part is taken for a decompression bomb (POI's default). */
    static final double TAUX_COMPRESSION_MIN = 0.01;
    /** Columns kept of a row: the list's own and a few more; a cell further right is ignored. */
    static final int COLONNES_MAX = 64;
    /** Excel keeps 15 significant digits: a value written with more carries binary noise (0.1+0.2). */
    private static final MathContext PRECISION_EXCEL = new MathContext(15);

    private final Path fichier;
    private final LimitesLecture limites;

    public LectureXlsx(Path fichier, LimitesLecture limites) {
        this.fichier = fichier;
        this.limites = limites;
        // Global to POI in this process; this service reads no other archive with it.
        ZipSecureFile.setMinInflateRatio(TAUX_COMPRESSION_MIN);
        ZipSecureFile.setMaxEntrySize(limites.tailleMaxDecompressee());
    }

    @Override
    public String format() {
        return "XLSX";
    }

    @Override
    public void lire(LignesLues lignes) throws IOException {
        OPCPackage paquet;
        try {
            paquet = OPCPackage.open(fichier.toFile(), PackageAccess.READ);
        } catch (InvalidFormatException | RuntimeException e) {
            throw refus(e);
        }
        try {
            XSSFReader lecteur = new XSSFReader(paquet);
            List<String> partages = textesPartages(lecteur);
            Iterator<InputStream> feuilles = lecteur.getSheetsData();
            if (!feuilles.hasNext()) {
                throw new FichierIllisibleException("Le classeur ne contient aucune feuille.");
            }
            try (InputStream feuille = feuilles.next()) {
                Feuille gestionnaire = new Feuille(partages, lignes);
                analyser(feuille, gestionnaire);
                gestionnaire.relancer();
            }
        } catch (FichierIllisibleException e) {
            throw e;
        } catch (OpenXML4JException | IOException | SAXException | RuntimeException e) {
            if (e instanceof ArretDemande arret) {
                throw arret.cause;
            }
            throw refus(e);
        } finally {
            paquet.revert();
        }
    }

    private static void analyser(InputStream flux, DefaultHandler gestionnaire) throws IOException, SAXException {
        XMLReader xml;
        try {
            xml = XMLHelper.newXMLReader();
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        xml.setContentHandler(gestionnaire);
        try {
            xml.parse(new InputSource(flux));
        } catch (SAXException e) {
            if (e.getException() instanceof ArretDemande arret) {
                throw arret;
            }
            throw e;
        }
    }

    /** What the caller learns of an unreadable archive; a bomb or a part past the limit is named as such. */
    private FichierIllisibleException refus(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("zip bomb") || message.contains("max entry size") || message.contains("exceeds the max")
                    || message.contains("inflate ratio")) {
                return new FichierIllisibleException("Le classeur est refusé : son contenu décompressé est anormalement "
                        + "volumineux (archive suspecte, « bombe de décompression »).", e);
            }
        }
        return new FichierIllisibleException("Le fichier n'est pas un classeur Excel (.xlsx) lisible : enregistrez-le au "
                + "format « Classeur Excel (.xlsx) » ou « CSV UTF-8 ».", e);
    }

    private List<String> textesPartages(XSSFReader lecteur) throws IOException, SAXException {
        InputStream flux;
        try {
            flux = lecteur.getSharedStringsData();
        } catch (InvalidFormatException | IllegalArgumentException | org.apache.poi.ooxml.POIXMLException absent) {
            return List.of();
        }
        if (flux == null) {
            return List.of();
        }
        try (flux) {
            TextesPartages gestionnaire = new TextesPartages();
            analyser(flux, gestionnaire);
            return gestionnaire.textes;
        }
    }

    /** A runtime exception crossing the XML parser, to be thrown again as it was. */
    private static final class ArretDemande extends RuntimeException {

        final RuntimeException cause;

        ArretDemande(RuntimeException cause) {
            super(cause.getMessage(), null, false, false);
            this.cause = cause;
        }
    }

    /** {@code sharedStrings.xml}: {@code <si>} items, each {@code <t>} text or rich {@code <r><t>} runs. */
    private final class TextesPartages extends DefaultHandler {

        final List<String> textes = new ArrayList<>();
        private final StringBuilder courant = new StringBuilder();
        private boolean dansTexte;
        private boolean dansPhonetique;
        private long total;

        @Override
        public void startElement(String uri, String local, String nom, Attributes attributs) {
            switch (local) {
                case "si" -> courant.setLength(0);
                case "t" -> dansTexte = !dansPhonetique;
                case "rPh" -> dansPhonetique = true;
                default -> { }
            }
        }

        @Override
        public void endElement(String uri, String local, String nom) throws SAXException {
            switch (local) {
                case "t" -> dansTexte = false;
                case "rPh" -> dansPhonetique = false;
                case "si" -> {
                    total += courant.length();
                    if (total > limites.textesPartagesMax()) {
                        throw new SAXException(new ArretDemande(new FichierIllisibleException("Le classeur contient "
                                + "plus de " + limites.textesPartagesMax() + " caractères de texte : fichier refusé.")));
                    }
                    textes.add(courant.toString());
                }
                default -> { }
            }
        }

        @Override
        public void characters(char[] texte, int debut, int longueur) {
            if (dansTexte) {
                // One character more than a cell may hold: enough to know it is too long.
                int place = limites.longueurMaxCellule() + 1 - courant.length();
                courant.append(texte, debut, Math.max(0, Math.min(place, longueur)));
            }
        }
    }

    /** {@code sheetN.xml}: {@code <row r>} of {@code <c r t>} cells holding {@code <v>}, {@code <f>} or {@code <is>}. */
    private final class Feuille extends DefaultHandler {

        private final List<String> partages;
        private final LignesLues lignes;
        private RuntimeException arret;

        private List<Cellule> cellules;
        private long numeroLigne;
        private long lignesLues;
        private int colonne;
        private String type;
        private boolean formule;
        private boolean capture;
        private boolean dansEnLigne;
        private final StringBuilder valeur = new StringBuilder();

        Feuille(List<String> partages, LignesLues lignes) {
            this.partages = partages;
            this.lignes = lignes;
        }

        void relancer() {
            if (arret != null) {
                throw arret;
            }
        }

        @Override
        public void startElement(String uri, String local, String nom, Attributes attributs) throws SAXException {
            switch (local) {
                case "row" -> {
                    if (++lignesLues > limites.lignesMax() + 1L) {
                        arreter(new FichierIllisibleException("La feuille compte plus de " + limites.lignesMax()
                                + " lignes après l'en-tête (lignes vides comprises) : fichier refusé. Supprimez les "
                                + "lignes vides en fin de feuille ou découpez la liste."));
                    }
                    numeroLigne = numero(attributs.getValue("r"), numeroLigne + 1);
                    cellules = new ArrayList<>();
                    colonne = -1;
                }
                case "c" -> {
                    colonne = colonne(attributs.getValue("r"), colonne + 1);
                    type = attributs.getValue("t");
                    formule = false;
                    valeur.setLength(0);
                }
                case "f" -> formule = true;
                case "v" -> capture = true;
                case "is" -> dansEnLigne = true;
                case "t" -> capture = dansEnLigne;
                case "rPh" -> dansEnLigne = false;
                default -> { }
            }
        }

        @Override
        public void endElement(String uri, String local, String nom) throws SAXException {
            switch (local) {
                case "v", "t" -> capture = false;
                case "is" -> dansEnLigne = false;
                case "c" -> {
                    if (cellules != null && colonne >= 0 && colonne < COLONNES_MAX) {
                        while (cellules.size() < colonne) {
                            cellules.add(Cellule.VIDE);
                        }
                        if (cellules.size() == colonne) {
                            cellules.add(cellule());
                        }
                    }
                }
                case "row" -> {
                    try {
                        lignes.ligne(numeroLigne, cellules);
                    } catch (RuntimeException e) {
                        arreter(e);
                    }
                    cellules = null;
                }
                default -> { }
            }
        }

        @Override
        public void characters(char[] texte, int debut, int longueur) {
            if (capture) {
                int place = limites.longueurMaxCellule() + 1 - valeur.length();
                valeur.append(texte, debut, Math.max(0, Math.min(place, longueur)));
            }
        }

        private void arreter(RuntimeException e) throws SAXException {
            arret = e;
            throw new SAXException(new ArretDemande(e));
        }

        private Cellule cellule() {
            if (formule) {
                return new Cellule("", Cellule.Nature.FORMULE);
            }
            String texte = valeur.toString();
            String t = type == null ? "n" : type;
            return switch (t) {
                case "s" -> partage(texte);
                case "inlineStr", "str", "d" -> limite(texte);
                case "b" -> new Cellule(texte, Cellule.Nature.BOOLEEN);
                case "e" -> new Cellule(texte, Cellule.Nature.ERREUR);
                default -> nombre(texte);
            };
        }

        private Cellule partage(String index) {
            try {
                int i = Integer.parseInt(index.strip());
                return limite(partages.get(i));
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                return new Cellule("", Cellule.Nature.ERREUR);
            }
        }

        private Cellule limite(String texte) {
            return texte.length() > limites.longueurMaxCellule()
                    ? new Cellule(texte.substring(0, limites.longueurMaxCellule()), Cellule.Nature.TROP_LONGUE)
                    : Cellule.texte(texte);
        }

        private Cellule nombre(String texte) {
            String brut = texte.strip();
            if (brut.isEmpty()) {
                return Cellule.VIDE;
            }
            if (brut.length() > 40) {
                return new Cellule("", Cellule.Nature.ERREUR);
            }
            try {
                BigDecimal lu = new BigDecimal(brut);
                if (Math.abs((long) lu.precision() - lu.scale()) > 400) {
                    return new Cellule("", Cellule.Nature.ERREUR);
                }
                return new Cellule(lu.round(PRECISION_EXCEL).stripTrailingZeros().toPlainString(), Cellule.Nature.NOMBRE);
            } catch (NumberFormatException e) {
                return new Cellule("", Cellule.Nature.ERREUR);
            }
        }
    }

    /** Row number from {@code r="17"}, or the next one when absent or unreadable. */
    static long numero(String r, long parDefaut) {
        if (r == null || r.isEmpty() || r.length() > 9) {
            return parDefaut;
        }
        try {
            return Long.parseLong(r);
        } catch (NumberFormatException e) {
            return parDefaut;
        }
    }

    /** Zero-based column from a cell reference ({@code C17} → 2), or the next one when absent or unreadable. */
    static int colonne(String reference, int parDefaut) {
        if (reference == null || reference.isEmpty()) {
            return parDefaut;
        }
        int colonne = 0;
        int lettres = 0;
        for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
            char c = Character.toUpperCase(reference.charAt(i));
            if (c < 'A' || c > 'Z' || ++lettres > 3) {
                return parDefaut;
            }
            colonne = colonne * 26 + (c - 'A' + 1);
        }
        return lettres == 0 ? parDefaut : colonne - 1;
    }
}
