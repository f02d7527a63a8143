package fr.centraleachat.catalogue.recherche.domain;

import fr.centraleachat.catalogue.contrat.domain.StatutContrat;
import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.NumeroMarche;
import fr.centraleachat.kernel.Siret;
import fr.centraleachat.kernel.ValeurInvalideException;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A search as the caller asked it, every value checked and bounded before any work: free text (200 characters, 12
 * words at most), exact filters on the facets, a price range, the contracts' status, the order and one page of at
 * most {@value #TAILLE_MAX} results within the first {@value #RESULTATS_MAX}. Each refusal names its parameter.
 *
 * @param texte words to look for; null to browse
 * @param statut the contracts' status; null for those not ended (ACTIF and A_VENIR)
 */
public record CritereRecherche(String texte, FamilleAchat famille, String divisionCpv, String titulaire,
        String contrat, String unite, BigDecimal prixMin, BigDecimal prixMax, StatutContrat statut, TriRecherche tri,
        int page, int taille) {

    public static final int LONGUEUR_MAX_TEXTE = 200;
    public static final int MOTS_MAX = 12;
    public static final int LONGUEUR_MAX_UNITE = 30;
    public static final int TAILLE_PAR_DEFAUT = 20;
    public static final int TAILLE_MAX = 200;
    /** How deep paging goes: page × taille + taille. */
    public static final int RESULTATS_MAX = 10_000;
    /** Prices are below one billion euros HT (the price lists' own limit). */
    public static final BigDecimal PRIX_PLAFOND = new BigDecimal("1000000000");

    /**
     * Letters (any script, with their accents), digits, spaces and the punctuation of product names. Query syntax
     * ({@code : { } [ ] ^ ~ \ $ < > = |}), control and formatting characters are refused rather than guessed at.
     */
    private static final Pattern CARACTERES = Pattern.compile("[\\p{L}\\p{M}\\p{N} '’‘\\-–.,;/()%°+&\"«»*_?!²³]*");
    private static final Pattern MOTS = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");
    private static final Pattern PRIX = Pattern.compile("\\d{1,10}(?:[.,]\\d{1,4})?");
    private static final Pattern DIVISION = Pattern.compile("\\d{2}");
    private static final Pattern ESPACES = Pattern.compile(" {2,}");

    public CritereRecherche {
        if (tri == null) {
            tri = TriRecherche.PERTINENCE;
        }
    }

    /** Reads the query-string values as sent (null when absent); refuses the first faulty one. */
    public static CritereRecherche depuis(String q, String famille, String divisionCpv, String titulaire,
            String contrat, String unite, String prixMin, String prixMax, String statut, String tri, Integer page,
            Integer taille) {
        // An empty parameter (a form's blank field) is taken as absent.
        famille = absentSiVide(famille);
        divisionCpv = absentSiVide(divisionCpv);
        titulaire = absentSiVide(titulaire);
        contrat = absentSiVide(contrat);
        unite = absentSiVide(unite);
        prixMin = absentSiVide(prixMin);
        prixMax = absentSiVide(prixMax);
        statut = absentSiVide(statut);
        tri = absentSiVide(tri);
        int numeroPage = page == null ? 0 : page;
        int nombre = taille == null ? TAILLE_PAR_DEFAUT : taille;
        if (numeroPage < 0) {
            throw new ValeurInvalideException("page", "La page doit être positive ou nulle.");
        }
        if (nombre < 1 || nombre > TAILLE_MAX) {
            throw new ValeurInvalideException("taille", "La taille de page va de 1 à " + TAILLE_MAX + ".");
        }
        if ((long) (numeroPage + 1) * nombre > RESULTATS_MAX) {
            throw new ValeurInvalideException("page", "La recherche ne pagine que ses " + RESULTATS_MAX
                    + " premiers résultats : précisez-la (mots, filtres) plutôt que d'aller au-delà.");
        }
        BigDecimal min = prix("prixMin", prixMin);
        BigDecimal max = prix("prixMax", prixMax);
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new ValeurInvalideException("prixMin", "Le prix minimum dépasse le prix maximum.");
        }
        return new CritereRecherche(texte(q), famille(famille), division(divisionCpv), titulaire(titulaire),
                contrat(contrat), uniteFiltre(unite), min, max, statut(statut), tri(tri), numeroPage, nombre);
    }

    public boolean aUnTexte() {
        return texte != null;
    }

    /** Where the page starts among the results. */
    public int decalage() {
        return page * taille;
    }

    /**
     * A unit as the search compares it: NFC, lower case, single spaces ("Boîte " and "boîte" are one unit). The
     * index stores the units of the lines this way too.
     */
    public static String normaliserUnite(String unite) {
        if (unite == null) {
            return null;
        }
        String texte = ESPACES.matcher(Normalizer.normalize(unite, Normalizer.Form.NFC).strip()).replaceAll(" ");
        return texte.toLowerCase(Locale.ROOT);
    }

    private static String absentSiVide(String valeur) {
        return valeur == null || valeur.isEmpty() ? null : valeur;
    }

    private static String texte(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        if (q.length() > LONGUEUR_MAX_TEXTE * 2) {
            throw new ValeurInvalideException("q", "La recherche compte au plus " + LONGUEUR_MAX_TEXTE
                    + " caractères.");
        }
        String texte = Normalizer.normalize(q, Normalizer.Form.NFC).strip();
        if (texte.length() > LONGUEUR_MAX_TEXTE) {
            throw new ValeurInvalideException("q", "La recherche compte au plus " + LONGUEUR_MAX_TEXTE
                    + " caractères.");
        }
        caracteres("q", "La recherche", texte);
        long mots = Arrays.stream(MOTS.split(texte)).filter(m -> !m.isEmpty()).count();
        if (mots > MOTS_MAX) {
            throw new ValeurInvalideException("q", "La recherche compte au plus " + MOTS_MAX + " mots.");
        }
        return ESPACES.matcher(texte).replaceAll(" ");
    }

    private static String uniteFiltre(String unite) {
        if (unite == null || unite.isEmpty()) {
            return null;
        }
        if (unite.length() > LONGUEUR_MAX_UNITE) {
            throw new ValeurInvalideException("unite", "Une unité compte au plus " + LONGUEUR_MAX_UNITE
                    + " caractères.");
        }
        caracteres("unite", "L'unité", unite);
        String normalisee = normaliserUnite(unite);
        return normalisee.isEmpty() ? null : normalisee;
    }

    private static void caracteres(String champ, String quoi, String texte) {
        if (!CARACTERES.matcher(texte).matches()) {
            String refuses = texte.codePoints().filter(c -> !CARACTERES.matcher(Character.toString(c)).matches())
                    .distinct().limit(5).mapToObj(CritereRecherche::montrer).collect(Collectors.joining(" "));
            throw new ValeurInvalideException(champ, quoi + " contient des caractères non acceptés (" + refuses
                    + ") : lettres, chiffres, espaces et ponctuation courante seulement, sans syntaxe de requête.");
        }
    }

    /** A refused character quoted back: printable ones as themselves, others by their code point. */
    private static String montrer(int c) {
        boolean visible = !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT
                && !Character.isWhitespace(c);
        return visible ? "« " + Character.toString(c) + " »" : String.format("U+%04X", c);
    }

    private static FamilleAchat famille(String valeur) {
        if (valeur == null) {
            return null;
        }
        return Arrays.stream(FamilleAchat.values()).filter(f -> f.name().equals(valeur)).findFirst()
                .orElseThrow(() -> new ValeurInvalideException("famille", "Famille d'achat inconnue ; valeurs "
                        + "acceptées : " + Arrays.stream(FamilleAchat.values()).map(Enum::name)
                        .collect(Collectors.joining(", ")) + "."));
    }

    private static String division(String valeur) {
        if (valeur == null) {
            return null;
        }
        if (!DIVISION.matcher(valeur).matches() || !DivisionsCpv.existe(valeur)) {
            throw new ValeurInvalideException("divisionCpv", "Division CPV inconnue : les 2 premiers chiffres d'un "
                    + "code CPV (ex. 30 pour les fournitures de bureau).");
        }
        return valeur;
    }

    private static String titulaire(String valeur) {
        if (valeur == null) {
            return null;
        }
        if (!Siret.estValide(valeur)) {
            throw new ValeurInvalideException("titulaire", "Le titulaire se désigne par son SIRET : 14 chiffres "
                    + "avec une clé de contrôle correcte.");
        }
        return valeur;
    }

    private static String contrat(String valeur) {
        if (valeur == null) {
            return null;
        }
        if (!NumeroMarche.estValide(valeur)) {
            throw new ValeurInvalideException("contrat", "Un numéro de contrat s'écrit AAAA-NNNN-Lk "
                    + "(ex. 2027-0042-L1).");
        }
        return valeur;
    }

    private static BigDecimal prix(String champ, String valeur) {
        if (valeur == null) {
            return null;
        }
        if (!PRIX.matcher(valeur).matches()) {
            throw new ValeurInvalideException(champ, "Un prix s'écrit en euros HT avec 4 décimales au plus "
                    + "(ex. 12,50 ou 12.5).");
        }
        BigDecimal prix = new BigDecimal(valeur.replace(',', '.'));
        if (prix.compareTo(PRIX_PLAFOND) >= 0) {
            throw new ValeurInvalideException(champ, "Un prix est inférieur à 1 000 000 000 € HT.");
        }
        return prix;
    }

    private static StatutContrat statut(String valeur) {
        if (valeur == null) {
            return null;
        }
        return Arrays.stream(StatutContrat.values()).filter(s -> s.name().equals(valeur)).findFirst()
                .orElseThrow(() -> new ValeurInvalideException("statut", "Statut de contrat inconnu ; valeurs "
                        + "acceptées : " + Arrays.stream(StatutContrat.values()).map(Enum::name)
                        .collect(Collectors.joining(", ")) + "."));
    }

    private static TriRecherche tri(String valeur) {
        if (valeur == null) {
            return TriRecherche.PERTINENCE;
        }
        return TriRecherche.depuis(valeur).orElseThrow(() -> new ValeurInvalideException("tri", "Tri inconnu ; "
                + "valeurs acceptées : " + Arrays.stream(TriRecherche.values()).map(TriRecherche::valeur)
                .collect(Collectors.joining(", ")) + "."));
    }
}
