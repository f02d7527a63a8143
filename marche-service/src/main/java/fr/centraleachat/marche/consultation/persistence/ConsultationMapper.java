package fr.centraleachat.marche.consultation.persistence;

import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.marche.consultation.application.FicheConsultation;
import fr.centraleachat.marche.consultation.domain.Beneficiaires;
import fr.centraleachat.marche.consultation.domain.Consultation;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.consultation.domain.ContenuConsultation;
import fr.centraleachat.marche.consultation.domain.CritereAttribution;
import fr.centraleachat.marche.consultation.domain.Criteres;
import fr.centraleachat.marche.consultation.domain.Lot;
import fr.centraleachat.marche.consultation.domain.Lots;
import fr.centraleachat.marche.consultation.domain.Mutualisation;
import fr.centraleachat.marche.consultation.domain.Rectificatif;
import fr.centraleachat.marche.consultation.domain.StatutConsultation;
import fr.centraleachat.marche.consultation.domain.TypeCritere;
import fr.centraleachat.marche.reglementation.DelaiReduit;
import fr.centraleachat.marche.reglementation.Nature;
import fr.centraleachat.marche.reglementation.Procedure;
import java.util.List;

/** Aggregate ⇄ document. Reading goes through the aggregate's own checks, so corrupt data fails loudly. */
final class ConsultationMapper {

    private ConsultationMapper() {
    }

    static ConsultationDocument versDocument(Consultation c, List<String> avertissements) {
        return versDocument(c, avertissements, null);
    }

    /** The draft marked deleted: hidden from every read, removed once its outbox is empty. */
    static ConsultationDocument versDocumentSupprime(Consultation brouillon) {
        return versDocument(brouillon, List.of(), Boolean.TRUE);
    }

    private static ConsultationDocument versDocument(Consultation c, List<String> avertissements, Boolean supprimee) {
        ContenuConsultation contenu = c.contenu();
        return new ConsultationDocument(c.id().toString(), c.acheteur(), contenu.objet(), contenu.nature().name(),
                contenu.cpvPrincipal().valeur(),
                contenu.familleAchat() == null ? null : contenu.familleAchat().name(),
                contenu.lots().liste().stream().map(lot -> new ConsultationDocument.LotDocument(lot.numero(),
                        lot.intitule(), lot.montantEstime().valeurHt().toPlainString(),
                        lot.cpv() == null ? null : lot.cpv().valeur(),
                        lot.criteres() == null ? null : documents(lot.criteres()))).toList(),
                documents(contenu.criteres()),
                contenu.dlro(),
                contenu.beneficiaires().membres().stream().map(Siren::valeur).toList(),
                contenu.delaiReduit().name(),
                contenu.dateLimiteQuestions(),
                c.statut().name(),
                c.procedure().map(Procedure::name).orElse(null),
                c.datePublication().orElse(null),
                c.publiciteBoampOuJalRequise().orElse(null),
                c.raisonSansSuite().orElse(null),
                List.copyOf(avertissements),
                supprimee,
                c.rectificatifs().stream().map(r -> new ConsultationDocument.RectificatifDocument(r.id(), r.numero(),
                        r.date(), r.raison(), r.substantiel(), r.dlro(), r.dlroPrecedente(), r.dateLimiteQuestions()))
                        .toList(),
                c.mutualisation().recensementId(),
                groupement(c.mutualisation().groupement()),
                c.version());
    }

    static FicheConsultation versFiche(ConsultationDocument d) {
        ContenuConsultation contenu = new ContenuConsultation(d.objet(), Nature.valueOf(d.nature()),
                new CodeCpv(d.cpvPrincipal()),
                d.familleAchat() == null ? null : FamilleAchat.valueOf(d.familleAchat()),
                new Lots(d.lots().stream().map(lot -> new Lot(lot.numero(), lot.intitule(), Montant.de(lot.montantEstime()),
                        lot.cpv() == null ? null : new CodeCpv(lot.cpv()),
                        lot.criteres() == null ? null : criteres(lot.criteres()))).toList()),
                criteres(d.criteres()),
                d.dlro(),
                new Beneficiaires(d.beneficiaires().stream().map(Siren::new).toList()),
                d.delaiReduit() == null ? DelaiReduit.NONE : DelaiReduit.valueOf(d.delaiReduit()),
                d.dateLimiteQuestions());
        List<Rectificatif> rectificatifs = d.rectificatifs() == null ? List.of() : d.rectificatifs().stream()
                .map(r -> new Rectificatif(r.id(), r.numero(), r.date(), r.raison(), r.substantiel(), r.dlro(),
                        r.dlroPrecedente(), r.dateLimiteQuestions())).toList();
        Consultation consultation = Consultation.reconstituer(ConsultationId.de(d.id()), contenu, d.acheteur(),
                StatutConsultation.valueOf(d.statut()), d.procedure() == null ? null : Procedure.valueOf(d.procedure()),
                d.datePublication(), d.publiciteBoampOuJalRequise(), d.raisonSansSuite(), rectificatifs,
                new Mutualisation(d.recensementId(), groupement(d.groupement())), d.version());
        return FicheConsultation.lue(consultation, d.avertissements());
    }

    private static ConsultationDocument.GroupementDocument groupement(Mutualisation.GroupementAcheteur g) {
        return g == null ? null : new ConsultationDocument.GroupementDocument(g.id(), g.coordonnateur().valeur(),
                g.nomCoordonnateur(), g.membresAuLancement().stream().map(Siren::valeur).toList());
    }

    private static Mutualisation.GroupementAcheteur groupement(ConsultationDocument.GroupementDocument d) {
        return d == null ? null : new Mutualisation.GroupementAcheteur(d.id(), new Siren(d.coordonnateur()),
                d.nomCoordonnateur(), d.membresAuLancement().stream().map(Siren::new).toList());
    }

    private static List<ConsultationDocument.CritereDocument> documents(Criteres criteres) {
        return criteres.liste().stream().map(critere -> new ConsultationDocument.CritereDocument(critere.libelle(),
                critere.ponderation(), critere.type().name())).toList();
    }

    private static Criteres criteres(List<ConsultationDocument.CritereDocument> documents) {
        return new Criteres(documents.stream().map(critere -> new CritereAttribution(critere.libelle(),
                critere.ponderation(), TypeCritere.valueOf(critere.type()))).toList());
    }
}
