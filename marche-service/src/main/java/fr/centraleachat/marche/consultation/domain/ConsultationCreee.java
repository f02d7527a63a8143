package fr.centraleachat.marche.consultation.domain;

import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.marche.reglementation.Nature;

public record ConsultationCreee(ConsultationId consultationId, String objet, Nature nature, CodeCpv cpvPrincipal,
                                Montant valeurEstimeeTotale, String acheteur) implements EvenementConsultation {
}
