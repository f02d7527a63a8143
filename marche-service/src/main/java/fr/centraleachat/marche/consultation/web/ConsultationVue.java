package fr.centraleachat.marche.consultation.web;

import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.marche.consultation.application.FicheConsultation;
import fr.centraleachat.marche.consultation.domain.Consultation;
import fr.centraleachat.marche.consultation.domain.StatutConsultation;
import fr.centraleachat.marche.consultation.domain.TypeCritere;
import fr.centraleachat.marche.reglementation.DelaiReduit;
import fr.centraleachat.marche.reglementation.HeureDeParis;
import fr.centraleachat.marche.reglementation.Nature;
import fr.centraleachat.marche.reglementation.Procedure;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** A consultation as the API shows it; instants in Paris time with their offset. */
public record ConsultationVue(
        String id,
        String objet,
        Nature nature,
        String cpvPrincipal,
        @Schema(description = "Famille d'achat ; absente des consultations enregistrées avant qu'elle existe")
        FamilleAchat familleAchat,
        List<LotVue> lots,
        List<CritereVue> criteres,
        OffsetDateTime dlro,
        DelaiReduit delaiReduit,
        List<String> beneficiaires,
        StatutConsultation statut,
        Procedure procedure,
        BigDecimal valeurEstimeeTotale,
        OffsetDateTime datePublication,
        @Schema(description = "Publicité au BOAMP ou dans un JAL requise (MAPA à partir du seuil de publicité),"
                + " décidée à la publication ; absente pour un brouillon")
        Boolean publiciteBoampOuJalRequise,
        List<String> avertissements,
        String raisonSansSuite,
        @Schema(description = "Date jusqu'à laquelle les questions sont reçues ; absente : jusqu'à la DLRO")
        OffsetDateTime dateLimiteQuestions,
        @Schema(description = "Les rectificatifs de la consultation publiée, dans l'ordre")
        List<RectificatifVue> rectificatifs,
        @Schema(description = "Recensement des besoins dont la consultation est issue ; absent sinon")
        String recensementId,
        @Schema(description = "Groupement de commandes pour lequel elle est lancée, tel qu'il était au lancement ;"
                + " absent sinon. Son coordonnateur est l'acheteur du marché")
        GroupementVue groupement,
        long version) {

    public record GroupementVue(String id, String coordonnateur, String nomCoordonnateur,
            List<String> membresAuLancement) {
    }

    /**
     * {@code cpv} is the lot's own code, or the main one when the lot has none; {@code criteres} likewise the lot's
     * own award criteria ({@code criteresPropres}) or the consultation's.
     */
    public record LotVue(int numero, String intitule, BigDecimal montantEstime, String cpv, List<CritereVue> criteres,
            boolean criteresPropres) {
    }

    public record CritereVue(String libelle, int ponderation, TypeCritere type) {
    }

    /** {@code dlro}: in force after the rectificatif; {@code dlroPrecedente}: before it. */
    public record RectificatifVue(int numero, OffsetDateTime date, String raison, boolean substantiel,
            OffsetDateTime dlro, OffsetDateTime dlroPrecedente, OffsetDateTime dateLimiteQuestions) {
    }

    public static ConsultationVue de(FicheConsultation fiche) {
        Consultation c = fiche.consultation();
        return new ConsultationVue(c.id().toString(), c.objet(), c.nature(), c.cpvPrincipal().valeur(),
                c.contenu().familleAchat(),
                c.lots().liste().stream().map(lot -> new LotVue(lot.numero(), lot.intitule(),
                        lot.montantEstime().valeurHt(), lot.cpvOuPrincipal(c.cpvPrincipal()).valeur(),
                        vues(lot.criteresOu(c.criteres())), lot.criteres() != null)).toList(),
                vues(c.criteres()),
                paris(c.dlro()), c.delaiReduit(),
                c.beneficiaires().membres().stream().map(Siren::valeur).toList(),
                c.statut(), c.procedure().orElse(null), c.valeurEstimeeTotale().valeurHt(),
                c.datePublication().map(ConsultationVue::paris).orElse(null),
                c.publiciteBoampOuJalRequise().orElse(null), fiche.avertissements(), c.raisonSansSuite().orElse(null),
                c.contenu().dateLimiteQuestions() == null ? null : paris(c.contenu().dateLimiteQuestions()),
                c.rectificatifs().stream().map(r -> new RectificatifVue(r.numero(), paris(r.date()), r.raison(),
                        r.substantiel(), paris(r.dlro()), paris(r.dlroPrecedente()),
                        r.dateLimiteQuestions() == null ? null : paris(r.dateLimiteQuestions()))).toList(),
                c.mutualisation().recensementId(),
                c.mutualisation().groupement() == null ? null : new GroupementVue(c.mutualisation().groupement().id(),
                        c.mutualisation().groupement().coordonnateur().valeur(),
                        c.mutualisation().groupement().nomCoordonnateur(),
                        c.mutualisation().groupement().membresAuLancement().stream().map(Siren::valeur).toList()),
                fiche.version());
    }

    static OffsetDateTime paris(Instant instant) {
        return instant.atZone(HeureDeParis.FUSEAU).toOffsetDateTime();
    }

    private static List<CritereVue> vues(fr.centraleachat.marche.consultation.domain.Criteres criteres) {
        return criteres.liste().stream().map(k -> new CritereVue(k.libelle(), k.ponderation(), k.type())).toList();
    }
}
