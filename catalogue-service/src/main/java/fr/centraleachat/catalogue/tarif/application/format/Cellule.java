package fr.centraleachat.catalogue.tarif.application.format;

/**
 * One cell as a file holds it, before any rule is applied: its text (for a number, its plain decimal form) and
 * what kind of cell it is, so that a formula or an error cell is refused as such rather than read as text.
 */
public record Cellule(String texte, Nature nature) {

    public enum Nature {
        TEXTE,
        /** A numeric spreadsheet cell; {@code texte} is its value in plain decimal form ("12.5"). */
        NOMBRE,
        /** A spreadsheet formula: never evaluated, refused. */
        FORMULE,
        /** A spreadsheet error value (#N/A, #REF!...), or a cell that cannot be read. */
        ERREUR,
        BOOLEEN,
        /** Longer than the reader keeps; {@code texte} holds its first characters only. */
        TROP_LONGUE
    }

    public static final Cellule VIDE = new Cellule("", Nature.TEXTE);

    public static Cellule texte(String texte) {
        return new Cellule(texte, Nature.TEXTE);
    }

    public boolean estVide() {
        return nature == Nature.TEXTE && texte.isBlank();
    }
}
