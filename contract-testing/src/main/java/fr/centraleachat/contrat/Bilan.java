package fr.centraleachat.contrat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assertions;

/**
 * What a contract run counted and what went wrong, one precise line per failed case (operation, case, status,
 * body excerpt). {@link #verifier()} fails the test with them all, after the counts have been printed.
 */
public final class Bilan {

    /** Failures listed in full in the assertion message; the rest are counted by kind. */
    private static final int ECHECS_DETAILLES = 80;

    private final String titre;
    private final Map<String, Integer> compteurs = new LinkedHashMap<>();
    private final List<String> echecs = new ArrayList<>();
    private final Map<String, Integer> echecsParGenre = new TreeMap<>();
    private final List<String> notes = new ArrayList<>();

    public Bilan(String titre, String... compteursAffiches) {
        this.titre = titre;
        for (String c : compteursAffiches) {
            compteurs.put(c, 0);
        }
    }

    public void compter(String compteur) {
        compteurs.merge(compteur, 1, Integer::sum);
    }

    public void fixer(String compteur, int valeur) {
        compteurs.put(compteur, valeur);
    }

    public int valeur(String compteur) {
        return compteurs.getOrDefault(compteur, 0);
    }

    /** A failed case; {@code genre} groups it in the summary (e.g. "5xx", "state change"). */
    public void echec(String genre, String detail) {
        echecs.add("[" + genre + "] " + detail);
        echecsParGenre.merge(genre, 1, Integer::sum);
    }

    public void noter(String note) {
        notes.add(note);
    }

    public List<String> echecs() {
        return List.copyOf(echecs);
    }

    /** The line later runs and readers grep: {@code Titre service: a=1 b=2}. */
    public String resume() {
        StringBuilder ligne = new StringBuilder(titre).append(':');
        compteurs.forEach((k, v) -> ligne.append(' ').append(k).append('=').append(v));
        return ligne.toString();
    }

    /** Prints the notes, the failures and the summary line. */
    public Bilan imprimer() {
        notes.forEach(n -> System.out.println(titre + " note: " + n));
        if (!echecs.isEmpty()) {
            System.out.println(titre + " failures by kind: " + echecsParGenre);
            echecs.forEach(e -> System.out.println(titre + " FAIL " + e));
        }
        System.out.println(resume());
        return this;
    }

    public void verifier() {
        if (echecs.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder(resume()).append("\n").append(echecs.size())
                .append(" failed case(s), by kind ").append(echecsParGenre).append(":\n");
        echecs.stream().limit(ECHECS_DETAILLES).forEach(e -> message.append("  ").append(e).append('\n'));
        if (echecs.size() > ECHECS_DETAILLES) {
            message.append("  … and ").append(echecs.size() - ECHECS_DETAILLES)
                    .append(" more (all printed on standard output)\n");
        }
        Assertions.fail(message.toString());
    }
}
