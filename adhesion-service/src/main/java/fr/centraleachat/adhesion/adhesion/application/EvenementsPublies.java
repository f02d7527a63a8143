package fr.centraleachat.adhesion.adhesion.application;

import fr.centraleachat.adhesion.adhesion.domain.Adhesion;
import fr.centraleachat.adhesion.adhesion.domain.AdhesionActivee;
import fr.centraleachat.adhesion.adhesion.domain.AdhesionReprise;
import fr.centraleachat.adhesion.adhesion.domain.AdhesionResiliee;
import fr.centraleachat.adhesion.adhesion.domain.AdhesionSuspendue;
import fr.centraleachat.adhesion.adhesion.domain.Deliberation;
import fr.centraleachat.adhesion.adhesion.domain.EvenementAdhesion;
import fr.centraleachat.adhesion.membre.domain.Membre;
import fr.centraleachat.contracts.Evenements;
import fr.centraleachat.contracts.adhesion.AdhesionActiveeV1;
import fr.centraleachat.contracts.adhesion.AdhesionRepriseV1;
import fr.centraleachat.contracts.adhesion.AdhesionResilieeV1;
import fr.centraleachat.contracts.adhesion.AdhesionSuspendueV1;
import fr.centraleachat.support.outbox.FabriqueMessages;
import fr.centraleachat.support.outbox.MessageSortant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Turns the aggregate's facts into the versioned integration events. The request and the deliberation stay
 * inside the service: other systems only care about what changes a member's right to use the centrale.
 */
@Component
public class EvenementsPublies {

    private final FabriqueMessages fabrique;

    public EvenementsPublies(FabriqueMessages fabrique) {
        this.fabrique = fabrique;
    }

    public List<MessageSortant> messages(Adhesion adhesion, Membre membre) {
        List<MessageSortant> messages = new ArrayList<>();
        for (EvenementAdhesion evenement : adhesion.evenementsEnAttente()) {
            traduire(evenement, adhesion, membre).ifPresent(messages::add);
        }
        return messages;
    }

    private Optional<MessageSortant> traduire(EvenementAdhesion evenement, Adhesion adhesion, Membre membre) {
        String id = adhesion.id().toString();
        String siren = adhesion.membre().valeur();
        if (evenement instanceof AdhesionActivee activee) {
            return Optional.of(fabrique.message(Evenements.ADHESION_ACTIVEE, id,
                    new AdhesionActiveeV1(id, siren, membre.nom(), membre.type().name(),
                            adhesion.famillesAchat().stream().map(Enum::name).sorted().toList(),
                            adhesion.missions().name(),
                            adhesion.deliberation().map(Deliberation::numero).orElse(null),
                            adhesion.deliberation().map(Deliberation::date).orElse(null), activee.dateEffet())));
        }
        if (evenement instanceof AdhesionSuspendue suspendue) {
            return Optional.of(fabrique.message(Evenements.ADHESION_SUSPENDUE, id,
                    new AdhesionSuspendueV1(id, siren, suspendue.dateEffet(), suspendue.motif().texte())));
        }
        if (evenement instanceof AdhesionReprise reprise) {
            return Optional.of(fabrique.message(Evenements.ADHESION_REPRISE, id,
                    new AdhesionRepriseV1(id, siren, reprise.dateEffet())));
        }
        if (evenement instanceof AdhesionResiliee resiliee) {
            return Optional.of(fabrique.message(Evenements.ADHESION_RESILIEE, id,
                    new AdhesionResilieeV1(id, siren, resiliee.dateEffet(), resiliee.motif().texte())));
        }
        return Optional.empty();
    }
}
