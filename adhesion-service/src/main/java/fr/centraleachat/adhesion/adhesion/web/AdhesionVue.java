package fr.centraleachat.adhesion.adhesion.web;

import fr.centraleachat.adhesion.adhesion.application.AdhesionDetaillee;
import fr.centraleachat.adhesion.adhesion.domain.Adhesion;
import fr.centraleachat.adhesion.adhesion.domain.Motif;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/** An adhésion as the API shows it. */
public record AdhesionVue(
        String id,
        String siren,
        String nomMembre,
        String statut,
        List<String> famillesAchat,
        String missions,
        DeliberationVue deliberation,
        LocalDate dateDemande,
        LocalDate dateSignatureConvention,
        LocalDate dateEffet,
        LocalDate dateSuspension,
        String motifSuspension,
        LocalDate dateResiliation,
        String motifResiliation,
        @Schema(description = "Changement décidé qui prendra effet à sa date (activation ou résiliation), sinon absent")
        ChangementPrevuVue changementPrevu,
        long version) {

    public record DeliberationVue(String numero, LocalDate date) {
    }

    /** @param type {@code ACTIVATION} or {@code RESILIATION}; {@code motif} only for a termination */
    public record ChangementPrevuVue(String type, LocalDate dateEffet, String motif) {
    }

    static AdhesionVue de(AdhesionDetaillee detail) {
        Adhesion.Etat e = detail.adhesion().etat();
        return new AdhesionVue(e.id().toString(), e.membre().valeur(),
                detail.membre() == null ? null : detail.membre().nom(), e.statut().name(),
                e.famillesAchat().stream().map(Enum::name).sorted().toList(), e.missions().name(),
                e.deliberation() == null ? null : new DeliberationVue(e.deliberation().numero(), e.deliberation().date()),
                e.dateDemande(), e.dateSignatureConvention(), e.dateEffet(), e.dateSuspension(),
                texte(e.motifSuspension()), e.dateResiliation(), texte(e.motifResiliation()),
                e.changementPrevu() == null ? null : new ChangementPrevuVue(e.changementPrevu().type().name(),
                        e.changementPrevu().dateEffet(), texte(e.changementPrevu().motif())),
                e.version());
    }

    private static String texte(Motif motif) {
        return motif == null ? null : motif.texte();
    }
}
