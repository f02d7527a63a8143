package fr.centraleachat.marche.consultation.messaging;

import fr.centraleachat.contracts.Evenements;
import fr.centraleachat.contracts.adhesion.RecensementClosV1;
import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.marche.consultation.application.BrouillonsDesRecensements;
import fr.centraleachat.marche.reglementation.Nature;
import fr.centraleachat.support.messaging.EvenementIllisibleException;
import fr.centraleachat.support.messaging.EvenementRecu;
import io.cloudevents.CloudEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns each closed recensement des besoins into a draft consultation. Its own consumer group, so that it reads
 * every partition of the adhésion topic; a redelivered event finds its draft already there.
 */
@Component
class EcouteurRecensements {

    private final BrouillonsDesRecensements brouillons;
    private final JsonMapper json;

    EcouteurRecensements(BrouillonsDesRecensements brouillons, JsonMapper json) {
        this.brouillons = brouillons;
        this.json = json;
    }

    @KafkaListener(topics = "centrale.adhesion.v1", groupId = "marche-service-recensements")
    void recevoir(CloudEvent evenement) {
        EvenementRecu recu = EvenementRecu.depuis(evenement);
        if (!recu.est(Evenements.RECENSEMENT_CLOS)) {
            return;
        }
        RecensementClosV1 clos = recu.donnees(Evenements.RECENSEMENT_CLOS, json);
        BrouillonsDesRecensements.RecensementClos recensement;
        try {
            if (clos.recensementId() == null || clos.ouvertPar() == null || clos.clotureLe() == null
                    || clos.lots() == null || clos.membresAyantDeclare() == null) {
                throw new ValeurInvalideException("recensement", "incomplete event");
            }
            recensement = new BrouillonsDesRecensements.RecensementClos(clos.recensementId(), clos.objet(),
                    FamilleAchat.valueOf(clos.familleAchat()), Nature.valueOf(clos.nature()),
                    new CodeCpv(clos.cpvPrincipal()), clos.ouvertPar(), clos.clotureLe(),
                    clos.lots().stream().map(l -> new BrouillonsDesRecensements.LotRecense(l.numero(),
                            l.description(), l.unite(), l.codeCpv() == null ? null : new CodeCpv(l.codeCpv()),
                            l.quantiteTotale(), l.montantEstimeTotalHt())).toList(),
                    clos.membresAyantDeclare().stream().map(Siren::new).toList());
            brouillons.creer(recensement);
        } catch (ValeurInvalideException | IllegalArgumentException | NullPointerException e) {
            throw new EvenementIllisibleException("event " + recu.id() + " of type " + recu.type()
                    + " carries an invalid recensement: " + e.getMessage());
        }
    }
}
