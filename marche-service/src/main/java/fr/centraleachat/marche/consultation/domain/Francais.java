package fr.centraleachat.marche.consultation.domain;

import java.util.Locale;

/** French spelling rules the messages need. */
final class Francais {

    private static final String VOYELLES = "aàâäeéèêëiîïoôöuùûüyœæ";

    private Francais() {
    }

    /** "de" before a word, elided before a vowel: "de publier", "d'ouvrir les plis". */
    static String de(String mot) {
        boolean voyelle = !mot.isEmpty() && VOYELLES.indexOf(mot.toLowerCase(Locale.FRENCH).charAt(0)) >= 0;
        return voyelle ? "d'" + mot : "de " + mot;
    }
}
