package fr.centraleachat.contracts.marche;

import java.time.Instant;

/**
 * A supplier asked a question on a published consultation. Deliberately without the question's text (it becomes
 * public with its answer, possibly reworded) and without anything naming who asked. Subject: the consultation id.
 *
 * @param numero the question's number on the consultation, from 1
 */
public record QuestionPoseeV1(String consultationId, int numero, Instant date) {
}
