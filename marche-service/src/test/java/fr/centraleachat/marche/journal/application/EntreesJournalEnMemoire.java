package fr.centraleachat.marche.journal.application;

import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.journal.domain.ChaineJournal;
import fr.centraleachat.marche.journal.domain.EntreeJournal;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/** Store double with the same two unique keys as the real one: (consultation, rank) and the event id. */
class EntreesJournalEnMemoire implements EntreesJournal {

    final Map<String, EntreeJournal> parEvenement = new LinkedHashMap<>();
    /** When set, runs once just before the next append, e.g. another append taking the same rank first. */
    Runnable avantLeProchainAjout;

    @Override
    public Optional<EntreeJournal> derniere(ConsultationId id) {
        return de(id).stream().reduce((a, b) -> b);
    }

    @Override
    public Ajout ajouter(EntreeJournal entree, String evenementId) {
        if (avantLeProchainAjout != null) {
            Runnable concurrent = avantLeProchainAjout;
            avantLeProchainAjout = null;
            concurrent.run();
        }
        if (parEvenement.containsKey(evenementId)) {
            return Ajout.DEJA_CONSIGNEE;
        }
        if (de(entree.consultationId()).stream().anyMatch(e -> e.rang() == entree.rang())) {
            return Ajout.RANG_DEJA_PRIS;
        }
        parEvenement.put(evenementId, entree);
        return Ajout.AJOUTEE;
    }

    @Override
    public boolean existe(ConsultationId id) {
        return !de(id).isEmpty();
    }

    @Override
    public PageVue<EntreeJournal> page(ConsultationId id, PageDemandee page) {
        return PageVue.de(de(id), page);
    }

    @Override
    public OptionalLong rangApres(ConsultationId id, long depuis, long decalage) {
        return de(id).stream().filter(e -> e.rang() >= depuis).skip(decalage).mapToLong(EntreeJournal::rang).findFirst();
    }

    @Override
    public void parcourir(ConsultationId id, long depuis, int limite, Consumer<EntreeJournal> action) {
        de(id).stream().filter(e -> e.rang() >= depuis).limit(limite).forEach(action);
    }

    @Override
    public void verifier(ConsultationId id, ChaineJournal.Verification verification) {
        de(id).forEach(verification::accepter);
    }

    List<EntreeJournal> de(ConsultationId id) {
        List<EntreeJournal> entrees = new ArrayList<>(parEvenement.values().stream()
                .filter(e -> e.consultationId().equals(id)).toList());
        entrees.sort(Comparator.comparingLong(EntreeJournal::rang));
        return entrees;
    }
}
