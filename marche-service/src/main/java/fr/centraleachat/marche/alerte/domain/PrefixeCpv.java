package fr.centraleachat.marche.alerte.domain;

import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.ValeurInvalideException;
import java.util.regex.Pattern;

/**
 * What a supplier follows in the CPV tree: a full code ({@code 30192000-1}, its check digit verified) or the leading
 * digits of the codes it covers ({@code 301}, {@code 30192}: 2 to 8 digits). Codes are compared on their digits,
 * never the check digit. A full code is a node of the tree whose trailing zeros are padding, so {@code 30192000-1}
 * (category 30192) covers {@code 30192130-1}; a prefix is taken as typed.
 *
 * @param saisie as the supplier typed it, shown back unchanged
 */
public record PrefixeCpv(String saisie) {

    private static final Pattern CHIFFRES = Pattern.compile("\\d{2,8}");
    private static final Pattern CODE_COMPLET = Pattern.compile("\\d{8}-\\d");

    public PrefixeCpv {
        if (saisie != null && CODE_COMPLET.matcher(saisie).matches()) {
            new CodeCpv(saisie);
        } else if (saisie == null || !CHIFFRES.matcher(saisie).matches()) {
            throw new ValeurInvalideException("cpv", "« " + (saisie == null ? "" : saisie.length() > 20
                    ? saisie.substring(0, 20) + "…" : saisie) + " » n'est ni un code CPV (ex. 30192000-1) ni un préfixe"
                    + " de 2 à 8 chiffres (ex. 301 ou 30192).");
        }
    }

    /** The leading digits a covered code starts with. */
    public String chiffres() {
        if (saisie.length() < 8) {
            return saisie;
        }
        // Eight digits name a node of the tree: its trailing zeros are padding; the division (two digits) stays.
        String huit = saisie.substring(0, 8);
        int fin = huit.length();
        while (fin > 2 && huit.charAt(fin - 1) == '0') {
            fin--;
        }
        return huit.substring(0, fin);
    }

    /** Whether {@code code} is this node or below it. */
    public boolean couvre(CodeCpv code) {
        return code != null && code.valeur().startsWith(chiffres());
    }

    @Override
    public String toString() {
        return saisie;
    }
}
