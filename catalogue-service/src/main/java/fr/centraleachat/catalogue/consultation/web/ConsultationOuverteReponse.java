package fr.centraleachat.catalogue.consultation.web;

import fr.centraleachat.catalogue.consultation.domain.Consultation;
import fr.centraleachat.catalogue.consultation.domain.ContenuConsultation;
import fr.centraleachat.kernel.Siren;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

public record ConsultationOuverteReponse(String consultationId, String objet, String nature, String cpvPrincipal,
        String procedure, BigDecimal valeurEstimeeTotale, Instant datePublication, Instant dlro, List<Lot> lots,
        List<Critere> criteres, List<String> beneficiaires,
        @Schema(description = "Publicité au BOAMP ou dans un JAL requise ; absente si la publication ne l'a pas précisé")
        Boolean publiciteBoampOuJalRequise,
        @Schema(description = "Famille d'achat ; absente si la publication ne l'a pas précisée")
        String familleAchat) {

    public record Lot(int numero, String intitule, BigDecimal montantEstime, String cpv) {
    }

    public record Critere(String libelle, int ponderation, String type) {
    }

    static ConsultationOuverteReponse de(Consultation consultation) {
        ContenuConsultation c = consultation.contenu().orElseThrow();
        return new ConsultationOuverteReponse(consultation.id(), c.objet(), c.nature(), c.cpvPrincipal().valeur(),
                c.procedure(), c.valeurEstimeeTotale(), c.datePublication(), c.dlro(),
                c.lots().stream().map(l -> new Lot(l.numero(), l.intitule(), l.montantEstime(),
                        l.cpv() == null ? null : l.cpv().valeur())).toList(),
                c.criteres().stream().map(cr -> new Critere(cr.libelle(), cr.ponderation(), cr.type())).toList(),
                c.beneficiaires().stream().map(Siren::valeur).toList(), c.publiciteBoampOuJalRequise(),
                c.familleAchat());
    }
}
