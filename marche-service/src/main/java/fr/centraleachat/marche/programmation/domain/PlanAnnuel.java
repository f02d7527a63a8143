package fr.centraleachat.marche.programmation.domain;

import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.TransitionInterditeException;
import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.marche.reglementation.Nature;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The annual purchasing plan (programmation annuelle des achats) of one year: the procedures the acheteur plans,
 * launches or abandons, and the needs members propose for it. One aggregate per year, saved whole, so that the
 * family totals the fractionnement check reads are those of one consistent write.
 */
public final class PlanAnnuel {

    public static final int PROCEDURES_MAX = 2_000;
    public static final int BESOINS_MAX = 10_000;

    private final int annee;
    private final List<ProcedurePlanifiee> procedures;
    private final List<BesoinPropose> besoins;
    private final long version;
    private final List<EvenementPlan> evenements = new ArrayList<>();

    private PlanAnnuel(int annee, List<ProcedurePlanifiee> procedures, List<BesoinPropose> besoins, long version) {
        if (annee < 2000 || annee > 2100) {
            throw new ValeurInvalideException("annee", "L'année du plan est comprise entre 2000 et 2100.");
        }
        this.annee = annee;
        this.procedures = new ArrayList<>(procedures);
        this.besoins = new ArrayList<>(besoins);
        this.version = version;
    }

    public static PlanAnnuel ouvrir(int annee) {
        return new PlanAnnuel(annee, List.of(), List.of(), 0);
    }

    public static PlanAnnuel reconstituer(int annee, List<ProcedurePlanifiee> procedures, List<BesoinPropose> besoins,
            long version) {
        return new PlanAnnuel(annee, procedures, besoins, version);
    }

    // --- the acheteur's planning ----------------------------------------------------------------------------

    public ProcedurePlanifiee planifier(String id, String objet, FamilleAchat famille, CodeCpv cpv, Nature nature,
            Montant valeurEstimee, int trimestre, List<Siren> membres) {
        if (procedures.size() >= PROCEDURES_MAX) {
            throw new ValeurInvalideException("procedures", "Un plan compte au plus " + PROCEDURES_MAX + " procédures.");
        }
        ProcedurePlanifiee procedure = new ProcedurePlanifiee(id, objet, famille, cpv, nature, valeurEstimee, trimestre,
                membres, StatutProcedurePlanifiee.PREVUE, null, null);
        procedures.add(procedure);
        evenements.add(new EvenementPlan.ProcedureAjoutee(annee, id));
        return procedure;
    }

    /** The procedure is launched as {@code consultationId}: from then on it is that consultation's value. */
    public void lancer(String procedureId, String consultationId) {
        Objects.requireNonNull(consultationId, "consultationId");
        ProcedurePlanifiee procedure = procedure(procedureId);
        if (procedure.statut() != StatutProcedurePlanifiee.PREVUE) {
            throw TransitionInterditeException.depuis(procedure.statut(), "lancer la procédure " + procedureId);
        }
        remplacer(procedure.lancee(consultationId));
        evenements.add(new EvenementPlan.ProcedureLancee(annee, procedureId, consultationId));
    }

    public void abandonner(String procedureId, String motif) {
        ProcedurePlanifiee procedure = procedure(procedureId);
        if (procedure.statut() == StatutProcedurePlanifiee.ABANDONNEE) {
            throw TransitionInterditeException.depuis(procedure.statut(), "abandonner la procédure " + procedureId);
        }
        if (motif == null || motif.isBlank() || motif.length() > BesoinPropose.LONGUEUR_MAX_COMMENTAIRE) {
            throw new ValeurInvalideException("motif", "Indiquez pourquoi la procédure est abandonnée (2 000 caractères "
                    + "au plus).");
        }
        remplacer(procedure.abandonnee(motif.strip()));
        evenements.add(new EvenementPlan.ProcedureAbandonnee(annee, procedureId));
    }

    // --- members' needs -------------------------------------------------------------------------------------

    public BesoinPropose proposer(String id, Siren membre, String objet, FamilleAchat famille, Montant valeurEstimee,
            String commentaire) {
        if (besoins.size() >= BESOINS_MAX) {
            throw new ValeurInvalideException("besoins", "Un plan reçoit au plus " + BESOINS_MAX + " besoins.");
        }
        BesoinPropose besoin = new BesoinPropose(id, membre, objet, famille, valeurEstimee, commentaire,
                BesoinPropose.Statut.PROPOSE, null, null);
        besoins.add(besoin);
        evenements.add(new EvenementPlan.BesoinPropose(annee, id, membre));
        return besoin;
    }

    /** The need joins a planned procedure of its family: the member is added, the value grows by the need's. */
    public void accepter(String besoinId, String procedureId) {
        BesoinPropose besoin = besoinPropose(besoinId);
        ProcedurePlanifiee procedure = procedure(procedureId);
        if (procedure.statut() != StatutProcedurePlanifiee.PREVUE) {
            throw TransitionInterditeException.depuis(procedure.statut(), "ajouter un besoin à la procédure "
                    + procedureId);
        }
        if (procedure.familleAchat() != besoin.familleAchat()) {
            throw new ValeurInvalideException("procedureId", "Le besoin relève de la famille « "
                    + besoin.familleAchat().libelle() + " », la procédure de « " + procedure.familleAchat().libelle()
                    + " ».");
        }
        remplacer(procedure.avecBesoin(besoin.membre(), besoin.valeurEstimee()));
        besoins.set(besoins.indexOf(besoin), besoin.accepte(procedureId));
        evenements.add(new EvenementPlan.BesoinAccepte(annee, besoinId, procedureId));
    }

    public void refuser(String besoinId, String motif) {
        BesoinPropose besoin = besoinPropose(besoinId);
        if (motif == null || motif.isBlank() || motif.length() > BesoinPropose.LONGUEUR_MAX_COMMENTAIRE) {
            throw new ValeurInvalideException("motif", "Indiquez pourquoi le besoin est refusé (2 000 caractères au "
                    + "plus).");
        }
        besoins.set(besoins.indexOf(besoin), besoin.refuse(motif.strip()));
        evenements.add(new EvenementPlan.BesoinRefuse(annee, besoinId));
    }

    // --- views -----------------------------------------------------------------------------------------------

    /**
     * The family's procedures counted in the year's needs (planned or launched), except the one launched as
     * {@code consultationExclue}: what {@link Fractionnement} adds to a consultation's own value.
     */
    public List<Fractionnement.ProcedureComptee> procedureComptees(FamilleAchat famille, String consultationExclue) {
        return procedures.stream()
                .filter(p -> p.familleAchat() == famille && p.compte())
                .filter(p -> consultationExclue == null || !consultationExclue.equals(p.consultationId()))
                .map(p -> new Fractionnement.ProcedureComptee(p.id(), p.objet(), p.valeurEstimee()))
                .toList();
    }

    /** Planned and launched amounts and counts of one quarter and family. */
    public record Cellule(Montant prevu, Montant lance, int procedures, int lancees) {
        static final Cellule VIDE = new Cellule(Montant.ZERO, Montant.ZERO, 0, 0);

        Cellule plus(ProcedurePlanifiee p) {
            boolean lancee = p.statut() == StatutProcedurePlanifiee.LANCEE;
            return new Cellule(prevu.plus(p.valeurEstimee()), lancee ? lance.plus(p.valeurEstimee()) : lance,
                    procedures + 1, lancees + (lancee ? 1 : 0));
        }
    }

    /** The view of the year: per quarter (1–4) and family, the planned and launched amounts (abandoned left out). */
    public Map<Integer, Map<FamilleAchat, Cellule>> synthese() {
        Map<Integer, Map<FamilleAchat, Cellule>> vue = new TreeMap<>();
        for (ProcedurePlanifiee p : procedures) {
            if (p.compte()) {
                vue.computeIfAbsent(p.trimestre(), t -> new EnumMap<>(FamilleAchat.class))
                        .merge(p.familleAchat(), Cellule.VIDE.plus(p), (a, b) -> a.plus(p));
            }
        }
        return vue;
    }

    public int annee() {
        return annee;
    }

    public List<ProcedurePlanifiee> procedures() {
        return List.copyOf(procedures);
    }

    public List<BesoinPropose> besoins() {
        return List.copyOf(besoins);
    }

    public long version() {
        return version;
    }

    public List<EvenementPlan> evenementsEnAttente() {
        return List.copyOf(evenements);
    }

    private ProcedurePlanifiee procedure(String id) {
        return procedures.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow(() ->
                new RessourceIntrouvableException("Procédure " + id + " absente du plan " + annee + "."));
    }

    private BesoinPropose besoinPropose(String id) {
        BesoinPropose besoin = besoins.stream().filter(b -> b.id().equals(id)).findFirst().orElseThrow(() ->
                new RessourceIntrouvableException("Besoin " + id + " absent du plan " + annee + "."));
        if (besoin.statut() != BesoinPropose.Statut.PROPOSE) {
            throw TransitionInterditeException.depuis(besoin.statut(), "décider du besoin " + id);
        }
        return besoin;
    }

    private void remplacer(ProcedurePlanifiee nouvelle) {
        for (int i = 0; i < procedures.size(); i++) {
            if (procedures.get(i).id().equals(nouvelle.id())) {
                procedures.set(i, nouvelle);
                return;
            }
        }
        throw new IllegalStateException("unknown procedure " + nouvelle.id());
    }
}
