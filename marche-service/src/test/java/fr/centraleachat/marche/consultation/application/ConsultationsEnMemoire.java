package fr.centraleachat.marche.consultation.application;

import fr.centraleachat.contracts.Topic;
import fr.centraleachat.marche.consultation.domain.Consultation;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.consultation.domain.StatutConsultation;
import fr.centraleachat.marche.journal.application.ActionEffectueeV1;
import fr.centraleachat.support.outbox.MessageSortant;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.OptimisticLockingFailureException;

/** Store double with the same optimistic locking as the real one; every read rebuilds a fresh aggregate. */
class ConsultationsEnMemoire implements Consultations {

    record Enregistrement(Consultation consultation, List<String> avertissements, long version) {
    }

    final Map<ConsultationId, Enregistrement> stock = new LinkedHashMap<>();
    /** Every message saved with a change, public or for the journal, in order. */
    final List<MessageSortant> publies = new ArrayList<>();
    /** When set, the next update of this consultation fails as if someone else had saved it first. */
    ConsultationId conflitSur;

    @Override
    public Optional<FicheConsultation> trouver(ConsultationId id) {
        return Optional.ofNullable(stock.get(id)).map(e -> new FicheConsultation(copie(e.consultation(), e.version()),
                e.avertissements(), e.version()));
    }

    @Override
    public PageVue<FicheConsultation> lister(Set<StatutConsultation> statuts, boolean publieesSeulement,
            PageDemandee page) {
        return PageVue.de(stock.keySet().stream().map(id -> trouver(id).orElseThrow())
                .filter(f -> statuts.contains(f.consultation().statut()))
                .filter(f -> !publieesSeulement || f.consultation().aEtePubliee()).toList(), page);
    }

    @Override
    public boolean supprimerBrouillon(Consultation brouillon, List<MessageSortant> messages) {
        Enregistrement actuel = stock.get(brouillon.id());
        if (actuel == null || actuel.version() != brouillon.version()
                || actuel.consultation().statut() != StatutConsultation.BROUILLON) {
            return false;
        }
        // No relay here: the messages count as published at once, so the draft goes at once.
        stock.remove(brouillon.id());
        publies.addAll(messages);
        return true;
    }

    @Override
    public int effacerBrouillonsSupprimes() {
        return 0;
    }

    /** The messages saved for other services (the public topic). */
    List<MessageSortant> publics() {
        return publies.stream().filter(m -> m.topic().equals(Topic.MARCHE.nom())).toList();
    }

    /** The messages saved for the journal. */
    List<MessageSortant> journal() {
        return publies.stream().filter(m -> m.topic().equals(ActionEffectueeV1.TOPIC)).toList();
    }

    @Override
    public List<ConsultationId> publieesEchues(Instant maintenant, int limite) {
        return stock.values().stream().map(Enregistrement::consultation)
                .filter(c -> c.statut() == StatutConsultation.PUBLIEE && c.dlro().isBefore(maintenant))
                .map(Consultation::id).limit(limite).toList();
    }

    @Override
    public void ajouter(Consultation consultation, List<MessageSortant> messages) {
        if (stock.containsKey(consultation.id())) {
            throw new org.springframework.dao.DuplicateKeyException("consultation " + consultation.id() + " exists");
        }
        stock.put(consultation.id(), new Enregistrement(copie(consultation, 0), List.of(), 0));
        publies.addAll(messages);
    }

    @Override
    public void mettreAJour(Consultation consultation, List<String> avertissements, List<MessageSortant> messages) {
        Enregistrement actuel = stock.get(consultation.id());
        if (consultation.id().equals(conflitSur) || actuel.version() != consultation.version()) {
            conflitSur = null;
            throw new OptimisticLockingFailureException("version changed");
        }
        long version = actuel.version() + 1;
        stock.put(consultation.id(), new Enregistrement(copie(consultation, version), avertissements, version));
        publies.addAll(messages);
    }

    private static Consultation copie(Consultation c, long version) {
        return Consultation.reconstituer(c.id(), c.contenu(), c.acheteur(), c.statut(), c.procedure().orElse(null),
                c.datePublication().orElse(null), c.publiciteBoampOuJalRequise().orElse(null),
                c.raisonSansSuite().orElse(null), c.rectificatifs(), c.mutualisation(), version);
    }

    @Override
    public List<Consultation> publieesDuGroupeCpv(String groupeCpv, Instant debut, Instant fin, int limite) {
        return stock.values().stream().map(Enregistrement::consultation)
                .filter(c -> c.cpvPrincipal().valeur().startsWith(groupeCpv) && c.datePublication().isPresent()
                        && !c.datePublication().get().isBefore(debut) && c.datePublication().get().isBefore(fin)
                        && c.statut() != StatutConsultation.SANS_SUITE)
                .limit(limite).toList();
    }

    @Override
    public List<Consultation> publieesDeLaFamille(fr.centraleachat.kernel.FamilleAchat famille, Instant debut,
            Instant fin, int limite) {
        return stock.values().stream().map(Enregistrement::consultation)
                .filter(c -> c.contenu().familleAchat() == famille && c.datePublication().isPresent()
                        && !c.datePublication().get().isBefore(debut) && c.datePublication().get().isBefore(fin)
                        && c.statut() != StatutConsultation.SANS_SUITE)
                .limit(limite).toList();
    }
}
