package fr.centraleachat.adhesion.groupement.domain;

import fr.centraleachat.kernel.Siren;

public record ApprobationEnregistree(Siren siren, Approbation approbation, Groupement.Etat apres)
        implements EvenementGroupement {
}
