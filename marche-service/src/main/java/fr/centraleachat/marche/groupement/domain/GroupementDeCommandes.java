package fr.centraleachat.marche.groupement.domain;

import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.TransitionInterditeException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What marche-service knows of a groupement de commandes: the latest state adhesion-service announced (by
 * {@code sequence}). It decides whether a consultation may be launched and published for the groupement; the
 * groupement itself is changed only in adhesion-service.
 */
public record GroupementDeCommandes(String id, String objet, Siren coordonnateur, String nomCoordonnateur,
        StatutGroupement statut, List<MembreDuGroupement> membres, long sequence) {

    public GroupementDeCommandes {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(coordonnateur, "coordonnateur");
        Objects.requireNonNull(statut, "statut");
        membres = List.copyOf(membres);
    }

    public List<MembreDuGroupement> membresSansApprobation() {
        return membres.stream().filter(m -> !m.approuve()).toList();
    }

    public List<Siren> sirens() {
        return membres.stream().map(MembreDuGroupement::siren).toList();
    }

    /**
     * A consultation may be launched for the groupement unless it is dissolved.
     *
     * @throws TransitionInterditeException once dissolved
     */
    public void exigerLancable() {
        if (statut == StatutGroupement.DISSOUS) {
            throw new TransitionInterditeException(statut.name(), "Impossible de lancer une consultation pour le "
                    + "groupement de commandes « " + objet + " » : il est dissous.");
        }
    }

    /**
     * A consultation of the groupement may be published only once the groupement is constituted: every member has
     * approved the convention.
     *
     * @throws TransitionInterditeException otherwise, naming the members whose approval is missing
     */
    public void exigerConstitue() {
        if (statut == StatutGroupement.CONSTITUE) {
            return;
        }
        if (statut == StatutGroupement.DISSOUS) {
            throw new TransitionInterditeException(statut.name(), "Impossible de publier la consultation : le "
                    + "groupement de commandes « " + objet + " » est dissous.");
        }
        List<MembreDuGroupement> manquants = membresSansApprobation();
        throw new TransitionInterditeException(statut.name(), "Impossible de publier la consultation : le groupement de "
                + "commandes « " + objet + " » n'est pas constitué. " + (manquants.size() == 1
                ? "Approbation de la convention manquante : " : "Approbations de la convention manquantes : ")
                + manquants.stream().map(MembreDuGroupement::designation).collect(Collectors.joining(", ")) + ".");
    }
}
