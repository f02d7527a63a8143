package fr.centraleachat.marche.analyse.web;

import fr.centraleachat.marche.analyse.domain.AnalyseLot;
import fr.centraleachat.marche.analyse.domain.MotifExclusion;
import fr.centraleachat.marche.analyse.domain.PrixAnormalementBas;
import fr.centraleachat.marche.analyse.domain.StatutLot;
import fr.centraleachat.marche.consultation.domain.TypeCritere;
import fr.centraleachat.marche.reglementation.HeureDeParis;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A lot's analysis as the acheteur reads it: offers, scores, ranking, flags, what is missing, and the decisions. */
public record AnalyseVue(String consultationId, int lot, StatutLot statut, List<CritereVue> criteres,
        List<OffreVue> offres, List<ClassementVue> classement, List<PrixBasVue> offresAnormalementBasses,
        List<String> notesManquantes, AttributionVue attribution, RejetsVue rejets, String raisonInfructueux,
        String numeroMarche, MarcheVue marche) {

    /** The marché of the lot once notified. */
    public record MarcheVue(String numero, String titulaireSiret, String titulaireRaisonSociale, String forme,
            String formePrix, BigDecimal montantHt, BigDecimal montantMaximumHt, BigDecimal montantMinimumHt,
            int dureeMois, java.time.LocalDate dateDebut, java.time.LocalDate dateFin, List<String> beneficiaires,
            String cpv, String familleAchat, OffsetDateTime dateNotification, int offresRecues,
            ResiliationVue resiliation,
            @io.swagger.v3.oas.annotations.media.Schema(description = "Groupement de commandes pour lequel la"
                    + " consultation a été lancée ; absent si la centrale achète pour ses membres") String groupementId,
            @io.swagger.v3.oas.annotations.media.Schema(description = "Acheteur du marché : le coordonnateur du"
                    + " groupement ; absent si la centrale achète pour ses membres") String coordonnateur,
            @io.swagger.v3.oas.annotations.media.Schema(description = "Montant (d'un accord-cadre, maximum) avec tous"
                    + " les avenants") BigDecimal montantActuelHt,
            @io.swagger.v3.oas.annotations.media.Schema(description = "Fin du marché avec tous les avenants")
            java.time.LocalDate dateFinActuelle,
            List<AvenantVue> avenants) {
    }

    public record AvenantVue(int numero, String baseLegale, String article, BigDecimal montantHt,
            java.time.LocalDate nouvelleDateFin, String justification, java.time.LocalDate date, OffsetDateTime le) {
    }

    /** The marché's early end, once decided. */
    public record ResiliationVue(java.time.LocalDate dateEffet, String motif, OffsetDateTime le) {
    }

    public record CritereVue(String libelle, int ponderation, TypeCritere type) {
    }

    public record OffreVue(String numeroPli, String siret, String raisonSociale, BigDecimal prixHt,
            OffsetDateTime recuLe, boolean admise, MotifExclusion motifExclusion, String raisonExclusion,
            Map<String, NoteVue> notes, Boolean prixBasJustifie, String raisonPrixBas) {
    }

    public record NoteVue(BigDecimal note, String commentaire) {
    }

    public record ClassementVue(int rang, String numeroPli, String siret, BigDecimal noteTotale,
            Map<String, BigDecimal> notesParCritere) {
    }

    public record PrixBasVue(String numeroPli, String siret, BigDecimal prixHt, BigDecimal moyenneDesAutres,
            BigDecimal ecartPourcent, BigDecimal seuilPourcent, String methode) {
    }

    public record AttributionVue(String siret, String numeroPli, boolean choixHorsClassement, String justification,
            OffsetDateTime le) {
    }

    public record RejetsVue(OffsetDateTime envoyesLe, boolean electronique, OffsetDateTime finSuspension,
            List<LettreVue> lettres) {
    }

    /** A rejection letter as sent; {@code adresse} serves its PDF. */
    public record LettreVue(String numeroPli, String siret, long taille, String sha256, String adresse) {
    }

    static AnalyseVue de(AnalyseLot a) {
        return new AnalyseVue(a.consultationId(), a.lot(), a.statut(),
                a.criteres().stream().map(c -> new CritereVue(c.libelle(), c.ponderation(), c.type())).toList(),
                a.offres().stream().map(o -> new OffreVue(o.numeroPli(), o.soumissionnaire().valeur(), o.raisonSociale(),
                        o.prixHt().valeurHt(), paris(o.recuLe()), o.admise(),
                        o.exclusion() == null ? null : o.exclusion().motif(),
                        o.exclusion() == null ? null : o.exclusion().raison(),
                        o.notes().entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                                e -> new NoteVue(e.getValue().valeur(), e.getValue().commentaire()),
                                (x, y) -> x, java.util.TreeMap::new)),
                        o.decisionPrixBas() == null ? null : o.decisionPrixBas().justifiee(),
                        o.decisionPrixBas() == null ? null : o.decisionPrixBas().raison())).toList(),
                a.classement().stream().map(c -> new ClassementVue(c.rang(), c.numeroPli(), c.soumissionnaire().valeur(),
                        c.noteTotale(), c.notesParCritere())).toList(),
                a.prixAnormalementBas().stream().map(AnalyseVue::vue).toList(),
                a.statut() == StatutLot.OUVERT ? a.notesManquantes() : List.of(),
                a.attribution().map(t -> new AttributionVue(t.titulaire().valeur(), t.numeroPli(),
                        t.choixHorsClassement(), t.justification(), paris(t.le()))).orElse(null),
                a.rejets().map(r -> new RejetsVue(paris(r.envoyesLe()), r.electronique(), paris(r.finSuspension()),
                        r.lettres().stream().map(l -> new LettreVue(l.numeroPli(), l.destinataire().valeur(),
                                l.fichier().taille(), l.fichier().sha256(), "/api/marche/consultations/"
                                        + a.consultationId() + "/lots/" + a.lot() + "/rejets/" + l.numeroPli()))
                                .toList())).orElse(null),
                a.raisonInfructueux().orElse(null), a.numeroMarche().orElse(null),
                a.marche().map(m -> new MarcheVue(m.numero(), m.titulaireSiret().valeur(), m.titulaireRaisonSociale(),
                        m.forme().name(), m.formePrix().name(), m.montantHt().valeurHt(),
                        m.montantMaximumHt() == null ? null : m.montantMaximumHt().valeurHt(),
                        m.montantMinimumHt() == null ? null : m.montantMinimumHt().valeurHt(), m.dureeMois(),
                        m.dateDebut(), m.dateFin(), m.beneficiaires().stream().map(fr.centraleachat.kernel.Siren::valeur)
                                .toList(), m.cpv().valeur(), m.familleAchat() == null ? null : m.familleAchat().name(),
                        paris(m.dateNotification()), m.offresRecues(), a.resiliation().map(r -> new ResiliationVue(
                                r.dateEffet(), r.motif(), paris(r.le()))).orElse(null), m.groupementId(),
                        m.coordonnateur() == null ? null : m.coordonnateur().valeur(), a.montantActuel(),
                        a.dateFinActuelle(), a.avenants().stream().map(v -> new AvenantVue(v.numero(),
                                v.baseLegale().name(), v.baseLegale().article(), v.montantHt(), v.nouvelleDateFin(),
                                v.justification(), v.date(), paris(v.le()))).toList())).orElse(null));
    }

    private static PrixBasVue vue(PrixAnormalementBas p) {
        return new PrixBasVue(p.numeroPli(), p.soumissionnaire().valeur(), p.prixHt(), p.moyenneDesAutres(),
                p.ecartPourcent(), p.seuilPourcent(), p.methode());
    }

    private static OffsetDateTime paris(Instant instant) {
        return instant == null ? null : instant.atZone(HeureDeParis.FUSEAU).toOffsetDateTime();
    }
}
