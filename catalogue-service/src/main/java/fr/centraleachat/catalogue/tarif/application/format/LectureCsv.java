package fr.centraleachat.catalogue.tarif.application.format;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A price list as French spreadsheets save it in "CSV UTF-8": cells separated by {@code ;}, quoted with {@code "}
 * when they hold one, UTF-8 with or without a byte-order mark. Anything that is not valid UTF-8 is refused with the
 * line where it occurs (a file saved in Windows-1252 is the usual case; a replacement character U+FFFD is taken for
 * the trace of such a conversion and refused too), and so is a record longer than the limit
 * (an unclosed quote swallowing the rest of the file), before the CSV parser buffers it.
 */
public final class LectureCsv implements LecteurTarif {

    public static final char SEPARATEUR = ';';

    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setDelimiter(SEPARATEUR).setQuote('"')
            .setIgnoreEmptyLines(false).setRecordSeparator("\r\n").get();

    private final InputStream flux;
    private final LimitesLecture limites;

    public LectureCsv(InputStream flux, LimitesLecture limites) {
        this.flux = flux;
        this.limites = limites;
    }

    @Override
    public String format() {
        return "CSV";
    }

    @Override
    public void lire(LignesLues lignes) throws IOException {
        BufferedInputStream entree = new BufferedInputStream(flux, 64 * 1024);
        entree.mark(4);
        byte[] debut = entree.readNBytes(3);
        boolean bom = debut.length == 3 && (debut[0] & 0xFF) == 0xEF && (debut[1] & 0xFF) == 0xBB
                && (debut[2] & 0xFF) == 0xBF;
        if (debut.length >= 2 && ((debut[0] & 0xFF) == 0xFF && (debut[1] & 0xFF) == 0xFE
                || (debut[0] & 0xFF) == 0xFE && (debut[1] & 0xFF) == 0xFF)) {
            throw new FichierIllisibleException("Le fichier est encodé en UTF-16 (« texte Unicode ») : enregistrez-le "
                    + "au format « CSV UTF-8 (délimité par des points-virgules) ».");
        }
        if (!bom) {
            entree.reset();
        }
        // Malformed bytes become U+FFFD, which the guard refuses with the line where it stands.
        CharsetDecoder decodeur = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        Garde garde = new Garde(new InputStreamReader(entree, decodeur), limites.longueurMaxLigne());
        try (CSVParser parser = FORMAT.parse(garde)) {
            Iterator<CSVRecord> enregistrements = parser.iterator();
            long finPrecedente = 0;
            long lues = 0;
            while (true) {
                CSVRecord enregistrement;
                try {
                    if (!enregistrements.hasNext()) {
                        break;
                    }
                    enregistrement = enregistrements.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw traduire(e, garde);
                }
                long numero = finPrecedente + 1;
                finPrecedente = Math.max(numero, parser.getCurrentLineNumber());
                if (++lues > limites.lignesMax() + 1L) {
                    throw new FichierIllisibleException("Le fichier compte plus de " + limites.lignesMax()
                            + " lignes après l'en-tête (lignes vides comprises) : fichier refusé. Supprimez les lignes "
                            + "vides en fin de fichier ou découpez la liste.");
                }
                List<Cellule> cellules = new ArrayList<>(enregistrement.size());
                for (String valeur : enregistrement) {
                    cellules.add(valeur.length() > limites.longueurMaxCellule()
                            ? new Cellule(valeur.substring(0, limites.longueurMaxCellule()), Cellule.Nature.TROP_LONGUE)
                            : Cellule.texte(valeur));
                }
                lignes.ligne(numero, cellules);
            }
        } catch (EncodageInvalideException e) {
            throw encodage(e.ligne);
        } catch (LigneTropLongueException e) {
            throw tropLongue(e);
        }
    }

    private FichierIllisibleException traduire(RuntimeException e, Garde garde) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof EncodageInvalideException encodage) {
                return encodage(encodage.ligne);
            }
            if (cause instanceof LigneTropLongueException trop) {
                return tropLongue(trop);
            }
        }
        return new FichierIllisibleException("Ligne " + (garde.ligne()) + " : le fichier n'est pas un CSV valide "
                + "(guillemet mal placé ou non fermé ?) : fichier refusé.", e);
    }

    private static FichierIllisibleException encodage(long ligne) {
        return new FichierIllisibleException("Ligne " + ligne + " : le fichier n'est pas encodé en UTF-8 "
                + "(accents illisibles) : enregistrez-le au format « CSV UTF-8 (délimité par des points-virgules) ».");
    }

    private FichierIllisibleException tropLongue(LigneTropLongueException e) {
        return new FichierIllisibleException("Ligne " + e.ligne + " : plus de " + limites.longueurMaxLigne()
                + " caractères sans fin de ligne (guillemet non fermé ?) : fichier refusé.");
    }

    static final class EncodageInvalideException extends IOException {

        final long ligne;

        EncodageInvalideException(long ligne) {
            super("invalid UTF-8 on line " + ligne);
            this.ligne = ligne;
        }
    }

    static final class LigneTropLongueException extends IOException {

        final long ligne;

        LigneTropLongueException(long ligne) {
            super("CSV record starting on line " + ligne + " is too long");
            this.ligne = ligne;
        }
    }

    /**
     * Counts the characters of the current record as the CSV parser will split it (a line break inside a quoted
     * cell does not end it, a quote inside an unquoted cell is an ordinary character: 24" screens), and stops
     * the reading past the limit. Also tells on which line the reading stands.
     */
    static final class Garde extends Reader {

        private enum Etat { DEBUT_CELLULE, HORS_GUILLEMETS, ENTRE_GUILLEMETS, GUILLEMET_VU }

        private final Reader source;
        private final int longueurMax;
        private Etat etat = Etat.DEBUT_CELLULE;
        private long longueur;
        private long ligne = 1;
        private long ligneDebut = 1;

        Garde(Reader source, int longueurMax) {
            this.source = source;
            this.longueurMax = longueurMax;
        }

        long ligne() {
            return ligne;
        }

        @Override
        public int read(char[] tampon, int debut, int n) throws IOException {
            int lus = source.read(tampon, debut, n);
            for (int i = debut; i < debut + lus; i++) {
                compter(tampon[i]);
            }
            return lus;
        }

        private void compter(char c) throws IOException {
            if (c == '\n') {
                ligne++;
            } else if (c == '\uFFFD') {
                throw new EncodageInvalideException(ligne);
            }
            boolean finDeLigne = c == '\n' || c == '\r';
            switch (etat) {
                case DEBUT_CELLULE, HORS_GUILLEMETS, GUILLEMET_VU -> {
                    if (finDeLigne) {
                        etat = Etat.DEBUT_CELLULE;
                        longueur = 0;
                        ligneDebut = ligne;
                        return;
                    }
                    if (c == SEPARATEUR) {
                        etat = Etat.DEBUT_CELLULE;
                    } else if (c == '"') {
                        etat = etat == Etat.DEBUT_CELLULE ? Etat.ENTRE_GUILLEMETS
                                : etat == Etat.GUILLEMET_VU ? Etat.ENTRE_GUILLEMETS : Etat.HORS_GUILLEMETS;
                    } else {
                        etat = Etat.HORS_GUILLEMETS;
                    }
                }
                case ENTRE_GUILLEMETS -> {
                    if (c == '"') {
                        etat = Etat.GUILLEMET_VU;
                    }
                }
                default -> throw new IllegalStateException();
            }
            if (++longueur > longueurMax) {
                throw new LigneTropLongueException(ligneDebut);
            }
        }

        @Override
        public void close() throws IOException {
            source.close();
        }
    }
}
