package fr.centraleachat.marche.programmation.persistence;

import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.marche.programmation.application.PlansAnnuels;
import fr.centraleachat.marche.programmation.domain.BesoinPropose;
import fr.centraleachat.marche.programmation.domain.PlanAnnuel;
import fr.centraleachat.marche.programmation.domain.ProcedurePlanifiee;
import fr.centraleachat.marche.programmation.domain.StatutProcedurePlanifiee;
import fr.centraleachat.marche.reglementation.Nature;
import fr.centraleachat.support.outbox.EnregistreurAvecOutbox;
import fr.centraleachat.support.outbox.MessageSortant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** One document per year, written whole with its events through the outbox writer (optimistic locking). */
@Repository
class PlansAnnuelsMongo implements PlansAnnuels {

    private final MongoTemplate mongo;
    private final EnregistreurAvecOutbox enregistreur;

    PlansAnnuelsMongo(MongoTemplate mongo, EnregistreurAvecOutbox enregistreur) {
        this.mongo = mongo;
        this.enregistreur = enregistreur;
    }

    @Override
    public Optional<PlanAnnuel> trouver(int annee) {
        return Optional.ofNullable(mongo.findById(String.valueOf(annee), PlanAnnuelDocument.class))
                .map(PlansAnnuelsMongo::versDomaine);
    }

    @Override
    public void enregistrer(PlanAnnuel plan, List<MessageSortant> messages) {
        PlanAnnuelDocument document = versDocument(plan);
        if (plan.version() == 0 && mongo.findById(document.id(), PlanAnnuelDocument.class) == null) {
            try {
                enregistreur.inserer(document, messages);
                return;
            } catch (DuplicateKeyException e) {
                throw new OptimisticLockingFailureException("Plan " + plan.annee() + " created meanwhile", e);
            }
        }
        enregistreur.mettreAJour(document, plan.version(), messages);
    }

    static PlanAnnuelDocument versDocument(PlanAnnuel plan) {
        return new PlanAnnuelDocument(String.valueOf(plan.annee()), plan.annee(),
                plan.procedures().stream().map(p -> new PlanAnnuelDocument.ProcedureDocument(p.id(), p.objet(),
                        p.familleAchat().name(), p.cpvPrincipal() == null ? null : p.cpvPrincipal().valeur(),
                        p.nature().name(), p.valeurEstimee().valeurHt().toPlainString(), p.trimestre(),
                        p.membres().stream().map(Siren::valeur).toList(), p.statut().name(), p.consultationId(),
                        p.motifAbandon())).toList(),
                plan.besoins().stream().map(b -> new PlanAnnuelDocument.BesoinDocument(b.id(), b.membre().valeur(),
                        b.objet(), b.familleAchat().name(), b.valeurEstimee().valeurHt().toPlainString(),
                        b.commentaire(), b.statut().name(), b.procedureId(), b.motifRefus())).toList(),
                plan.version());
    }

    static PlanAnnuel versDomaine(PlanAnnuelDocument d) {
        List<ProcedurePlanifiee> procedures = d.procedures() == null ? List.of() : d.procedures().stream()
                .map(p -> new ProcedurePlanifiee(p.id(), p.objet(), FamilleAchat.valueOf(p.familleAchat()),
                        p.cpvPrincipal() == null ? null : new CodeCpv(p.cpvPrincipal()), Nature.valueOf(p.nature()),
                        Montant.de(p.valeurEstimee()), p.trimestre(), p.membres().stream().map(Siren::new).toList(),
                        StatutProcedurePlanifiee.valueOf(p.statut()), p.consultationId(), p.motifAbandon()))
                .toList();
        List<BesoinPropose> besoins = d.besoins() == null ? List.of() : d.besoins().stream()
                .map(b -> new BesoinPropose(b.id(), new Siren(b.membre()), b.objet(),
                        FamilleAchat.valueOf(b.familleAchat()), Montant.de(b.valeurEstimee()), b.commentaire(),
                        BesoinPropose.Statut.valueOf(b.statut()), b.procedureId(), b.motifRefus()))
                .toList();
        return PlanAnnuel.reconstituer(d.annee(), procedures, besoins, d.version());
    }
}
