package fr.centraleachat.contrat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One cell of an expected-status table: an exact status ({@code 403}), a class ({@code 2xx}, {@code 4xx}),
 * {@code granted} (the call got past authorization: anything but 401, 403 and 5xx — for writes whose business
 * answer depends on the state left by earlier calls), or alternatives separated by {@code |}.
 */
public record StatutAttendu(String texte, List<String> alternatives) {

    public static StatutAttendu de(String texte) {
        List<String> alternatives = Arrays.stream(texte.trim().toLowerCase(Locale.ROOT).split("\\|"))
                .map(String::trim).toList();
        for (String a : alternatives) {
            if (!a.matches("[1-5]\\d\\d|[1-5]xx|granted")) {
                throw new IllegalArgumentException("Unreadable expected status « " + texte
                        + " »: use 200, 404, 2xx, 4xx, granted or alternatives like 200|404.");
            }
        }
        return new StatutAttendu(texte.trim(), alternatives);
    }

    public boolean accepte(int statut) {
        return alternatives.stream().anyMatch(a -> correspond(a, statut));
    }

    /** True when no alternative allows a success: the caller must get nothing. */
    public boolean refuseTout() {
        return alternatives.stream().noneMatch(a -> a.equals("granted") || a.startsWith("2"));
    }

    private static boolean correspond(String alternative, int statut) {
        if (alternative.equals("granted")) {
            return statut >= 200 && statut < 500 && statut != 401 && statut != 403;
        }
        if (alternative.endsWith("xx")) {
            return statut / 100 == alternative.charAt(0) - '0';
        }
        return Integer.parseInt(alternative) == statut;
    }

    @Override
    public String toString() {
        return texte;
    }
}
