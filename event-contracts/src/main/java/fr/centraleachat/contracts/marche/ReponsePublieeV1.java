package fr.centraleachat.contracts.marche;

import java.time.Instant;

/**
 * The acheteur answered a question on a consultation; question and answer are now public, to every supplier alike,
 * without anything naming who asked. Subject: the consultation id.
 *
 * @param numeroQuestion the question's number on the consultation
 * @param question the question as published (the acheteur may have reworded it to remove what identified its author)
 */
public record ReponsePublieeV1(String consultationId, int numeroQuestion, String question, String reponse,
        Instant date) {
}
