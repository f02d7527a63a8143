package fr.centraleachat.contrat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The expected-status table kept next to a service's tests: one line per operation ({@code METHOD path}), one
 * column per principal, separated by {@code ;}. Lines starting with {@code #} are comments; the first other line
 * names the columns ({@code operation;anonyme;ACHETEUR;...}).
 */
public final class TableAttendue {

    private final List<String> principaux;
    private final Map<String, Map<String, StatutAttendu>> lignes;

    private TableAttendue(List<String> principaux, Map<String, Map<String, StatutAttendu>> lignes) {
        this.principaux = List.copyOf(principaux);
        this.lignes = lignes;
    }

    /** Reads a table from the classpath, e.g. {@code contrat/matrice-autorisations.csv}. */
    public static TableAttendue depuisRessource(String ressource) {
        try (InputStream flux = Thread.currentThread().getContextClassLoader().getResourceAsStream(ressource)) {
            if (flux == null) {
                throw new IllegalStateException("Expected-status table not found on the classpath: " + ressource);
            }
            return depuis(new String(flux.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TableAttendue depuis(String texte) {
        List<String> principaux = null;
        Map<String, Map<String, StatutAttendu>> lignes = new LinkedHashMap<>();
        int numero = 0;
        for (String brute : texte.split("\\R")) {
            numero++;
            String ligne = brute.strip();
            if (ligne.isEmpty() || ligne.startsWith("#")) {
                continue;
            }
            String[] cellules = ligne.split(";", -1);
            if (principaux == null) {
                principaux = new ArrayList<>();
                for (int i = 1; i < cellules.length; i++) {
                    principaux.add(cellules[i].strip());
                }
                continue;
            }
            if (cellules.length != principaux.size() + 1) {
                throw new IllegalArgumentException("Line " + numero + " has " + (cellules.length - 1)
                        + " statuses for " + principaux.size() + " principals: " + ligne);
            }
            Map<String, StatutAttendu> statuts = new LinkedHashMap<>();
            for (int i = 1; i < cellules.length; i++) {
                try {
                    statuts.put(principaux.get(i - 1), StatutAttendu.de(cellules[i]));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Line " + numero + ": " + e.getMessage(), e);
                }
            }
            if (lignes.put(cellules[0].strip(), statuts) != null) {
                throw new IllegalArgumentException("Line " + numero + " repeats operation " + cellules[0].strip());
            }
        }
        if (principaux == null) {
            throw new IllegalArgumentException("Empty table: the first line must name the principals");
        }
        return new TableAttendue(principaux, lignes);
    }

    public List<String> principaux() {
        return principaux;
    }

    public List<String> operations() {
        return List.copyOf(lignes.keySet());
    }

    public Optional<StatutAttendu> attendu(OperationApi operation, String principal) {
        return Optional.ofNullable(lignes.get(operation.cle())).map(l -> l.get(principal));
    }

    public boolean contient(OperationApi operation) {
        return lignes.containsKey(operation.cle());
    }

    /**
     * The first of the preferred principals the table lets through this operation (for the hostile-input run,
     * which must reach validation), or empty when the table does not list the operation or refuses them all.
     */
    public Optional<String> premierAutorise(OperationApi operation, List<String> preferes) {
        Map<String, StatutAttendu> ligne = lignes.get(operation.cle());
        if (ligne == null) {
            return Optional.empty();
        }
        return preferes.stream().filter(p -> ligne.containsKey(p) && !ligne.get(p).refuseTout()).findFirst();
    }
}
