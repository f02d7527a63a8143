package fr.centraleachat.catalogue.consultation.messaging;

import fr.centraleachat.catalogue.consultation.application.ProjectionConsultations;
import fr.centraleachat.catalogue.consultation.domain.ContenuConsultation;
import fr.centraleachat.catalogue.consultation.domain.CritereConsultation;
import fr.centraleachat.catalogue.consultation.domain.LotConsultation;
import fr.centraleachat.contracts.Evenements;
import fr.centraleachat.contracts.marche.ConsultationPublieeV1;
import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.support.messaging.EvenementIllisibleException;
import fr.centraleachat.support.messaging.EvenementRecu;
import io.cloudevents.CloudEvent;
import java.util.List;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Feeds the consultation projection from the marché topic; other event types are ignored. */
@Component
class EcouteurMarche {

    private final ProjectionConsultations projection;
    private final JsonMapper json;

    EcouteurMarche(ProjectionConsultations projection, JsonMapper json) {
        this.projection = projection;
        this.json = json;
    }

    @KafkaListener(topics = "centrale.marche.v1")
    void recevoir(CloudEvent evenement) {
        EvenementRecu recu = EvenementRecu.depuis(evenement);
        try {
            if (recu.est(Evenements.CONSULTATION_PUBLIEE)) {
                ConsultationPublieeV1 d = recu.donnees(Evenements.CONSULTATION_PUBLIEE, json);
                projection.publier(recu.id(), identifiant(d.consultationId(), recu), contenu(d));
            } else if (recu.est(Evenements.CONSULTATION_CLOTUREE)) {
                var d = recu.donnees(Evenements.CONSULTATION_CLOTUREE, json);
                projection.cloturer(recu.id(), identifiant(d.consultationId(), recu));
            } else if (recu.est(Evenements.CONSULTATION_SANS_SUITE)) {
                var d = recu.donnees(Evenements.CONSULTATION_SANS_SUITE, json);
                projection.classerSansSuite(recu.id(), identifiant(d.consultationId(), recu));
            }
        } catch (ValeurInvalideException e) {
            throw new EvenementIllisibleException("event " + recu.id() + " of type " + recu.type()
                    + " carries an invalid value: " + e.getMessage());
        }
    }

    /** The payload names the consultation; the subject says the same and stands in when the field is missing. */
    private static String identifiant(String consultationId, EvenementRecu recu) {
        return consultationId != null && !consultationId.isBlank() ? consultationId : recu.sujet();
    }

    private static ContenuConsultation contenu(ConsultationPublieeV1 d) {
        return new ContenuConsultation(d.objet(), d.nature(), d.cpvPrincipal() == null ? null : new CodeCpv(d.cpvPrincipal()),
                d.procedure(), d.valeurEstimeeTotale(), d.datePublication(), d.dlro(),
                liste(d.lots()).stream().map(lot -> new LotConsultation(lot.numero(), lot.intitule(),
                        lot.montantEstime(), lot.cpv() == null ? null : new CodeCpv(lot.cpv()))).toList(),
                liste(d.criteres()).stream().map(c -> new CritereConsultation(c.libelle(), c.ponderation(), c.type()))
                        .toList(),
                liste(d.beneficiaires()).stream().map(Siren::new).toList(), d.publiciteBoampOuJalRequise(),
                d.familleAchat());
    }

    private static <T> List<T> liste(List<T> valeurs) {
        return valeurs == null ? List.of() : valeurs;
    }
}
