package fr.centraleachat.adhesion.groupement.persistence;

import fr.centraleachat.adhesion.adhesion.domain.Missions;
import fr.centraleachat.adhesion.groupement.application.Groupements;
import fr.centraleachat.adhesion.groupement.domain.Approbation;
import fr.centraleachat.adhesion.groupement.domain.Groupement;
import fr.centraleachat.adhesion.groupement.domain.GroupementId;
import fr.centraleachat.adhesion.groupement.domain.MembreGroupement;
import fr.centraleachat.adhesion.groupement.domain.StatutGroupement;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.support.outbox.EnregistreurAvecOutbox;
import fr.centraleachat.support.outbox.MessageSortant;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Reads with the template, writes through the outbox writer (state and events in one document write). */
@Repository
class GroupementsMongo implements Groupements {

    private final MongoTemplate mongo;
    private final EnregistreurAvecOutbox enregistreur;

    GroupementsMongo(MongoTemplate mongo, EnregistreurAvecOutbox enregistreur) {
        this.mongo = mongo;
        this.enregistreur = enregistreur;
    }

    @Override
    public Optional<Groupement> trouver(GroupementId id) {
        return Optional.ofNullable(mongo.findById(id.toString(), GroupementDocument.class)).map(GroupementsMongo::versGroupement);
    }

    @Override
    public PageVue<Groupement> lister(Optional<Siren> membre, Optional<StatutGroupement> statut, PageDemandee page) {
        Query query = new Query();
        membre.ifPresent(s -> query.addCriteria(Criteria.where("sirens").is(s.valeur())));
        statut.ifPresent(s -> query.addCriteria(Criteria.where("statut").is(s.name())));
        long total = mongo.count(query, GroupementDocument.class);
        query.fields().exclude(MessageSortant.CHAMP_OUTBOX);
        // Random ids: the sequence of creation is not kept, so the order is by objet then id, both stable.
        query.with(Sort.by("objet", "_id")).skip(page.decalage()).limit(page.taille());
        return new PageVue<>(mongo.find(query, GroupementDocument.class).stream().map(GroupementsMongo::versGroupement)
                .toList(), page.page(), page.taille(), total);
    }

    @Override
    public void ajouter(Groupement groupement, List<MessageSortant> messages) {
        enregistreur.inserer(versDocument(groupement), messages);
    }

    @Override
    public Groupement mettreAJour(Groupement groupement, List<MessageSortant> messages) {
        enregistreur.mettreAJour(versDocument(groupement), groupement.version(), messages);
        return Groupement.reconstituer(groupement.etat().aLaVersion(groupement.version() + 1));
    }

    private static GroupementDocument versDocument(Groupement groupement) {
        Groupement.Etat e = groupement.etat();
        return new GroupementDocument(e.id().toString(), e.objet(), e.coordonnateur().valeur(), e.missions().name(),
                e.commissionAppelOffres(), e.repartitionFrais(), e.statut().name(),
                e.membres().stream().map(m -> new GroupementDocument.MembreGroupementDocument(m.siren().valeur(),
                        texte(m.ajouteLe()), m.aApprouve() ? m.approbation().numeroDeliberation() : null,
                        m.aApprouve() ? texte(m.approbation().dateDeliberation()) : null)).toList(),
                e.membres().stream().map(m -> m.siren().valeur()).toList(), texte(e.dateConstitution()),
                texte(e.dateDissolution()), e.motifDissolution(), e.sequence(), e.version());
    }

    private static Groupement versGroupement(GroupementDocument d) {
        return Groupement.reconstituer(new Groupement.Etat(GroupementId.de(d.id()), d.objet(),
                new Siren(d.coordonnateur()), Missions.valueOf(d.missions()), d.commissionAppelOffres(),
                d.repartitionFrais(), StatutGroupement.valueOf(d.statut()), d.membres().stream()
                        .map(m -> new MembreGroupement(new Siren(m.siren()), date(m.ajouteLe()),
                                m.numeroDeliberation() == null ? null
                                        : new Approbation(m.numeroDeliberation(), date(m.dateDeliberation()))))
                        .toList(), date(d.dateConstitution()), date(d.dateDissolution()), d.motifDissolution(),
                d.sequence(), d.version()));
    }

    private static String texte(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate date(String texte) {
        return texte == null ? null : LocalDate.parse(texte);
    }
}
