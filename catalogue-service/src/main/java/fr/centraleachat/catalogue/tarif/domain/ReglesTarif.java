package fr.centraleachat.catalogue.tarif.domain;

import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.ValeurInvalideException;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a line of a price list may hold, checked value by value so that an import can name each faulty cell. Every
 * message is French and quotes the offending value (cut short), without the line and column, which the caller
 * knows: "« 12,345678 » a plus de 4 décimales.". Prices are read as a French spreadsheet writes them: decimal
 * comma or point, spaces between thousands, an optional "€".
 */
public final class ReglesTarif {

    public static final int LONGUEUR_MAX_REFERENCE = 100;
    public static final int LONGUEUR_MAX_DESIGNATION = 500;
    public static final int LONGUEUR_MAX_UNITE = 30;
    public static final int LONGUEUR_MAX_CONDITIONNEMENT = 100;
    /** Longer than any price or rate as written: refused before any parsing. */
    private static final int LONGUEUR_MAX_NOMBRE = 30;
    public static final int DECIMALES_MAX = 4;
    /** Prices stay below one billion euros (HT); a revision cannot take them past it either. */
    public static final BigDecimal PRIX_PLAFOND = new BigDecimal("1000000000");
    /** French VAT rates in force in mainland France, in percent. */
    public static final List<BigDecimal> TAUX_TVA = List.of(new BigDecimal("0"), new BigDecimal("2.1"),
            new BigDecimal("5.5"), new BigDecimal("10"), new BigDecimal("20"));

    private static final Pattern NUMERO_CONTRAT = Pattern.compile("[0-9A-Za-z][0-9A-Za-z-]{0,39}");
    /** 1234 / 1234,56 / 1 234,56 (thin or no-break spaces too) / 1234.56. */
    private static final Pattern DECIMAL = Pattern.compile(
            "(\\d{1,3}(?:[ \\u00A0\\u202F]\\d{3})+|\\d+)(?:[.,](\\d+))?");

    private ReglesTarif() {
    }

    /** The marché number a price list belongs to, e.g. {@code 2027-0042-L1}. */
    public static String numeroContrat(String numero) {
        if (numero == null || !NUMERO_CONTRAT.matcher(numero).matches()) {
            throw new ValeurInvalideException("numero", "Numéro de marché invalide : lettres, chiffres et tirets, "
                    + "40 caractères au plus (ex. 2027-0042-L1).");
        }
        return numero;
    }

    public static String reference(String valeur) {
        String texte = texte("reference", valeur, LONGUEUR_MAX_REFERENCE, false);
        if (texte == null) {
            throw new ValeurInvalideException("reference", "la référence est obligatoire.");
        }
        return texte;
    }

    public static String designation(String valeur) {
        String texte = texte("designation", valeur, LONGUEUR_MAX_DESIGNATION, true);
        if (texte == null) {
            throw new ValeurInvalideException("designation", "la désignation est obligatoire.");
        }
        return texte;
    }

    public static String unite(String valeur) {
        String texte = texte("unite", valeur, LONGUEUR_MAX_UNITE, false);
        if (texte == null) {
            throw new ValeurInvalideException("unite", "l'unité est obligatoire (ex. pièce, boîte, kg).");
        }
        return texte;
    }

    /** Optional: null when empty. */
    public static String conditionnement(String valeur) {
        return texte("conditionnement", valeur, LONGUEUR_MAX_CONDITIONNEMENT, false);
    }

    /** Optional: null when empty. */
    public static CodeCpv cpv(String valeur) {
        String texte = texte("cpv", valeur, 20, false);
        if (texte == null) {
            return null;
        }
        if (!CodeCpv.estValide(texte)) {
            throw new ValeurInvalideException("cpv", "« " + extrait(texte) + " » n'est pas un code CPV valide "
                    + "(8 chiffres, un tiret et la clé de contrôle, ex. 30192000-1).");
        }
        return new CodeCpv(texte);
    }

    /** A unit price as written in a file: "12,50", "1 234.5", "0,1234 €". */
    public static BigDecimal prix(String valeur) {
        String texte = valeur == null ? "" : valeur.strip();
        if (texte.isEmpty()) {
            throw new ValeurInvalideException("prixUnitaireHt", "le prix unitaire HT est obligatoire.");
        }
        if (texte.length() > LONGUEUR_MAX_NOMBRE) {
            throw new ValeurInvalideException("prixUnitaireHt", "« " + extrait(texte) + " » n'est pas un prix.");
        }
        String sansEuro = texte.endsWith("€") ? texte.substring(0, texte.length() - 1).strip() : texte;
        if (sansEuro.startsWith("-")) {
            throw new ValeurInvalideException("prixUnitaireHt", "« " + texte + " » est négatif : le prix doit être "
                    + "strictement positif.");
        }
        BigDecimal lu = decimal(sansEuro);
        if (lu == null) {
            throw new ValeurInvalideException("prixUnitaireHt", "« " + texte + " » n'est pas un prix (attendu par "
                    + "exemple 12,50 ou 1 234,5678).");
        }
        return prix(lu, texte);
    }

    /** A unit price already read as a number; {@code telQueLu} is quoted in the messages. */
    public static BigDecimal prix(BigDecimal valeur, String telQueLu) {
        if (valeur == null) {
            throw new ValeurInvalideException("prixUnitaireHt", "le prix unitaire HT est obligatoire.");
        }
        // Magnitude first, from precision and scale, so that no huge exponent is ever expanded.
        if ((long) valeur.precision() - valeur.scale() > 10 || valeur.compareTo(PRIX_PLAFOND) >= 0) {
            throw new ValeurInvalideException("prixUnitaireHt", "« " + telQueLu + " » dépasse le prix maximal "
                    + "(999 999 999,9999 € HT).");
        }
        if (valeur.signum() <= 0) {
            throw new ValeurInvalideException("prixUnitaireHt", "« " + telQueLu + " » : le prix doit être "
                    + "strictement positif.");
        }
        if (valeur.scale() > DECIMALES_MAX && valeur.stripTrailingZeros().scale() > DECIMALES_MAX) {
            throw new ValeurInvalideException("prixUnitaireHt", "« " + telQueLu + " » a plus de " + DECIMALES_MAX
                    + " décimales.");
        }
        return normaliser(valeur);
    }

    /** A VAT rate in percent as written in a file: "20", "5,5", "5.5 %". */
    public static BigDecimal tauxTva(String valeur) {
        String texte = valeur == null ? "" : valeur.strip();
        if (texte.isEmpty()) {
            throw new ValeurInvalideException("tauxTva", "le taux de TVA est obligatoire (" + tauxAcceptes() + ").");
        }
        if (texte.length() > LONGUEUR_MAX_NOMBRE) {
            throw new ValeurInvalideException("tauxTva", "« " + extrait(texte) + " » n'est pas un taux de TVA.");
        }
        String sansPourcent = texte.endsWith("%") ? texte.substring(0, texte.length() - 1).strip() : texte;
        BigDecimal lu = decimal(sansPourcent);
        if (lu == null) {
            throw new ValeurInvalideException("tauxTva", "« " + texte + " » n'est pas un taux de TVA ("
                    + tauxAcceptes() + ").");
        }
        return tauxTva(lu, texte);
    }

    public static BigDecimal tauxTva(BigDecimal valeur, String telQueLu) {
        if (valeur == null) {
            throw new ValeurInvalideException("tauxTva", "le taux de TVA est obligatoire (" + tauxAcceptes() + ").");
        }
        if ((long) valeur.precision() - valeur.scale() <= 3) {
            for (BigDecimal taux : TAUX_TVA) {
                if (taux.compareTo(valeur) == 0) {
                    return taux;
                }
            }
        }
        throw new ValeurInvalideException("tauxTva", "« " + telQueLu + " » n'est pas un taux de TVA en vigueur ("
                + tauxAcceptes() + ").");
    }

    /** The text of one cell: NFC, trimmed, no control character nor bidirectional override; null when empty. */
    public static String texte(String champ, String valeur, int longueurMax, boolean retoursALaLigne) {
        if (valeur == null) {
            return null;
        }
        String texte = Normalizer.isNormalized(valeur, Normalizer.Form.NFC) ? valeur
                : Normalizer.normalize(valeur, Normalizer.Form.NFC);
        texte = texte.strip();
        if (texte.isEmpty()) {
            return null;
        }
        if (texte.length() > longueurMax) {
            throw new ValeurInvalideException(champ, "texte de " + texte.length() + " caractères, " + longueurMax
                    + " au plus.");
        }
        for (int i = 0; i < texte.length(); i++) {
            char c = texte.charAt(i);
            boolean saut = c == '\n' || c == '\r' || c == '\t';
            if ((saut && !retoursALaLigne) || (!saut && interdit(c))) {
                throw new ValeurInvalideException(champ, String.format("caractère interdit (U+%04X) en position %d.",
                        (int) c, i + 1));
            }
        }
        // What a spreadsheet would evaluate: refused rather than stored and exported back as a formula.
        if (texte.charAt(0) == '=') {
            throw new ValeurInvalideException(champ, "« " + extrait(texte) + " » ressemble à une formule : "
                    + "seules des valeurs sont acceptées.");
        }
        return texte;
    }

    /** The accepted rates, for messages: "0 ; 2,1 ; 5,5 ; 10 ; 20 %". */
    public static String tauxAcceptes() {
        StringBuilder texte = new StringBuilder("taux acceptés : ");
        for (int i = 0; i < TAUX_TVA.size(); i++) {
            texte.append(i == 0 ? "" : " ; ").append(TAUX_TVA.get(i).toPlainString().replace('.', ','));
        }
        return texte.append(" %").toString();
    }

    /** The same price written with at least 2 decimals and no useless zero beyond: 12.5 → 12.50, 0.12340 → 0.1234. */
    public static BigDecimal normaliser(BigDecimal prix) {
        BigDecimal reduit = prix.stripTrailingZeros();
        return reduit.setScale(Math.max(2, Math.max(0, reduit.scale())));
    }

    /** A value quoted back in a message, cut short: it may be long or carry anything. */
    public static String extrait(String valeur) {
        String texte = valeur.replaceAll("\\p{Cntrl}", "?");
        return texte.length() <= 40 ? texte : texte.substring(0, 40) + "…";
    }

    private static BigDecimal decimal(String texte) {
        var m = DECIMAL.matcher(texte);
        if (!m.matches()) {
            return null;
        }
        String entier = m.group(1).replaceAll("[ \\u00A0\\u202F]", "");
        return new BigDecimal(m.group(2) == null ? entier : entier + "." + m.group(2));
    }

    private static boolean interdit(char c) {
        return Character.isISOControl(c) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200E' || c == '\u200F' || c == '\u061C' || c == '\uFEFF';
    }
}
