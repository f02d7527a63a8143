package fr.centraleachat.contracts.adhesion;

/**
 * A groupement de commandes was created, EN_CONSTITUTION, with its convention's first members. Subject and key: the
 * groupement id.
 */
public record GroupementCreeV1(GroupementV1 groupement) {
}
