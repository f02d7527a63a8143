package fr.centraleachat.marche.consultation.domain;

import fr.centraleachat.kernel.Montant;
import fr.centraleachat.marche.reglementation.Procedure;

import java.time.Instant;
import java.util.List;

/** {@code avertissements}: non-blocking warnings given to the acheteur at publication, in French. */
public record ConsultationPubliee(ConsultationId consultationId, Procedure procedure, Montant valeurEstimeeTotale,
                                  boolean publiciteBoampOuJalRequise, Instant datePublication, Instant dlro,
                                  List<String> avertissements) implements EvenementConsultation {

    public ConsultationPubliee {
        avertissements = List.copyOf(avertissements);
    }
}
