package fr.centraleachat.marche.analyse.domain;

import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.RegleMetierException;
import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.kernel.Siret;
import fr.centraleachat.kernel.TransitionInterditeException;
import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.marche.consultation.domain.CritereAttribution;
import fr.centraleachat.marche.consultation.domain.TypeCritere;
import fr.centraleachat.marche.fichier.domain.FichierStocke;
import fr.centraleachat.marche.reglementation.HeureDeParis;
import fr.centraleachat.marche.reglementation.Nature;
import fr.centraleachat.marche.reglementation.Procedure;
import fr.centraleachat.marche.reglementation.SeuilsEnVigueur;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The analysis of one lot after the opening, up to its award and notification. Price criteria are scored by the
 * rule weight × (lowest price / this price) over the admitted offers; the others by the acheteur (0 to the weight,
 * motivated). Offers are ranked by total score, then lower price, then earlier receipt. An abnormally low price is
 * flagged with its computation and must be examined before the award; the award goes to the best-ranked admitted
 * offer unless a justification is given (it then stands out). A lot without any admitted offer is infructueux.
 */
public final class AnalyseLot {

    private static final BigDecimal CENT = BigDecimal.valueOf(100);

    /** The award, as decided. */
    public record Attribution(Siret titulaire, String numeroPli, String justification, boolean choixHorsClassement,
            Instant le) {
    }

    /** The rejection notices sent to the unsuccessful bidders, and the standstill they start. */
    public record Rejets(Instant envoyesLe, boolean electronique, Instant finSuspension, List<LettreDeRejet> lettres) {
        public Rejets {
            lettres = List.copyOf(lettres == null ? List.of() : lettres);
        }
    }

    /** The letter one unsuccessful bidder was sent, kept as written (its file and fingerprint). */
    public record LettreDeRejet(String numeroPli, Siret destinataire, FichierStocke fichier) {
        public LettreDeRejet {
            Objects.requireNonNull(numeroPli, "numeroPli");
            Objects.requireNonNull(destinataire, "destinataire");
            Objects.requireNonNull(fichier, "fichier");
        }
    }

    /**
     * An offer that was not retained, as its rejection letter states it: its rank and scores when it was admitted
     * ({@code classement}), or the reason of its exclusion.
     */
    public record NonRetenue(Offre offre, Classement classement) {
    }

    private final String consultationId;
    private final int lot;
    private final Procedure procedure;
    private final List<CritereAttribution> criteres;
    private final BigDecimal seuilPrixBasPourcent;
    private final List<Offre> offres;
    private final int offresRecues;
    private StatutLot statut;
    private Attribution attribution;
    private Rejets rejets;
    private String raisonInfructueux;
    private String numeroMarche;
    private Marche marche;
    private Resiliation resiliation;
    private final List<Avenant> avenants;
    private final long version;
    private final boolean nouvelle;
    private final List<EvenementAnalyse> evenements = new ArrayList<>();

    private AnalyseLot(String consultationId, int lot, Procedure procedure, List<CritereAttribution> criteres,
            BigDecimal seuilPrixBasPourcent, List<Offre> offres, int offresRecues, StatutLot statut,
            Attribution attribution, Rejets rejets, String raisonInfructueux, Marche marche, Resiliation resiliation,
            List<Avenant> avenants, long version, boolean nouvelle) {
        this.consultationId = Objects.requireNonNull(consultationId, "consultationId");
        this.lot = lot;
        this.procedure = Objects.requireNonNull(procedure, "procedure");
        this.criteres = List.copyOf(criteres);
        this.seuilPrixBasPourcent = Objects.requireNonNull(seuilPrixBasPourcent, "seuilPrixBasPourcent");
        this.offres = new ArrayList<>(offres);
        this.offresRecues = offresRecues;
        this.statut = Objects.requireNonNull(statut, "statut");
        this.attribution = attribution;
        this.rejets = rejets;
        this.raisonInfructueux = raisonInfructueux;
        this.marche = marche;
        this.numeroMarche = marche == null ? null : marche.numero();
        this.resiliation = resiliation;
        this.avenants = new ArrayList<>(avenants);
        this.version = version;
        this.nouvelle = nouvelle;
    }

    public static String identifiant(String consultationId, int lot) {
        return consultationId + ":" + lot;
    }

    /** Starts the analysis of a lot with the offers in force at the opening (late ones are never admitted). */
    public static AnalyseLot ouvrir(String consultationId, int lot, Procedure procedure,
            List<CritereAttribution> criteres, BigDecimal seuilPrixBasPourcent, List<Offre> offres) {
        return new AnalyseLot(consultationId, lot, procedure, criteres, seuilPrixBasPourcent, offres, offres.size(),
                StatutLot.OUVERT, null, null, null, null, null, List.of(), 0, true);
    }

    public static AnalyseLot reconstituer(String consultationId, int lot, Procedure procedure,
            List<CritereAttribution> criteres, BigDecimal seuilPrixBasPourcent, List<Offre> offres, int offresRecues,
            StatutLot statut, Attribution attribution, Rejets rejets, String raisonInfructueux, Marche marche,
            Resiliation resiliation, long version) {
        return reconstituer(consultationId, lot, procedure, criteres, seuilPrixBasPourcent, offres, offresRecues,
                statut, attribution, rejets, raisonInfructueux, marche, resiliation, List.of(), version);
    }

    /** Rebuilds a stored analysis with the avenants of its marché, in their order. */
    public static AnalyseLot reconstituer(String consultationId, int lot, Procedure procedure,
            List<CritereAttribution> criteres, BigDecimal seuilPrixBasPourcent, List<Offre> offres, int offresRecues,
            StatutLot statut, Attribution attribution, Rejets rejets, String raisonInfructueux, Marche marche,
            Resiliation resiliation, List<Avenant> avenants, long version) {
        return new AnalyseLot(consultationId, lot, procedure, criteres, seuilPrixBasPourcent, offres, offresRecues,
                statut, attribution, rejets, raisonInfructueux, marche, resiliation, avenants, version, false);
    }

    // --- the acheteur's decisions ----------------------------------------------------------------------------

    /** Scores an admitted offer on a non-price criterion, 0 to the criterion's weight. */
    public void noter(String numeroPli, String libelleCritere, Note note) {
        exigerStatut("noter une offre", StatutLot.OUVERT);
        CritereAttribution critere = criteres.stream().filter(c -> c.libelle().equalsIgnoreCase(
                libelleCritere == null ? "" : libelleCritere.strip())).findFirst()
                .orElseThrow(() -> new ValeurInvalideException("critere", "Critère inconnu ; critères du lot : "
                        + String.join(", ", criteres.stream().map(CritereAttribution::libelle).toList()) + "."));
        if (critere.type() == TypeCritere.PRIX) {
            throw new ValeurInvalideException("critere", "Le critère « " + critere.libelle()
                    + " » porte sur le prix : il est noté automatiquement.");
        }
        if (note.valeur().compareTo(BigDecimal.valueOf(critere.ponderation())) > 0) {
            throw new ValeurInvalideException("note", "La note sur le critère « " + critere.libelle()
                    + " » est comprise entre 0 et " + critere.ponderation() + ".");
        }
        Offre offre = offreAdmise(numeroPli);
        remplacer(offre, offre.noter(critere.libelle(), note));
        evenements.add(new EvenementAnalyse.OffreNotee(consultationId, lot, numeroPli, critere.libelle()));
    }

    /** Excludes an offer, with its motive; it leaves the ranking. */
    public void exclure(String numeroPli, Offre.Exclusion exclusion) {
        exigerStatut("exclure une offre", StatutLot.OUVERT);
        Offre offre = offreAdmise(numeroPli);
        remplacer(offre, offre.exclure(exclusion));
        evenements.add(new EvenementAnalyse.OffreExclue(consultationId, lot, numeroPli, exclusion.motif()));
    }

    /** Records the examination of an abnormally low price: justified keeps the offer, not justified excludes it. */
    public void examinerPrixBas(String numeroPli, Offre.DecisionPrixBas decision) {
        exigerStatut("examiner une offre anormalement basse", StatutLot.OUVERT);
        Offre offre = offreAdmise(numeroPli);
        if (prixAnormalementBas().stream().noneMatch(p -> p.numeroPli().equals(numeroPli))) {
            throw new RegleMetierException("numeroPli", "L'offre " + numeroPli
                    + " n'est pas détectée comme anormalement basse.");
        }
        Offre decidee = offre.decider(decision);
        if (!decision.justifiee()) {
            decidee = decidee.exclure(new Offre.Exclusion(MotifExclusion.ANORMALEMENT_BASSE, decision.raison()));
        }
        remplacer(offre, decidee);
        evenements.add(new EvenementAnalyse.PrixBasExamine(consultationId, lot, numeroPli, decision.justifiee()));
    }

    /**
     * Awards the lot. Every admitted offer must be scored on every non-price criterion and every abnormally low
     * price examined. Without {@code numeroPli} the best-ranked offer wins; another choice needs a justification.
     */
    public Attribution attribuer(String numeroPli, String justification, Instant maintenant) {
        exigerStatut("attribuer le lot", StatutLot.OUVERT);
        List<Classement> classement = classement();
        if (classement.isEmpty()) {
            throw new RegleMetierException("Aucune offre admise sur le lot " + lot
                    + " : déclarez-le infructueux.");
        }
        List<String> manquantes = notesManquantes();
        if (!manquantes.isEmpty()) {
            throw new RegleMetierException("notes", "Notes manquantes avant l'attribution : "
                    + String.join(" ; ", manquantes) + ".");
        }
        List<String> aExaminer = prixAnormalementBas().stream()
                .filter(p -> offre(p.numeroPli()).decisionPrixBas() == null).map(PrixAnormalementBas::numeroPli).toList();
        if (!aExaminer.isEmpty()) {
            throw new RegleMetierException("offresAnormalementBasses", "Offres anormalement basses à examiner avant "
                    + "l'attribution : " + String.join(", ", aExaminer) + ".");
        }
        Classement premier = classement.get(0);
        String retenu = numeroPli == null || numeroPli.isBlank() ? premier.numeroPli() : numeroPli.strip();
        Offre titulaire = offreAdmise(retenu);
        boolean horsClassement = !retenu.equals(premier.numeroPli());
        String motif = null;
        if (horsClassement) {
            motif = Textes.exiger(justification, "justification", "Attribuer à une offre qui n'est pas classée "
                    + "première (" + premier.numeroPli() + ") doit être justifié.");
        }
        attribution = new Attribution(titulaire.soumissionnaire(), retenu, motif, horsClassement, maintenant);
        statut = StatutLot.ATTRIBUE;
        evenements.add(new EvenementAnalyse.LotAttribue(consultationId, lot, titulaire.soumissionnaire(),
                horsClassement, maintenant));
        return attribution;
    }

    /** A lot with no admissible offer: infructueux, with its reason. */
    public void declarerInfructueux(String raison, Instant maintenant) {
        exigerStatut("déclarer le lot infructueux", StatutLot.OUVERT);
        if (offres.stream().anyMatch(Offre::admise)) {
            throw new RegleMetierException("Le lot " + lot + " a des offres admises : attribuez-le, ou excluez-les "
                    + "avec leur motif avant de le déclarer infructueux.");
        }
        raisonInfructueux = Textes.exiger(raison, "raison", "La raison de l'infructuosité est obligatoire.");
        statut = StatutLot.INFRUCTUEUX;
        evenements.add(new EvenementAnalyse.LotInfructueux(consultationId, lot, raisonInfructueux, maintenant));
    }

    /**
     * Who must receive a rejection letter: every offer but the titulaire's, ranked or excluded. Asked before the
     * letters are written, so it refuses as {@link #envoyerRejets} would.
     */
    public List<NonRetenue> nonRetenues() {
        exigerStatut("envoyer les lettres de rejet", StatutLot.ATTRIBUE);
        if (rejets != null) {
            throw new TransitionInterditeException(statut.name(), "Les lettres de rejet du lot " + lot
                    + " ont déjà été envoyées.");
        }
        Map<String, Classement> rangs = new LinkedHashMap<>();
        classement().forEach(c -> rangs.put(c.numeroPli(), c));
        return offres.stream().filter(o -> !o.numeroPli().equals(attribution.numeroPli()))
                .map(o -> new NonRetenue(o, rangs.get(o.numeroPli())))
                .sorted(Comparator.comparing((NonRetenue n) -> n.classement() == null ? Integer.MAX_VALUE
                        : n.classement().rang()).thenComparing(n -> n.offre().numeroPli()))
                .toList();
    }

    /** The end of the standstill that rejection letters sent at {@code envoi} would start, if any. */
    public Optional<Instant> finDeSuspension(Instant envoi, boolean electronique, boolean marcheSubsequent) {
        return DelaiDeSuspension.fin(envoi, electronique, procedure, offresRecues, marcheSubsequent);
    }

    /**
     * The rejection letters are sent, one to each offer not retained: the standstill starts (when the procedure
     * has one).
     */
    public Rejets envoyerRejets(Instant maintenant, boolean electronique, boolean marcheSubsequent,
            List<LettreDeRejet> lettres) {
        List<String> attendues = nonRetenues().stream().map(n -> n.offre().numeroPli()).sorted().toList();
        List<String> ecrites = lettres.stream().map(LettreDeRejet::numeroPli).sorted().toList();
        if (!attendues.equals(ecrites)) {
            throw new IllegalArgumentException("Rejection letters for " + ecrites + ", expected " + attendues);
        }
        Instant fin = finDeSuspension(maintenant, electronique, marcheSubsequent).orElse(null);
        rejets = new Rejets(maintenant, electronique, fin, lettres);
        evenements.add(new EvenementAnalyse.RejetsEnvoyes(consultationId, lot, maintenant, fin));
        return rejets;
    }

    /** Notifies the marché of the lot: after the standstill, once the unsuccessful bidders were told. */
    public void notifier(Marche nouveau, Instant maintenant) {
        exigerStatut("notifier le marché", StatutLot.ATTRIBUE);
        boolean autresOffres = offres.size() > 1;
        if (autresOffres && rejets == null) {
            throw new RegleMetierException("rejets", "Envoyez d'abord les lettres de rejet aux autres soumissionnaires.");
        }
        if (rejets != null && rejets.finSuspension() != null && maintenant.isBefore(rejets.finSuspension())) {
            throw new RegleMetierException("finSuspension", "Le délai de suspension court jusqu'au "
                    + fr.centraleachat.marche.reglementation.HeureDeParis.formater(rejets.finSuspension())
                    + " : le marché ne peut pas être notifié avant.");
        }
        if (!nouveau.titulaireSiret().equals(attribution.titulaire()) || nouveau.lot() != lot) {
            throw new IllegalArgumentException("The marché must be the attributed lot's, with its titulaire");
        }
        marche = nouveau;
        numeroMarche = nouveau.numero();
        statut = StatutLot.NOTIFIE;
        evenements.add(new EvenementAnalyse.LotNotifie(consultationId, lot, numeroMarche, maintenant));
    }

    /** The marché ends early, from {@code dateEffet}, for the reason given (a decision of the acheteur). */
    public record Resiliation(LocalDate dateEffet, String motif, Instant le) {
    }

    /**
     * Terminates the notified marché from {@code dateEffet}: from its start to its end date, once. The marché's
     * beneficiaries can no longer order on it from that day.
     */
    public void resilier(LocalDate dateEffet, String motif, Instant maintenant) {
        exigerStatut("résilier le marché", StatutLot.NOTIFIE);
        if (resiliation != null) {
            throw new TransitionInterditeException("RESILIE", "Le marché " + numeroMarche + " est déjà résilié depuis le "
                    + resiliation.dateEffet() + ".");
        }
        if (dateEffet.isBefore(marche.dateDebut()) || dateEffet.isAfter(dateFinActuelle())) {
            throw new ValeurInvalideException("dateEffet", "La résiliation prend effet entre le début ("
                    + marche.dateDebut() + ") et la fin (" + dateFinActuelle() + ") du marché.");
        }
        resiliation = new Resiliation(dateEffet, Textes.exiger(motif, "motif", "Indiquez le motif de la résiliation."), maintenant);
        evenements.add(new EvenementAnalyse.MarcheResilie(consultationId, lot, numeroMarche, dateEffet, maintenant));
    }

    /** A bound on the document, far above practice. */
    public static final int AVENANTS_MAX = 100;

    /**
     * Concludes an avenant to the notified marché, within the limits of its legal ground (DOMAIN §3): de minimis
     * changes (R2194-8), counted together in absolute value, stay under the EU threshold in force on the avenant's
     * date and under 10 % of the initial amount (15 % for works); a change for supplementary services (R2194-2) or
     * unforeseen circumstances (R2194-5) is at most 50 % of the initial amount (R2194-3). The initial amount is the
     * marché's, or an accord-cadre's maximum. A refusal shows the computation.
     *
     * @param montant the change, negative for a decrease; null or zero when only the end date changes
     * @param nouvelleDateFin null to keep the term
     * @param seuils the thresholds in force on {@code date}
     * @throws TransitionInterditeException unless notified and not terminated
     * @throws RegleMetierException when the avenant exceeds its limits (field {@code montantHt}) or dates are wrong
     */
    public Avenant conclureAvenant(BaseLegaleAvenant base, BigDecimal montant, LocalDate nouvelleDateFin,
            String justification, LocalDate date, SeuilsEnVigueur seuils, Instant maintenant) {
        exigerStatut("conclure un avenant", StatutLot.NOTIFIE);
        if (resiliation != null) {
            throw new TransitionInterditeException("RESILIE", "Le marché " + numeroMarche + " est résilié depuis le "
                    + resiliation.dateEffet() + " : il ne peut plus être modifié.");
        }
        if (avenants.size() >= AVENANTS_MAX) {
            throw new TransitionInterditeException(statut.name(), "Le marché " + numeroMarche + " compte déjà "
                    + AVENANTS_MAX + " avenants.");
        }
        Avenant avenant = new Avenant(avenants.size() + 1, base, montant, nouvelleDateFin, justification, date,
                maintenant);
        LocalDate notification = HeureDeParis.date(marche.dateNotification());
        if (date.isBefore(notification) || date.isAfter(HeureDeParis.date(maintenant))) {
            throw new RegleMetierException("date", "L'avenant est daté entre la notification du marché ("
                    + HeureDeParis.formater(notification) + ") et aujourd'hui.");
        }
        if (nouvelleDateFin != null) {
            if (!nouvelleDateFin.isAfter(marche.dateDebut()) || nouvelleDateFin.equals(dateFinActuelle())) {
                throw new RegleMetierException("nouvelleDateFin", "La nouvelle date de fin doit suivre le début du marché"
                        + " (" + marche.dateDebut() + ") et différer de sa fin actuelle (" + dateFinActuelle() + ").");
            }
            LocalDate limite = marche.dateDebut().plusMonths(Marche.DUREE_MAX_ACCORD_CADRE_MOIS).minusDays(1);
            if (marche.forme().estAccordCadre() && nouvelleDateFin.isAfter(limite)) {
                throw new RegleMetierException("nouvelleDateFin", "Un accord-cadre dure au plus 4 ans : il finit au plus"
                        + " tard le " + limite + ".");
            }
        }
        BigDecimal variation = avenant.montantHt();
        if (variation.signum() == 0 && nouvelleDateFin == null) {
            throw new RegleMetierException("montantHt", "L'avenant modifie le montant, la date de fin, ou les deux.");
        }
        BigDecimal initial = montantInitial().valeurHt();
        BigDecimal apres = montantActuel().add(variation);
        if (apres.signum() <= 0) {
            throw new RegleMetierException("montantHt", "Après l'avenant, le montant du marché serait de " + euros(apres)
                    + " : il doit rester positif.");
        }
        if (base == BaseLegaleAvenant.DE_MINIMIS) {
            BigDecimal cumul = variation.abs();
            for (Avenant precedent : avenants) {
                if (precedent.baseLegale() == BaseLegaleAvenant.DE_MINIMIS) {
                    cumul = cumul.add(precedent.montantHt().abs());
                }
            }
            BigDecimal pourcent = BigDecimal.valueOf(marche.nature() == Nature.TRAVAUX ? 15 : 10);
            BigDecimal plafond = initial.multiply(pourcent).divide(CENT, 2, RoundingMode.DOWN);
            BigDecimal seuilEuropeen = seuils.seuilEuropeen(marche.nature()).valeurHt();
            if (cumul.compareTo(plafond) >= 0 || cumul.compareTo(seuilEuropeen) >= 0) {
                throw new RegleMetierException("montantHt", "Avenant refusé (article R2194-8) : les modifications de"
                        + " faible montant cumulées atteindraient " + euros(cumul) + " (dont celle-ci : "
                        + euros(variation.abs()) + "), soit " + pourcent(cumul, initial) + " du montant initial de "
                        + euros(initial) + " ; elles doivent rester sous " + pourcent + " % (" + euros(plafond)
                        + ") et sous le seuil européen (" + euros(seuilEuropeen) + " au "
                        + HeureDeParis.formater(seuils.dateEffet()) + ").");
            }
        } else if (base.plafonneeParModification()) {
            BigDecimal plafond = initial.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
            if (variation.abs().compareTo(plafond) > 0) {
                throw new RegleMetierException("montantHt", "Avenant refusé (articles R2194-3 et R2194-5) : une"
                        + " modification pour " + base.libelle() + " ne peut dépasser 50 % du montant initial de "
                        + euros(initial) + ", soit " + euros(plafond) + " ; celle-ci est de " + euros(variation.abs())
                        + " (" + pourcent(variation.abs(), initial) + ").");
            }
        }
        avenants.add(avenant);
        evenements.add(new EvenementAnalyse.AvenantConclu(consultationId, lot, numeroMarche, avenant.numero(),
                maintenant));
        return avenant;
    }

    /** What the marché was notified for: its amount, or an accord-cadre's maximum. */
    public Montant montantInitial() {
        exigerMarche();
        return marche.forme().estAccordCadre() ? marche.montantMaximumHt() : marche.montantHt();
    }

    /** The initial amount (or maximum) with every avenant's change. */
    public BigDecimal montantActuel() {
        BigDecimal actuel = montantInitial().valeurHt();
        for (Avenant avenant : avenants) {
            actuel = actuel.add(avenant.montantHt());
        }
        return actuel;
    }

    /** The marché's end, as the last avenant that moved it set it. */
    public LocalDate dateFinActuelle() {
        exigerMarche();
        LocalDate fin = marche.dateFin();
        for (Avenant avenant : avenants) {
            if (avenant.nouvelleDateFin() != null) {
                fin = avenant.nouvelleDateFin();
            }
        }
        return fin;
    }

    public List<Avenant> avenants() {
        return List.copyOf(avenants);
    }

    private void exigerMarche() {
        if (marche == null) {
            throw new IllegalStateException("lot " + lot + " of " + consultationId + " has no marché");
        }
    }

    private static String euros(BigDecimal montant) {
        return montant.setScale(2, RoundingMode.HALF_UP).toPlainString() + " € HT";
    }

    private static String pourcent(BigDecimal part, BigDecimal total) {
        return part.multiply(CENT).divide(total, 2, RoundingMode.HALF_UP).toPlainString() + " %";
    }

    // --- computed views -----------------------------------------------------------------------------------

    /** The admitted offers ranked; ties by lower price, then earlier receipt. */
    public List<Classement> classement() {
        List<Offre> admises = offres.stream().filter(Offre::admise).toList();
        if (admises.isEmpty()) {
            return List.of();
        }
        BigDecimal prixMin = admises.stream().map(o -> o.prixHt().valeurHt()).min(Comparator.naturalOrder()).orElseThrow();
        record Calcul(Offre offre, Map<String, BigDecimal> notes, BigDecimal total) {
        }
        List<Calcul> calculs = new ArrayList<>();
        for (Offre offre : admises) {
            Map<String, BigDecimal> notes = new LinkedHashMap<>();
            for (CritereAttribution critere : criteres) {
                BigDecimal note;
                if (critere.type() == TypeCritere.PRIX) {
                    note = offre.prixHt().valeurHt().signum() == 0 ? BigDecimal.valueOf(critere.ponderation())
                            : BigDecimal.valueOf(critere.ponderation()).multiply(prixMin)
                                    .divide(offre.prixHt().valeurHt(), 2, RoundingMode.HALF_UP);
                } else {
                    Note donnee = offre.notes().get(critere.libelle());
                    note = donnee == null ? BigDecimal.ZERO : donnee.valeur();
                }
                notes.put(critere.libelle(), note.setScale(2, RoundingMode.HALF_UP));
            }
            calculs.add(new Calcul(offre, notes, notes.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)));
        }
        calculs.sort(Comparator.comparing(Calcul::total).reversed()
                .thenComparing(c -> c.offre().prixHt().valeurHt())
                .thenComparing(c -> c.offre().recuLe()));
        List<Classement> classement = new ArrayList<>();
        for (int i = 0; i < calculs.size(); i++) {
            Calcul c = calculs.get(i);
            classement.add(new Classement(i + 1, c.offre().numeroPli(), c.offre().soumissionnaire(), c.total(),
                    c.notes()));
        }
        return classement;
    }

    /**
     * Offers whose price is more than the threshold under the mean of the other admitted offers' prices (needs at
     * least one other admitted offer). The computation is shown, never acted on automatically.
     */
    public List<PrixAnormalementBas> prixAnormalementBas() {
        List<Offre> admises = offres.stream().filter(o -> o.admise() || o.decisionPrixBas() != null).toList();
        List<PrixAnormalementBas> detectes = new ArrayList<>();
        for (Offre offre : admises) {
            List<BigDecimal> autres = admises.stream().filter(o -> o != offre).map(o -> o.prixHt().valeurHt()).toList();
            if (autres.isEmpty()) {
                continue;
            }
            BigDecimal moyenne = autres.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(autres.size()), 2, RoundingMode.HALF_UP);
            if (moyenne.signum() == 0) {
                continue;
            }
            BigDecimal ecart = moyenne.subtract(offre.prixHt().valeurHt()).multiply(CENT)
                    .divide(moyenne, 1, RoundingMode.HALF_UP);
            if (ecart.compareTo(seuilPrixBasPourcent) > 0) {
                detectes.add(new PrixAnormalementBas(offre.numeroPli(), offre.soumissionnaire(),
                        offre.prixHt().valeurHt(), moyenne, ecart, seuilPrixBasPourcent,
                        "Prix inférieur de plus de " + seuilPrixBasPourcent.stripTrailingZeros().toPlainString()
                                + " % à la moyenne des prix des autres offres admises"));
            }
        }
        return detectes;
    }

    /** What is still to score before the award: "offre X : critère Y". */
    public List<String> notesManquantes() {
        List<String> manquantes = new ArrayList<>();
        for (Offre offre : offres) {
            if (!offre.admise()) {
                continue;
            }
            for (CritereAttribution critere : criteres) {
                if (critere.type() != TypeCritere.PRIX && !offre.notes().containsKey(critere.libelle())) {
                    manquantes.add("offre " + offre.numeroPli() + " : critère « " + critere.libelle() + " »");
                }
            }
        }
        return manquantes;
    }

    private Offre offreAdmise(String numeroPli) {
        Offre offre = offre(numeroPli);
        if (!offre.admise()) {
            throw new TransitionInterditeException("EXCLUE", "L'offre " + numeroPli + " a été exclue de l'analyse.");
        }
        return offre;
    }

    public Offre offre(String numeroPli) {
        return offres.stream().filter(o -> o.numeroPli().equals(numeroPli)).findFirst()
                .orElseThrow(() -> new RessourceIntrouvableException("Aucune offre " + numeroPli + " sur le lot " + lot + "."));
    }

    private void remplacer(Offre avant, Offre apres) {
        offres.set(offres.indexOf(avant), apres);
    }

    private void exigerStatut(String action, StatutLot attendu) {
        if (statut != attendu) {
            throw new TransitionInterditeException(statut.name(), "Impossible de " + action + " : le lot " + lot
                    + " est " + statut.name() + ".");
        }
    }

    public List<EvenementAnalyse> evenementsEnAttente() {
        return List.copyOf(evenements);
    }

    public String id() {
        return identifiant(consultationId, lot);
    }

    public String consultationId() {
        return consultationId;
    }

    public int lot() {
        return lot;
    }

    public Procedure procedure() {
        return procedure;
    }

    public List<CritereAttribution> criteres() {
        return criteres;
    }

    public BigDecimal seuilPrixBasPourcent() {
        return seuilPrixBasPourcent;
    }

    public List<Offre> offres() {
        return List.copyOf(offres);
    }

    public int offresRecues() {
        return offresRecues;
    }

    public StatutLot statut() {
        return statut;
    }

    public Optional<Attribution> attribution() {
        return Optional.ofNullable(attribution);
    }

    public Optional<Rejets> rejets() {
        return Optional.ofNullable(rejets);
    }

    public Optional<String> raisonInfructueux() {
        return Optional.ofNullable(raisonInfructueux);
    }

    public Optional<Marche> marche() {
        return Optional.ofNullable(marche);
    }

    public Optional<Resiliation> resiliation() {
        return Optional.ofNullable(resiliation);
    }

    public Optional<String> numeroMarche() {
        return Optional.ofNullable(numeroMarche);
    }

    public long version() {
        return version;
    }

    public boolean estNouvelle() {
        return nouvelle;
    }

    /** Whether this lot is settled (notified or infructueux) for the consultation to be NOTIFIEE. */
    public boolean estTermine() {
        return Set.of(StatutLot.NOTIFIE, StatutLot.INFRUCTUEUX).contains(statut);
    }
}
