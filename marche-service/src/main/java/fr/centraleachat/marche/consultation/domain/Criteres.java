package fr.centraleachat.marche.consultation.domain;

import fr.centraleachat.kernel.ValeurInvalideException;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The award criteria of a consultation: at least one on price, weights summing to exactly 100. */
public record Criteres(List<CritereAttribution> liste) {

    public Criteres {
        liste = Listes.copieNonVide(liste, "criteres", "Au moins un critère d'attribution est requis.");
        Set<String> libelles = new HashSet<>();
        for (CritereAttribution critere : liste) {
            if (!libelles.add(critere.libelle().toLowerCase(Locale.FRENCH))) {
                throw new ValeurInvalideException("criteres", "Le critère d'attribution « " + critere.libelle()
                        + " » figure plusieurs fois.");
            }
        }
        if (liste.stream().noneMatch(c -> c.type() == TypeCritere.PRIX)) {
            throw new ValeurInvalideException("criteres", "Au moins un critère d'attribution doit porter sur le prix.");
        }
        int somme = liste.stream().mapToInt(CritereAttribution::ponderation).sum();
        if (somme != 100) {
            throw new ValeurInvalideException("criteres", "La somme des pondérations des critères d'attribution doit être"
                    + " égale à 100 (actuellement " + somme + ").");
        }
    }

    public static Criteres de(CritereAttribution... criteres) {
        return new Criteres(List.of(criteres));
    }
}
