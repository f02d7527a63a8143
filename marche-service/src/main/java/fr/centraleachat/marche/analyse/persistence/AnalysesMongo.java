package fr.centraleachat.marche.analyse.persistence;

import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.Siret;
import fr.centraleachat.marche.analyse.application.Analyses;
import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.marche.analyse.domain.AnalyseLot;
import fr.centraleachat.marche.analyse.domain.Avenant;
import fr.centraleachat.marche.analyse.domain.BaseLegaleAvenant;
import fr.centraleachat.marche.analyse.domain.FormeMarche;
import fr.centraleachat.marche.analyse.domain.FormePrix;
import fr.centraleachat.marche.analyse.domain.Marche;
import fr.centraleachat.marche.reglementation.Nature;
import fr.centraleachat.marche.analyse.domain.MotifExclusion;
import fr.centraleachat.marche.analyse.domain.Note;
import fr.centraleachat.marche.analyse.domain.Offre;
import fr.centraleachat.marche.analyse.domain.StatutLot;
import fr.centraleachat.marche.consultation.domain.CritereAttribution;
import fr.centraleachat.marche.consultation.domain.TypeCritere;
import fr.centraleachat.marche.fichier.domain.FichierStocke;
import fr.centraleachat.marche.reglementation.Procedure;
import fr.centraleachat.support.outbox.EnregistreurAvecOutbox;
import fr.centraleachat.support.outbox.MessageSortant;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import fr.centraleachat.marche.reglementation.HeureDeParis;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
class AnalysesMongo implements Analyses {

    private final MongoTemplate mongo;
    private final EnregistreurAvecOutbox enregistreur;

    AnalysesMongo(MongoTemplate mongo, EnregistreurAvecOutbox enregistreur) {
        this.mongo = mongo;
        this.enregistreur = enregistreur;
    }

    @Override
    public Optional<AnalyseLot> trouver(String consultationId, int lot) {
        return Optional.ofNullable(mongo.findById(AnalyseLot.identifiant(consultationId, lot), AnalyseDocument.class))
                .map(AnalysesMongo::lire);
    }

    @Override
    public List<AnalyseLot> deLaConsultation(String consultationId, int limite) {
        Query query = Query.query(Criteria.where("consultationId").is(consultationId))
                .with(Sort.by("lot")).limit(limite);
        return mongo.find(query, AnalyseDocument.class).stream().map(AnalysesMongo::lire).toList();
    }

    @Override
    public List<AnalyseLot> notifieesOuModifiees(LocalDate du, LocalDate au, int limite) {
        Instant debut = du.atStartOfDay(HeureDeParis.FUSEAU).toInstant();
        Instant fin = au.plusDays(1).atStartOfDay(HeureDeParis.FUSEAU).toInstant();
        Query query = Query.query(Criteria.where("statut").is(StatutLot.NOTIFIE.name()).orOperator(
                Criteria.where("marche.dateNotification").gte(debut).lt(fin),
                Criteria.where("avenants").elemMatch(Criteria.where("date").gte(du).lte(au))))
                .with(Sort.by("marche.numero")).limit(limite);
        return mongo.find(query, AnalyseDocument.class).stream().map(AnalysesMongo::lire).toList();
    }

    @Override
    public List<AnalyseLot> notifiees(int limite) {
        Query query = Query.query(Criteria.where("statut").is(StatutLot.NOTIFIE.name()))
                .with(Sort.by("marche.numero")).limit(limite);
        return mongo.find(query, AnalyseDocument.class).stream().map(AnalysesMongo::lire).toList();
    }

    @Override
    public void enregistrer(AnalyseLot analyse, List<MessageSortant> messages) {
        AnalyseDocument document = ecrire(analyse);
        if (analyse.estNouvelle()) {
            enregistreur.inserer(document, messages);
        } else {
            enregistreur.mettreAJour(document, analyse.version(), messages);
        }
    }

    private static AnalyseDocument ecrire(AnalyseLot a) {
        return new AnalyseDocument(a.id(), a.consultationId(), a.lot(), a.procedure().name(),
                a.criteres().stream().map(c -> new AnalyseDocument.CritereDocument(c.libelle(), c.ponderation(),
                        c.type().name())).toList(),
                a.seuilPrixBasPourcent().toPlainString(),
                a.offres().stream().map(AnalysesMongo::ecrire).toList(), a.offresRecues(), a.statut().name(),
                a.attribution().map(t -> new AnalyseDocument.AttributionDocument(t.titulaire().valeur(), t.numeroPli(),
                        t.justification(), t.choixHorsClassement(), t.le())).orElse(null),
                a.rejets().map(r -> new AnalyseDocument.RejetsDocument(r.envoyesLe(), r.electronique(),
                        r.finSuspension(), r.lettres().stream().map(l -> new AnalyseDocument.LettreDocument(
                                l.numeroPli(), l.destinataire().valeur(), l.fichier().id(), l.fichier().nom(),
                                l.fichier().typeContenu(), l.fichier().taille(), l.fichier().sha256())).toList()))
                        .orElse(null),
                a.raisonInfructueux().orElse(null), a.marche().map(AnalysesMongo::ecrire).orElse(null),
                a.resiliation().map(r -> new AnalyseDocument.ResiliationDocument(r.dateEffet(), r.motif(), r.le()))
                        .orElse(null),
                a.avenants().stream().map(v -> new AnalyseDocument.AvenantDocument(v.numero(), v.baseLegale().name(),
                        v.montantHt().toPlainString(), v.nouvelleDateFin(), v.justification(), v.date(), v.le()))
                        .toList(),
                a.version());
    }

    private static AnalyseDocument.OffreDocument ecrire(Offre o) {
        List<AnalyseDocument.NoteDocument> notes = o.notes().entrySet().stream()
                .map(e -> new AnalyseDocument.NoteDocument(e.getKey(), e.getValue().valeur().toPlainString(),
                        e.getValue().commentaire())).toList();
        return new AnalyseDocument.OffreDocument(o.numeroPli(), o.soumissionnaire().valeur(), o.raisonSociale(),
                o.prixHt().valeurHt().toPlainString(), o.recuLe(), notes,
                o.exclusion() == null ? null : o.exclusion().motif().name(),
                o.exclusion() == null ? null : o.exclusion().raison(),
                o.decisionPrixBas() == null ? null : o.decisionPrixBas().justifiee(),
                o.decisionPrixBas() == null ? null : o.decisionPrixBas().raison());
    }

    private static AnalyseLot lire(AnalyseDocument d) {
        return AnalyseLot.reconstituer(d.consultationId(), d.lot(), Procedure.valueOf(d.procedure()),
                d.criteres().stream().map(c -> new CritereAttribution(c.libelle(), c.ponderation(),
                        TypeCritere.valueOf(c.type()))).toList(),
                new BigDecimal(d.seuilPrixBasPourcent()),
                d.offres().stream().map(AnalysesMongo::lire).toList(), d.offresRecues(), StatutLot.valueOf(d.statut()),
                d.attribution() == null ? null : new AnalyseLot.Attribution(new Siret(d.attribution().siret()),
                        d.attribution().numeroPli(), d.attribution().justification(),
                        d.attribution().choixHorsClassement(), d.attribution().le()),
                d.rejets() == null ? null : new AnalyseLot.Rejets(d.rejets().envoyesLe(), d.rejets().electronique(),
                        d.rejets().finSuspension(), d.rejets().lettres() == null ? List.of()
                                : d.rejets().lettres().stream().map(l -> new AnalyseLot.LettreDeRejet(l.numeroPli(),
                                        new Siret(l.siret()), new FichierStocke(l.fichierId(), l.nom(),
                                                l.typeContenu(), l.taille(), l.sha256()))).toList()),
                d.raisonInfructueux(), d.marche() == null ? null : lire(d.consultationId(), d.lot(), d.marche()),
                d.resiliation() == null ? null : new AnalyseLot.Resiliation(d.resiliation().dateEffet(),
                        d.resiliation().motif(), d.resiliation().le()),
                d.avenants() == null ? List.of() : d.avenants().stream().map(v -> new Avenant(v.numero(),
                        BaseLegaleAvenant.valueOf(v.baseLegale()), new BigDecimal(v.montantHt()), v.nouvelleDateFin(),
                        v.justification(), v.date(), v.le())).toList(),
                d.version());
    }

    private static AnalyseDocument.MarcheDocument ecrire(Marche m) {
        return new AnalyseDocument.MarcheDocument(m.numero(), m.objet(), m.intituleLot(), m.titulaireSiret().valeur(),
                m.titulaireRaisonSociale(), m.forme().name(), m.formePrix().name(), texte(m.montantHt()),
                texte(m.montantMaximumHt()), texte(m.montantMinimumHt()), m.dureeMois(), m.dateDebut(),
                m.beneficiaires().stream().map(Siren::valeur).toList(), m.cpv().valeur(),
                m.familleAchat() == null ? null : m.familleAchat().name(), m.nature().name(), m.procedure().name(),
                m.datePublication(), m.dateNotification(), m.offresRecues(),
                m.prixUnitaires().stream().map(p -> new AnalyseDocument.PrixUnitaireDocument(p.reference(),
                        texte(p.prixUnitaireHt()))).toList(), m.groupementId(),
                m.coordonnateur() == null ? null : m.coordonnateur().valeur());
    }

    private static Marche lire(String consultationId, int lot, AnalyseDocument.MarcheDocument m) {
        return new Marche(m.numero(), consultationId, lot, m.objet(), m.intituleLot(), new Siret(m.titulaireSiret()),
                m.titulaireRaisonSociale(), FormeMarche.valueOf(m.forme()), FormePrix.valueOf(m.formePrix()),
                montant(m.montantHt()), montant(m.montantMaximumHt()), montant(m.montantMinimumHt()), m.dureeMois(),
                m.dateDebut(), m.beneficiaires().stream().map(Siren::new).toList(), new CodeCpv(m.cpv()),
                m.familleAchat() == null ? null : FamilleAchat.valueOf(m.familleAchat()), Nature.valueOf(m.nature()),
                Procedure.valueOf(m.procedure()), m.datePublication(), m.dateNotification(), m.offresRecues(),
                m.prixUnitaires().stream().map(p -> new Marche.PrixUnitaire(p.reference(), montant(p.prixUnitaireHt())))
                        .toList(), m.groupementId(), m.coordonnateur() == null ? null : new Siren(m.coordonnateur()));
    }

    private static String texte(Montant montant) {
        return montant == null ? null : montant.valeurHt().toPlainString();
    }

    private static Montant montant(String texte) {
        return texte == null ? null : Montant.de(texte);
    }

    private static Offre lire(AnalyseDocument.OffreDocument o) {
        Map<String, Note> notes = new LinkedHashMap<>();
        if (o.notes() != null) {
            o.notes().forEach(note -> notes.put(note.critere(), new Note(new BigDecimal(note.valeur()),
                    note.commentaire())));
        }
        return new Offre(o.numeroPli(), new Siret(o.siret()), o.raisonSociale(), Montant.de(o.prixHt()), o.recuLe(),
                notes, o.motifExclusion() == null ? null
                        : new Offre.Exclusion(MotifExclusion.valueOf(o.motifExclusion()), o.raisonExclusion()),
                o.prixBasJustifie() == null ? null : new Offre.DecisionPrixBas(o.prixBasJustifie(), o.raisonPrixBas()));
    }
}
