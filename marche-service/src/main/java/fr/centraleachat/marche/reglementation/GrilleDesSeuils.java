package fr.centraleachat.marche.reglementation;

import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.ValeurInvalideException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Procedure thresholds by effective date. They change by decree, so they are configuration: see
 * {@value #RESSOURCE_PAR_DEFAUT}, where each block {@code seuils.<date d'effet>.*} applies to procedures
 * launched on or after its date, until the next block. Immutable and thread-safe.
 */
public final class GrilleDesSeuils {

    public static final String RESSOURCE_PAR_DEFAUT = "reglementation/seuils.properties";

    private static final Pattern CLE = Pattern.compile("seuils\\.([0-9-]+)\\.([a-z.-]+)");

    private final NavigableMap<LocalDate, SeuilsEnVigueur> parDateEffet = new TreeMap<>();

    public GrilleDesSeuils(Collection<SeuilsEnVigueur> blocs) {
        for (SeuilsEnVigueur bloc : blocs) {
            if (parDateEffet.put(bloc.dateEffet(), bloc) != null) {
                throw new IllegalArgumentException("Two threshold blocks share the effective date " + bloc.dateEffet());
            }
        }
        if (parDateEffet.isEmpty()) {
            throw new IllegalArgumentException("The threshold grid is empty");
        }
    }

    /** The grid shipped with the service ({@value #RESSOURCE_PAR_DEFAUT}). */
    public static GrilleDesSeuils parDefaut() {
        return depuisClasspath(RESSOURCE_PAR_DEFAUT);
    }

    public static GrilleDesSeuils depuisClasspath(String ressource) {
        try (InputStream flux = GrilleDesSeuils.class.getClassLoader().getResourceAsStream(ressource)) {
            if (flux == null) {
                throw new IllegalStateException("Threshold grid not found on the classpath: " + ressource);
            }
            Properties proprietes = new Properties();
            proprietes.load(new InputStreamReader(flux, StandardCharsets.UTF_8));
            return depuis(proprietes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the threshold grid " + ressource, e);
        }
    }

    /** Reads blocks of keys {@code seuils.YYYY-MM-DD.<seuil>}; every block must define every threshold. */
    public static GrilleDesSeuils depuis(Properties proprietes) {
        Map<LocalDate, Map<String, Montant>> blocs = new TreeMap<>();
        for (String cle : proprietes.stringPropertyNames()) {
            Matcher m = CLE.matcher(cle);
            if (!m.matches()) {
                throw new IllegalArgumentException("Unexpected key in the threshold grid: " + cle);
            }
            try {
                blocs.computeIfAbsent(LocalDate.parse(m.group(1)), d -> new HashMap<>())
                        .put(m.group(2), Montant.de(proprietes.getProperty(cle).strip()));
            } catch (DateTimeParseException | NumberFormatException | ValeurInvalideException e) {
                throw new IllegalArgumentException("Invalid threshold grid entry " + cle, e);
            }
        }
        return new GrilleDesSeuils(blocs.entrySet().stream().map(e -> bloc(e.getKey(), e.getValue())).toList());
    }

    private static SeuilsEnVigueur bloc(LocalDate dateEffet, Map<String, Montant> valeurs) {
        SeuilsEnVigueur bloc = new SeuilsEnVigueur(dateEffet,
                requis(valeurs, dateEffet, "dispense.fournitures-services"),
                requis(valeurs, dateEffet, "dispense.travaux"),
                requis(valeurs, dateEffet, "europeen.fournitures-services"),
                requis(valeurs, dateEffet, "europeen.travaux"),
                requis(valeurs, dateEffet, "publicite-mapa"));
        if (!valeurs.isEmpty()) {
            throw new IllegalArgumentException("Unknown thresholds in block " + dateEffet + ": " + valeurs.keySet());
        }
        return bloc;
    }

    private static Montant requis(Map<String, Montant> valeurs, LocalDate dateEffet, String nom) {
        Montant valeur = valeurs.remove(nom);
        if (valeur == null) {
            throw new IllegalArgumentException("Missing threshold seuils." + dateEffet + "." + nom);
        }
        return valeur;
    }

    /** The block in force on that launch date (the latest whose effective date is not after it). */
    public SeuilsEnVigueur seuilsAu(LocalDate dateDeLancement) {
        Map.Entry<LocalDate, SeuilsEnVigueur> bloc = parDateEffet.floorEntry(dateDeLancement);
        if (bloc == null) {
            throw new ValeurInvalideException("dateDeLancement", "Aucun seuil de procédure n'est défini au "
                    + HeureDeParis.formater(dateDeLancement) + ".");
        }
        return bloc.getValue();
    }

    public Procedure procedurePour(Nature nature, Montant valeurEstimeeTotale, LocalDate dateDeLancement) {
        return seuilsAu(dateDeLancement).procedurePour(nature, valeurEstimeeTotale);
    }

    /** True for a MAPA whose value reaches the BOAMP/JAL publicity threshold (90 000 € HT). */
    public boolean publiciteBoampOuJalRequise(Nature nature, Montant valeurEstimeeTotale, LocalDate dateDeLancement) {
        return seuilsAu(dateDeLancement).publiciteBoampOuJalRequise(nature, valeurEstimeeTotale);
    }
}
