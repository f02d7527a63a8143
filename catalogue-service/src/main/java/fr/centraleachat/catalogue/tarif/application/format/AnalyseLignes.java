package fr.centraleachat.catalogue.tarif.application.format;

import fr.centraleachat.catalogue.tarif.domain.LigneTarif;
import fr.centraleachat.catalogue.tarif.domain.ReglesTarif;
import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.ValeurInvalideException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns the rows of a price-list file into lines, whatever the format: the first non-empty row is the header, each
 * following non-empty row a line. Every faulty cell gives one French message naming its row and column
 * ("ligne 17, colonne prix : « 12,345678 » a plus de 4 décimales."); the first {@code erreursMax} are kept, the
 * others only counted. A reference met twice is refused on its second row.
 */
public final class AnalyseLignes {

    private final int erreursMax;
    private final List<String> erreurs = new ArrayList<>();
    private long nombreErreurs;
    private Map<ColonneTarif, Integer> colonnes;
    private int largeurEntete;
    /** Reference → row where it was first met: what bounds memory to the references, not the lines. */
    private final Map<String, Long> references = new HashMap<>();
    private long lignes;

    public AnalyseLignes(int erreursMax) {
        this.erreursMax = erreursMax;
    }

    /**
     * Reads one row: the header while none was met, else a line.
     *
     * @return the line when the row is one and is valid; empty for the header, an empty row or a faulty line
     * @throws FichierIllisibleException when the header lacks a required column (nothing else can be read)
     */
    public Optional<LigneTarif> analyser(long numero, List<Cellule> cellules) {
        if (cellules.stream().allMatch(Cellule::estVide)) {
            return Optional.empty();
        }
        if (colonnes == null) {
            entete(numero, cellules);
            return Optional.empty();
        }
        lignes++;
        int erreursAvant = erreurs.size();
        long nombreAvant = nombreErreurs;
        for (int i = largeurEntete; i < cellules.size(); i++) {
            if (!cellules.get(i).estVide()) {
                erreur(numero, null, "cellule remplie au-delà des " + largeurEntete + " colonnes de l'en-tête "
                        + "(point-virgule dans un texte non entouré de guillemets ?).");
                break;
            }
        }
        String reference = texte(numero, cellules, ColonneTarif.REFERENCE, ReglesTarif::reference);
        String designation = texte(numero, cellules, ColonneTarif.DESIGNATION, ReglesTarif::designation);
        String unite = texte(numero, cellules, ColonneTarif.UNITE, ReglesTarif::unite);
        String conditionnement = texte(numero, cellules, ColonneTarif.CONDITIONNEMENT, ReglesTarif::conditionnement);
        BigDecimal prix = nombre(numero, cellules, ColonneTarif.PRIX, false);
        BigDecimal tva = nombre(numero, cellules, ColonneTarif.TVA, true);
        CodeCpv cpv = texte(numero, cellules, ColonneTarif.CPV, ReglesTarif::cpv);
        if (reference != null) {
            Long premiere = references.putIfAbsent(reference, numero);
            if (premiere != null) {
                erreur(numero, ColonneTarif.REFERENCE, "« " + ReglesTarif.extrait(reference)
                        + " » figure déjà ligne " + premiere + " : chaque référence n'apparaît qu'une fois.");
            }
        }
        if (nombreErreurs > nombreAvant || erreurs.size() > erreursAvant) {
            return Optional.empty();
        }
        return Optional.of(new LigneTarif(reference, designation, unite, conditionnement, prix, tva, cpv));
    }

    /** Messages of the first faulty cells, in file order. */
    public List<String> erreurs() {
        return List.copyOf(erreurs);
    }

    public long nombreErreurs() {
        return nombreErreurs;
    }

    /** Data rows read (not counting the header and empty rows), valid or not. */
    public long lignes() {
        return lignes;
    }

    public boolean enteteLue() {
        return colonnes != null;
    }

    private void entete(long numero, List<Cellule> cellules) {
        if (cellules.size() == 1 && cellules.get(0).nature() == Cellule.Nature.TEXTE) {
            String seule = cellules.get(0).texte();
            for (String separateur : List.of(",", "\t", "|")) {
                if (seule.contains(separateur)) {
                    throw new FichierIllisibleException("Ligne " + numero + " (en-tête) : les colonnes sont séparées par "
                            + ("\t".equals(separateur) ? "des tabulations" : "« " + separateur + " »") + " ; le "
                            + "séparateur attendu est le point-virgule (« CSV UTF-8 (délimité par des points-virgules) »).");
                }
            }
        }
        Map<ColonneTarif, Integer> trouvees = new EnumMap<>(ColonneTarif.class);
        for (int i = 0; i < cellules.size(); i++) {
            Cellule cellule = cellules.get(i);
            if (cellule.nature() != Cellule.Nature.TEXTE) {
                continue;
            }
            int position = i;
            ColonneTarif.reconnaitre(cellule.texte()).ifPresent(colonne -> {
                if (trouvees.putIfAbsent(colonne, position) != null) {
                    throw new FichierIllisibleException("Ligne " + numero + " (en-tête) : la colonne « "
                            + colonne.entete() + " » figure deux fois.");
                }
            });
        }
        List<String> manquantes = java.util.Arrays.stream(ColonneTarif.values())
                .filter(c -> c.obligatoire() && !trouvees.containsKey(c)).map(ColonneTarif::entete).toList();
        if (!manquantes.isEmpty()) {
            throw new FichierIllisibleException("Ligne " + numero + " (en-tête) : colonne(s) obligatoire(s) absente(s) : "
                    + String.join(", ", manquantes) + ". En-tête attendu : " + java.util.Arrays.stream(ColonneTarif.values())
                    .map(ColonneTarif::entete).collect(Collectors.joining(";")) + " (colonnes conditionnement et CPV "
                    + "facultatives, dans n'importe quel ordre).");
        }
        colonnes = trouvees;
        largeurEntete = cellules.size();
    }

    private interface Regle<T> {
        T appliquer(String texte);
    }

    private <T> T texte(long numero, List<Cellule> cellules, ColonneTarif colonne, Regle<T> regle) {
        Cellule cellule = cellule(cellules, colonne);
        if (!lisible(numero, colonne, cellule)) {
            return null;
        }
        try {
            return regle.appliquer(sansApostropheDeProtection(cellule.texte()));
        } catch (ValeurInvalideException e) {
            erreur(numero, colonne, e.getMessage());
            return null;
        }
    }

    private BigDecimal nombre(long numero, List<Cellule> cellules, ColonneTarif colonne, boolean taux) {
        Cellule cellule = cellule(cellules, colonne);
        if (!lisible(numero, colonne, cellule)) {
            return null;
        }
        try {
            if (cellule.nature() == Cellule.Nature.NOMBRE) {
                BigDecimal valeur = new BigDecimal(cellule.texte());
                String affiche = cellule.texte().replace('.', ',');
                if (!taux) {
                    return ReglesTarif.prix(valeur, affiche);
                }
                // A cell formatted as a percentage holds the fraction: 20 % is 0.2.
                BigDecimal pourcentage = valeur.signum() > 0 && valeur.compareTo(BigDecimal.ONE) < 0
                        ? valeur.movePointRight(2) : valeur;
                return ReglesTarif.tauxTva(pourcentage, affiche);
            }
            return taux ? ReglesTarif.tauxTva(cellule.texte()) : ReglesTarif.prix(cellule.texte());
        } catch (ValeurInvalideException e) {
            erreur(numero, colonne, e.getMessage());
            return null;
        }
    }

    /** Refuses the cells that hold no plain value; true when the cell can be read. */
    private boolean lisible(long numero, ColonneTarif colonne, Cellule cellule) {
        String message = switch (cellule.nature()) {
            case FORMULE -> "formule refusée : enregistrez les valeurs calculées, pas les formules.";
            case ERREUR -> "cellule en erreur ou illisible (#N/A, #REF!, #VALEUR!…).";
            case BOOLEEN -> "valeur VRAI/FAUX inattendue.";
            case TROP_LONGUE -> "cellule trop longue (plus de " + cellule.texte().length() + " caractères).";
            default -> null;
        };
        if (message != null) {
            erreur(numero, colonne, message);
            return false;
        }
        return true;
    }

    private Cellule cellule(List<Cellule> cellules, ColonneTarif colonne) {
        Integer position = colonnes.get(colonne);
        return position == null || position >= cellules.size() ? Cellule.VIDE : cellules.get(position);
    }

    /** The apostrophe an export puts before a text a spreadsheet would take for a formula ('-5 %) is dropped. */
    static String sansApostropheDeProtection(String texte) {
        if (texte.length() > 1 && texte.charAt(0) == '\'' && "=+-@".indexOf(texte.charAt(1)) >= 0) {
            return texte.substring(1);
        }
        return texte;
    }

    private void erreur(long numero, ColonneTarif colonne, String message) {
        nombreErreurs++;
        if (erreurs.size() < erreursMax) {
            erreurs.add("ligne " + numero + (colonne == null ? "" : ", colonne " + colonne.nomCourt()) + " : " + message);
        }
    }
}
