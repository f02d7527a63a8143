package fr.centraleachat.catalogue.tarif.application.format;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of a price-list file, found by their header whatever their order: the names written on export,
 * and the usual variants (case, accents, a unit in brackets: "Prix unitaire HT (€)", "TVA %").
 */
public enum ColonneTarif {
    REFERENCE("référence", "référence", true, "reference", "ref", "ref.", "reference article", "code article"),
    DESIGNATION("désignation", "désignation", true, "designation", "libelle", "description"),
    UNITE("unité", "unité", true, "unite", "unite de vente", "unite de mesure"),
    CONDITIONNEMENT("conditionnement", "conditionnement", false, "conditionnement", "colisage"),
    PRIX("prix unitaire HT", "prix", true, "prix unitaire ht", "prix ht", "prix unitaire", "prix", "pu ht",
            "prix unitaire hors taxes"),
    TVA("taux de TVA", "TVA", true, "taux de tva", "taux tva", "tva", "taux de tva %", "tva %"),
    CPV("CPV", "CPV", false, "cpv", "code cpv");

    private final String entete;
    private final String nomCourt;
    private final boolean obligatoire;
    private final List<String> variantes;

    ColonneTarif(String entete, String nomCourt, boolean obligatoire, String... variantes) {
        this.entete = entete;
        this.nomCourt = nomCourt;
        this.obligatoire = obligatoire;
        this.variantes = List.of(variantes);
    }

    /** The header written on export. */
    public String entete() {
        return entete;
    }

    /** The name in messages: "ligne 17, colonne prix : ...". */
    public String nomCourt() {
        return nomCourt;
    }

    public boolean obligatoire() {
        return obligatoire;
    }

    public static Optional<ColonneTarif> reconnaitre(String entete) {
        String cle = cle(entete);
        for (ColonneTarif colonne : values()) {
            if (colonne.variantes.contains(cle)) {
                return Optional.of(colonne);
            }
        }
        return Optional.empty();
    }

    /** Lower case, no accent, no bracketed unit, single spaces: "Prix unitaire HT (€)" → "prix unitaire ht". */
    static String cle(String entete) {
        String sansAccents = Normalizer.normalize(entete, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return sansAccents.toLowerCase(Locale.ROOT).replaceAll("\\(.*?\\)", " ").replace('€', ' ')
                .replace('_', ' ').replaceAll("[\\s\\u00A0\\u202F]+", " ").strip();
    }
}
