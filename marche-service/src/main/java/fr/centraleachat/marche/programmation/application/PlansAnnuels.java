package fr.centraleachat.marche.programmation.application;

import fr.centraleachat.marche.programmation.domain.PlanAnnuel;
import fr.centraleachat.support.outbox.MessageSortant;
import java.util.List;
import java.util.Optional;

/** Where the annual plans are kept, one document per year, saved whole with its outgoing events. */
public interface PlansAnnuels {

    Optional<PlanAnnuel> trouver(int annee);

    /**
     * Stores the plan over the version it was read at (a plan never saved is inserted).
     *
     * @throws org.springframework.dao.OptimisticLockingFailureException if it was saved by someone else meanwhile
     */
    void enregistrer(PlanAnnuel plan, List<MessageSortant> messages);
}
