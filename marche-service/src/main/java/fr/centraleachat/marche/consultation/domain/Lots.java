package fr.centraleachat.marche.consultation.domain;

import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.ValeurInvalideException;

import java.util.Comparator;
import java.util.List;

/** The lots of a consultation, numbered 1 to n without gap nor duplicate, kept in number order. */
public record Lots(List<Lot> liste) {

    public Lots {
        liste = Listes.copieNonVide(liste, "lots", "Une consultation comporte au moins un lot.").stream()
                .sorted(Comparator.comparingInt(Lot::numero))
                .toList();
        for (int i = 0; i < liste.size(); i++) {
            int numero = liste.get(i).numero();
            if (i > 0 && numero == liste.get(i - 1).numero()) {
                throw new ValeurInvalideException("lots", "Le lot n° " + numero + " figure plusieurs fois.");
            }
            if (numero != i + 1) {
                throw new ValeurInvalideException("lots", "Les lots doivent être numérotés de 1 à " + liste.size()
                        + " sans interruption : le lot n° " + (i + 1) + " manque.");
            }
        }
    }

    public static Lots de(Lot... lots) {
        return new Lots(List.of(lots));
    }

    /** Sum of the lots' estimated amounts: the value that selects the procedure. */
    public Montant valeurEstimeeTotale() {
        return liste.stream().map(Lot::montantEstime).reduce(Montant.ZERO, Montant::plus);
    }
}
