package fr.centraleachat.contracts.adhesion;

import java.time.LocalDate;

/**
 * Every member approved the convention: the groupement is CONSTITUE and its consultations may be published. Subject
 * and key: the groupement id.
 */
public record GroupementConstitueV1(LocalDate date, GroupementV1 groupement) {
}
