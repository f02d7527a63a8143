package fr.centraleachat.marche.analyse.application;

import fr.centraleachat.marche.analyse.domain.AnalyseLot;
import fr.centraleachat.marche.analyse.domain.Classement;
import fr.centraleachat.marche.analyse.domain.MotifExclusion;
import fr.centraleachat.marche.analyse.domain.Note;
import fr.centraleachat.marche.analyse.domain.Offre;
import fr.centraleachat.marche.analyse.domain.PrixAnormalementBas;
import fr.centraleachat.marche.analyse.domain.StatutLot;
import fr.centraleachat.marche.consultation.domain.Consultation;
import fr.centraleachat.marche.consultation.domain.CritereAttribution;
import fr.centraleachat.marche.consultation.domain.Lot;
import fr.centraleachat.marche.consultation.domain.TypeCritere;
import fr.centraleachat.marche.reglementation.HeureDeParis;
import fr.centraleachat.marche.reglementation.Procedure;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rapport d'analyse des offres of a lot: how each offer received in time was judged (scores per criterion with
 * their reasons, rank, exclusions, abnormally low prices and the decision on them) and what was decided for the
 * lot. Built from the analysis as it stands, so it can be read at any step; {@code definitif} once the lot is
 * awarded or infructueux.
 */
public record RapportAnalyse(String consultationId, String objet, Procedure procedure, int lot, String intituleLot,
        StatutLot statut, boolean definitif, OffsetDateTime etabliLe, List<Critere> criteres,
        boolean criteresPropresAuLot, String methodePrix, String methodePrixAnormalementBas, int offresAnalysees,
        int offresAdmises, List<OffreAnalysee> offres, List<String> notesManquantes, Decision decision) {

    public record Critere(String libelle, int ponderation, TypeCritere type) {
    }

    /** One offer: its rank and scores when admitted, its exclusion otherwise. */
    public record OffreAnalysee(String numeroPli, String siret, String raisonSociale, BigDecimal prixHt,
            OffsetDateTime recuLe, boolean admise, Integer rang, BigDecimal noteTotale, List<NoteCritere> notes,
            Exclusion exclusion, PrixBas prixAnormalementBas) {
    }

    /** {@code commentaire} is null for the price criterion, which is computed. */
    public record NoteCritere(String critere, int ponderation, BigDecimal note, String commentaire) {
    }

    public record Exclusion(MotifExclusion motif, String raison) {
    }

    /** The detection's computation and the acheteur's decision ({@code justifiee} null while not examined). */
    public record PrixBas(BigDecimal moyenneDesAutres, BigDecimal ecartPourcent, BigDecimal seuilPourcent,
            Boolean justifiee, String raison) {
    }

    /** What was decided for the lot: the titulaire, or why it is infructueux; nothing while the analysis runs. */
    public record Decision(String titulaireSiret, String titulaireRaisonSociale, String numeroPli,
            BigDecimal noteTotale, boolean choixHorsClassement, String justification, OffsetDateTime decideLe,
            String raisonInfructueux) {
    }

    static RapportAnalyse de(Consultation consultation, AnalyseLot analyse, Instant maintenant) {
        Lot lot = consultation.lots().liste().stream().filter(l -> l.numero() == analyse.lot()).findFirst()
                .orElseThrow();
        Map<String, Classement> rangs = analyse.classement().stream()
                .collect(Collectors.toMap(Classement::numeroPli, Function.identity()));
        Map<String, PrixAnormalementBas> prixBas = analyse.prixAnormalementBas().stream()
                .collect(Collectors.toMap(PrixAnormalementBas::numeroPli, Function.identity()));
        List<OffreAnalysee> offres = analyse.offres().stream()
                .map(o -> offre(o, rangs.get(o.numeroPli()), prixBas.get(o.numeroPli()), analyse.criteres()))
                .sorted(Comparator.comparing((OffreAnalysee o) -> o.rang() == null ? Integer.MAX_VALUE : o.rang())
                        .thenComparing(OffreAnalysee::numeroPli))
                .toList();
        Decision decision = analyse.attribution().map(a -> new Decision(a.titulaire().valeur(),
                        analyse.offre(a.numeroPli()).raisonSociale(), a.numeroPli(),
                        rangs.containsKey(a.numeroPli()) ? rangs.get(a.numeroPli()).noteTotale() : null,
                        a.choixHorsClassement(), a.justification(), paris(a.le()), null))
                .orElse(analyse.raisonInfructueux().map(r -> new Decision(null, null, null, null, false, null, null, r))
                        .orElse(null));
        boolean definitif = analyse.statut() != StatutLot.OUVERT;
        return new RapportAnalyse(analyse.consultationId(), consultation.objet(), analyse.procedure(), analyse.lot(),
                lot.intitule(), analyse.statut(), definitif, paris(maintenant),
                analyse.criteres().stream().map(c -> new Critere(c.libelle(), c.ponderation(), c.type())).toList(),
                lot.criteres() != null,
                "Critère prix : pondération × (prix le plus bas des offres admises / prix de l'offre)",
                "Prix inférieur de plus de " + analyse.seuilPrixBasPourcent().stripTrailingZeros().toPlainString()
                        + " % à la moyenne des prix des autres offres admises",
                offres.size(), (int) offres.stream().filter(OffreAnalysee::admise).count(), offres,
                definitif ? List.of() : analyse.notesManquantes(), decision);
    }

    private static OffreAnalysee offre(Offre o, Classement classement, PrixAnormalementBas prixBas,
            List<CritereAttribution> criteres) {
        List<NoteCritere> notes = criteres.stream().map(c -> {
            Note donnee = o.notes().get(c.libelle());
            BigDecimal calculee = classement == null ? null : classement.notesParCritere().get(c.libelle());
            return new NoteCritere(c.libelle(), c.ponderation(),
                    calculee != null ? calculee : donnee == null ? null : donnee.valeur(),
                    c.type() == TypeCritere.PRIX || donnee == null ? null : donnee.commentaire());
        }).toList();
        PrixBas bas = prixBas == null ? null : new PrixBas(prixBas.moyenneDesAutres(), prixBas.ecartPourcent(),
                prixBas.seuilPourcent(), o.decisionPrixBas() == null ? null : o.decisionPrixBas().justifiee(),
                o.decisionPrixBas() == null ? null : o.decisionPrixBas().raison());
        if (bas == null && o.decisionPrixBas() != null) {
            // Excluded as abnormally low: no longer among the admitted prices the detection compares.
            bas = new PrixBas(null, null, null, o.decisionPrixBas().justifiee(), o.decisionPrixBas().raison());
        }
        return new OffreAnalysee(o.numeroPli(), o.soumissionnaire().valeur(), o.raisonSociale(), o.prixHt().valeurHt(),
                paris(o.recuLe()), o.admise(), classement == null ? null : classement.rang(),
                classement == null ? null : classement.noteTotale(), notes,
                o.exclusion() == null ? null : new Exclusion(o.exclusion().motif(), o.exclusion().raison()), bas);
    }

    private static OffsetDateTime paris(Instant instant) {
        return instant == null ? null : instant.atZone(HeureDeParis.FUSEAU).toOffsetDateTime();
    }
}
