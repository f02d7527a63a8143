package fr.centraleachat.adhesion.recensement.web;

import fr.centraleachat.adhesion.recensement.application.RecensementDetaille;
import fr.centraleachat.adhesion.recensement.domain.Consolidation;
import fr.centraleachat.adhesion.recensement.domain.Recensement;
import fr.centraleachat.kernel.Siren;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A recensement as the API shows it; what concerns other members is left out for an agent. */
public record RecensementVue(
        String id,
        String objet,
        String familleAchat,
        String nature,
        String cpvPrincipal,
        List<LotVue> lots,
        Instant dateCloture,
        String statut,
        Instant ouvertLe,
        Instant clotureLe,
        @Schema(description = "Sujet de l'acheteur qui l'a ouvert (personnel seulement)") String ouvertPar,
        @Schema(description = "SIREN des membres invités (personnel seulement)") List<String> membresInvites,
        @Schema(description = "Qui a répondu et qui ne l'a pas fait (personnel seulement, pas dans les listes)")
        List<SuiviVue> suivi,
        @Schema(description = "Besoins consolidés, une fois clos (personnel seulement)") ConsolidationVue consolidation,
        long version) {

    public record LotVue(int numero, String description, String unite, String codeCpv) {
    }

    public record SuiviVue(String siren, String nom, boolean repondu, Instant declareLe, long revision) {
    }

    public record ConsolidationVue(List<LotConsolideVue> lots, List<String> membresAyantDeclare,
            List<String> membresSansBesoin, List<String> membresSansReponse) {
    }

    public record LotConsolideVue(int numero, String description, String unite, String codeCpv,
            BigDecimal quantiteTotale, BigDecimal montantEstimeTotal, List<BesoinMembreVue> besoins) {
    }

    public record BesoinMembreVue(String siren, BigDecimal quantite, BigDecimal montantEstime) {
    }

    static RecensementVue de(RecensementDetaille detail) {
        Recensement.Etat e = detail.recensement().etat();
        boolean complete = detail.vueComplete();
        Consolidation c = e.consolidation();
        return new RecensementVue(e.id().toString(), e.objet(), e.familleAchat().name(), e.nature().name(),
                e.cpvPrincipal().valeur(), e.lots().stream().map(l -> new LotVue(l.numero(), l.description(),
                        l.unite(), l.codeCpv() == null ? null : l.codeCpv().valeur())).toList(),
                e.dateCloture(), e.statut().name(), e.ouvertLe(), e.clotureLe(),
                complete ? e.ouvertPar() : null, complete ? sirens(e.membresInvites()) : null,
                detail.suivi() == null ? null : detail.suivi().stream().map(s -> new SuiviVue(s.siren(), s.nom(),
                        s.repondu(), s.declareLe(), s.revision())).toList(),
                complete && c != null && detail.suivi() != null ? consolidation(c) : null, e.version());
    }

    private static ConsolidationVue consolidation(Consolidation c) {
        return new ConsolidationVue(c.lots().stream().map(l -> new LotConsolideVue(l.lot().numero(),
                l.lot().description(), l.lot().unite(), l.lot().codeCpv() == null ? null : l.lot().codeCpv().valeur(),
                l.quantiteTotale(), l.montantEstimeTotal(), l.besoins().stream().map(b -> new BesoinMembreVue(
                        b.siren().valeur(), b.quantite(), b.montantEstime())).toList())).toList(),
                sirens(c.membresAyantDeclare()), sirens(c.membresSansBesoin()), sirens(c.membresSansReponse()));
    }

    private static List<String> sirens(List<Siren> sirens) {
        return sirens.stream().map(Siren::valeur).toList();
    }
}
