package fr.centraleachat.marche.consultation.domain;

import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.RegleMetierException;
import fr.centraleachat.kernel.TransitionInterditeException;
import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.marche.reglementation.ControleDlro;
import fr.centraleachat.marche.reglementation.DelaiReduit;
import fr.centraleachat.marche.reglementation.DelaisReglementaires;
import fr.centraleachat.marche.reglementation.GrilleDesSeuils;
import fr.centraleachat.marche.reglementation.HeureDeParis;
import fr.centraleachat.marche.reglementation.Nature;
import fr.centraleachat.marche.reglementation.Procedure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One procurement procedure, from draft to notification (DOMAIN §4). Each business step checks the current
 * state, then records a past-tense event that the application publishes once the aggregate is saved.
 */
public final class Consultation {

    public static final int LONGUEUR_MAX_RAISON = 2000;
    /** A bound on the document, far above practice (a consultation rarely needs more than a few). */
    public static final int RECTIFICATIFS_MAX = 50;

    private final ConsultationId id;
    private final String acheteur;
    private final long version;
    private ContenuConsultation contenu;
    private StatutConsultation statut;
    private Procedure procedure;
    private Instant datePublication;
    private Boolean publiciteBoampOuJalRequise;
    private String raisonSansSuite;
    private final List<Rectificatif> rectificatifs;
    private final Mutualisation mutualisation;
    private final List<EvenementConsultation> evenements = new ArrayList<>();

    private Consultation(ConsultationId id, ContenuConsultation contenu, String acheteur, StatutConsultation statut,
                         Procedure procedure, Instant datePublication, Boolean publiciteBoampOuJalRequise,
                         String raisonSansSuite, List<Rectificatif> rectificatifs, Mutualisation mutualisation,
                         long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.contenu = Objects.requireNonNull(contenu, "contenu");
        this.acheteur = Objects.requireNonNull(acheteur, "acheteur");
        this.statut = Objects.requireNonNull(statut, "statut");
        this.procedure = procedure;
        this.datePublication = datePublication;
        this.publiciteBoampOuJalRequise = publiciteBoampOuJalRequise;
        this.raisonSansSuite = raisonSansSuite;
        this.rectificatifs = new ArrayList<>(rectificatifs);
        this.mutualisation = mutualisation == null ? Mutualisation.AUCUNE : mutualisation;
        this.version = version;
    }

    /** A new draft; {@code acheteur} is the subject of the acheteur who creates it. */
    public static Consultation creer(ConsultationId id, ContenuConsultation contenu, String acheteur) {
        return creer(id, contenu, acheteur, Mutualisation.AUCUNE);
    }

    /**
     * A new draft that mutualises needs: drafted from a recensement, or launched for a groupement de commandes
     * (whose members at launch are the only possible beneficiaries).
     */
    public static Consultation creer(ConsultationId id, ContenuConsultation contenu, String acheteur,
                                     Mutualisation mutualisation) {
        if (acheteur == null || acheteur.isBlank()) {
            throw new ValeurInvalideException("acheteur", "L'acheteur à l'origine de la consultation est obligatoire.");
        }
        Objects.requireNonNull(contenu, "contenu").exigerFamilleAchat();
        Objects.requireNonNull(mutualisation, "mutualisation").verifierBeneficiaires(contenu.beneficiaires());
        Consultation consultation = new Consultation(id, contenu, acheteur, StatutConsultation.BROUILLON,
                null, null, null, null, List.of(), mutualisation, 0);
        consultation.enregistrer(new ConsultationCreee(id, contenu.objet(), contenu.nature(), contenu.cpvPrincipal(),
                contenu.valeurEstimeeTotale(), acheteur));
        return consultation;
    }

    /**
     * Rebuilds a stored consultation as it was saved, without recording any event.
     *
     * @param publiciteBoampOuJalRequise decided at publication; null before it (or if stored before it was kept)
     */
    public static Consultation reconstituer(ConsultationId id, ContenuConsultation contenu, String acheteur,
                                            StatutConsultation statut, Procedure procedure, Instant datePublication,
                                            Boolean publiciteBoampOuJalRequise, String raisonSansSuite, long version) {
        return reconstituer(id, contenu, acheteur, statut, procedure, datePublication, publiciteBoampOuJalRequise,
                raisonSansSuite, List.of(), version);
    }

    /** Rebuilds a stored consultation with its rectificatifs, in their order. */
    public static Consultation reconstituer(ConsultationId id, ContenuConsultation contenu, String acheteur,
                                            StatutConsultation statut, Procedure procedure, Instant datePublication,
                                            Boolean publiciteBoampOuJalRequise, String raisonSansSuite,
                                            List<Rectificatif> rectificatifs, long version) {
        return reconstituer(id, contenu, acheteur, statut, procedure, datePublication, publiciteBoampOuJalRequise,
                raisonSansSuite, rectificatifs, Mutualisation.AUCUNE, version);
    }

    /** Rebuilds a stored consultation with its rectificatifs and what it mutualises. */
    public static Consultation reconstituer(ConsultationId id, ContenuConsultation contenu, String acheteur,
                                            StatutConsultation statut, Procedure procedure, Instant datePublication,
                                            Boolean publiciteBoampOuJalRequise, String raisonSansSuite,
                                            List<Rectificatif> rectificatifs, Mutualisation mutualisation,
                                            long version) {
        // Corrupt data would otherwise surface later as a confusing business error.
        if (StatutConsultation.PUBLIES.contains(statut) && (procedure == null || datePublication == null)) {
            throw new IllegalArgumentException("Consultation " + id + " is " + statut + " without procedure or publication date");
        }
        if (statut == StatutConsultation.SANS_SUITE && raisonSansSuite == null) {
            throw new IllegalArgumentException("Consultation " + id + " is SANS_SUITE without a reason");
        }
        for (int i = 0; i < rectificatifs.size(); i++) {
            if (rectificatifs.get(i).numero() != i + 1) {
                throw new IllegalArgumentException("Consultation " + id + " has its rectificatifs out of order");
            }
        }
        if (!rectificatifs.isEmpty() && datePublication == null) {
            throw new IllegalArgumentException("Consultation " + id + " has rectificatifs but was never published");
        }
        return new Consultation(id, contenu, acheteur, statut, procedure, datePublication, publiciteBoampOuJalRequise,
                raisonSansSuite, rectificatifs, mutualisation, version);
    }

    public void modifierBrouillon(ContenuConsultation nouveauContenu) {
        exigerStatut("modifier la consultation", Set.of(StatutConsultation.BROUILLON));
        ContenuConsultation avant = contenu;
        Objects.requireNonNull(nouveauContenu, "nouveauContenu").exigerFamilleAchat();
        mutualisation.verifierBeneficiaires(nouveauContenu.beneficiaires());
        contenu = nouveauContenu;
        enregistrer(new ConsultationModifiee(id, avant, contenu));
    }

    /**
     * Publishes the draft. The procedure follows from the total estimated value of all lots and the thresholds
     * in force on the publication date in Europe/Paris; the DLRO must then meet that procedure's minimum.
     *
     * @throws RegleMetierException when the DLRO is refused (field {@code dlro})
     */
    public void publier(Instant maintenant, GrilleDesSeuils seuils, DelaisReglementaires delais) {
        exigerStatut("publier la consultation", Set.of(StatutConsultation.BROUILLON));
        contenu.exigerFamilleAchat();
        Montant valeur = contenu.valeurEstimeeTotale();
        LocalDate dateDeLancement = HeureDeParis.date(maintenant);
        Procedure procedureRetenue = seuils.procedurePour(contenu.nature(), valeur, dateDeLancement);
        ControleDlro controle = delais.verifier(procedureRetenue, maintenant, contenu.dlro(), contenu.delaiReduit());
        boolean publicite = seuils.publiciteBoampOuJalRequise(contenu.nature(), valeur, dateDeLancement);
        statut = StatutConsultation.PUBLIEE;
        procedure = procedureRetenue;
        datePublication = maintenant;
        publiciteBoampOuJalRequise = publicite;
        enregistrer(new ConsultationPubliee(id, procedureRetenue, valeur, publicite,
                maintenant, contenu.dlro(), controle.avertissements()));
    }

    /**
     * Changes the published consultation by a rectificatif, before its DLRO: the reason is required; the DLRO and
     * the question deadline, when one is set, may only be pushed back (one may be set where there was none: any
     * future date before the DLRO). A substantial rectificatif must leave the legal minimum time to
     * bid again, counted from now: when the DLRO in force (the new one, or else the current one) is too close, it is
     * refused on field {@code nouvelleDlro} with the earliest lawful date (the acheteur chooses the new date, it is
     * never moved for them). The new documents of the DCE that come with it point to {@code id}.
     *
     * @param nouvelleDlro null to keep the DLRO
     * @param nouvelleDateLimiteQuestions null to keep the question deadline
     * @throws TransitionInterditeException unless published and before the DLRO
     * @throws RegleMetierException on the field at fault
     */
    public Rectificatif rectifier(String idRectificatif, String raison, Instant nouvelleDlro,
                                  Instant nouvelleDateLimiteQuestions, boolean substantiel, Instant maintenant,
                                  DelaisReglementaires delais) {
        exigerRectifiable(maintenant);
        String raisonValide = Rectificatif.raisonValide(raison);
        Instant dlroPrecedente = contenu.dlro();
        if (nouvelleDlro != null && !nouvelleDlro.isAfter(dlroPrecedente)) {
            throw new RegleMetierException("nouvelleDlro", "La nouvelle date limite de remise des offres ("
                    + HeureDeParis.formater(nouvelleDlro) + ") doit être postérieure à la date actuelle ("
                    + HeureDeParis.formater(dlroPrecedente) + ") : un rectificatif ne peut que la reporter.");
        }
        Instant dlroApres = nouvelleDlro != null ? nouvelleDlro : dlroPrecedente;
        Instant questionsApres = contenu.dateLimiteQuestions();
        if (nouvelleDateLimiteQuestions != null) {
            if (!nouvelleDateLimiteQuestions.isAfter(maintenant)) {
                throw new RegleMetierException("dateLimiteQuestions", "La nouvelle date limite des questions ("
                        + HeureDeParis.formater(nouvelleDateLimiteQuestions) + ") doit être à venir.");
            }
            if (questionsApres != null && nouvelleDateLimiteQuestions.isBefore(questionsApres)) {
                throw new RegleMetierException("dateLimiteQuestions", "La nouvelle date limite des questions ("
                        + HeureDeParis.formater(nouvelleDateLimiteQuestions) + ") ne peut qu'être reportée : elle doit"
                        + " être postérieure ou égale à la date actuelle (" + HeureDeParis.formater(questionsApres)
                        + ").");
            }
            questionsApres = nouvelleDateLimiteQuestions;
        }
        if (substantiel) {
            delais.verifierApresRectificatif(procedure, maintenant, dlroApres, contenu.delaiReduit(), "nouvelleDlro");
        } else if (nouvelleDlro != null) {
            delais.verifierJourOuvre(nouvelleDlro, "nouvelleDlro");
        }
        ContenuConsultation rectifie;
        try {
            rectifie = contenu.avecDates(dlroApres, questionsApres);
        } catch (ValeurInvalideException e) {
            throw new RegleMetierException(e.champ(), e.getMessage());
        }
        Rectificatif rectificatif = new Rectificatif(idRectificatif, rectificatifs.size() + 1, maintenant, raisonValide,
                substantiel, dlroApres, dlroPrecedente, questionsApres);
        contenu = rectifie;
        rectificatifs.add(rectificatif);
        enregistrer(new ConsultationRectifiee(id, rectificatif));
        return rectificatif;
    }

    /**
     * Checks that a rectificatif may be made now: published, DLRO not passed, fewer than {@link #RECTIFICATIFS_MAX}.
     *
     * @throws TransitionInterditeException otherwise
     */
    public void exigerRectifiable(Instant maintenant) {
        exigerStatut("rectifier la consultation", Set.of(StatutConsultation.PUBLIEE));
        if (!maintenant.isBefore(contenu.dlro())) {
            throw new TransitionInterditeException(statut.name(), "Impossible de rectifier la consultation : la date"
                    + " limite de remise des offres (" + HeureDeParis.formater(contenu.dlro()) + ") est passée.");
        }
        if (rectificatifs.size() >= RECTIFICATIFS_MAX) {
            throw new TransitionInterditeException(statut.name(), "Impossible de rectifier la consultation : elle compte"
                    + " déjà " + RECTIFICATIFS_MAX + " rectificatifs.");
        }
    }

    /**
     * Checks that the consultation is open to suppliers now (published, not yet closed), for exchanges such as
     * questions and answers.
     *
     * @throws TransitionInterditeException otherwise, naming {@code action}
     */
    public void exigerPubliee(String action) {
        exigerStatut(action, Set.of(StatutConsultation.PUBLIEE));
    }

    /** Closes receipt of offers; allowed only once the DLRO has passed. */
    public void cloturer(Instant maintenant) {
        exigerStatut("clôturer la consultation", Set.of(StatutConsultation.PUBLIEE));
        if (!maintenant.isAfter(contenu.dlro())) {
            throw new RegleMetierException("dlro", "La consultation ne peut être clôturée qu'après la date limite de"
                    + " remise des offres, fixée au " + HeureDeParis.formater(contenu.dlro()) + ".");
        }
        statut = StatutConsultation.CLOTUREE;
        enregistrer(new ConsultationCloturee(id, maintenant));
    }

    public void ouvrirLesPlis() {
        exigerStatut("ouvrir les plis", Set.of(StatutConsultation.CLOTUREE));
        statut = StatutConsultation.EN_ANALYSE;
        enregistrer(new PlisOuverts(id));
    }

    public void attribuer() {
        exigerStatut("attribuer la consultation", Set.of(StatutConsultation.EN_ANALYSE));
        statut = StatutConsultation.ATTRIBUEE;
        enregistrer(new ConsultationAttribuee(id));
    }

    public void notifier() {
        exigerStatut("notifier le marché", Set.of(StatutConsultation.ATTRIBUEE));
        statut = StatutConsultation.NOTIFIEE;
        enregistrer(new MarcheNotifie(id));
    }

    public void declarerSansSuite(String raison) {
        exigerStatut("déclarer la consultation sans suite", StatutConsultation.OUVERTS);
        if (raison == null || raison.isBlank()) {
            throw new ValeurInvalideException("raison", "La raison de la déclaration sans suite est obligatoire.");
        }
        String raisonNettoyee = raison.strip();
        if (raisonNettoyee.length() > LONGUEUR_MAX_RAISON) {
            throw new ValeurInvalideException("raison", "La raison de la déclaration sans suite ne doit pas dépasser "
                    + LONGUEUR_MAX_RAISON + " caractères.");
        }
        StatutConsultation precedent = statut;
        statut = StatutConsultation.SANS_SUITE;
        raisonSansSuite = raisonNettoyee;
        enregistrer(new ConsultationSansSuite(id, precedent, raisonNettoyee));
    }

    /**
     * Checks that the consultation may be deleted: only a draft may, since nothing about it was ever made public.
     *
     * @throws TransitionInterditeException otherwise
     */
    public void verifierSuppressible() {
        exigerStatut("supprimer la consultation", Set.of(StatutConsultation.BROUILLON));
    }

    /**
     * Deletes the draft: records the deletion, which persistence carries out.
     *
     * @throws TransitionInterditeException once it is no longer a draft
     */
    public void supprimer() {
        verifierSuppressible();
        enregistrer(new ConsultationSupprimee(id));
    }

    /**
     * Whether it was ever published. What was never published stays private to the centrale's staff, including a
     * draft declared sans suite.
     */
    /** Once opened, the plis may be read (decrypted); never before, whoever asks. */
    public boolean plisOuverts() {
        return statut == StatutConsultation.EN_ANALYSE || statut == StatutConsultation.ATTRIBUEE
                || statut == StatutConsultation.NOTIFIEE;
    }

    /**
     * Plis are received from publication until the plis are attributed: before the DLRO in force, after it kept
     * as late. A draft, or a consultation attributed, notified or abandoned, receives none.
     */
    public void exigerReceptionDesPlis() {
        exigerStatut("déposer un pli", Set.of(StatutConsultation.PUBLIEE, StatutConsultation.CLOTUREE,
                StatutConsultation.EN_ANALYSE));
    }

    public boolean aEtePubliee() {
        return datePublication != null;
    }

    /** The rectificatifs, in order. */
    public List<Rectificatif> rectificatifs() {
        return List.copyOf(rectificatifs);
    }

    /**
     * When the last substantial rectificatif was made, if any: plis received before it are to be confirmed by their
     * suppliers (a new pli, filed after it, replaces them).
     */
    public Optional<Instant> dernierRectificatifSubstantiel() {
        return rectificatifs.stream().filter(Rectificatif::substantiel).map(Rectificatif::date)
                .reduce((premier, dernier) -> dernier);
    }

    /** Events recorded since the last {@link #effacerEvenements()}, oldest first. */
    public List<EvenementConsultation> evenementsEnAttente() {
        return List.copyOf(evenements);
    }

    /** Called once the pending events have been handed over for publication. */
    public void effacerEvenements() {
        evenements.clear();
    }

    private void exigerStatut(String action, Set<StatutConsultation> autorises) {
        if (!autorises.contains(statut)) {
            throw new TransitionInterditeException(statut.name(),
                    "Impossible " + Francais.de(action) + " : l'état actuel est " + statut.name() + ".");
        }
    }

    private void enregistrer(EvenementConsultation evenement) {
        evenements.add(evenement);
    }

    public ConsultationId id() {
        return id;
    }

    public ContenuConsultation contenu() {
        return contenu;
    }

    public String objet() {
        return contenu.objet();
    }

    public Nature nature() {
        return contenu.nature();
    }

    public CodeCpv cpvPrincipal() {
        return contenu.cpvPrincipal();
    }

    public Lots lots() {
        return contenu.lots();
    }

    public Criteres criteres() {
        return contenu.criteres();
    }

    public Instant dlro() {
        return contenu.dlro();
    }

    public Beneficiaires beneficiaires() {
        return contenu.beneficiaires();
    }

    public DelaiReduit delaiReduit() {
        return contenu.delaiReduit();
    }

    public Montant valeurEstimeeTotale() {
        return contenu.valeurEstimeeTotale();
    }

    public String acheteur() {
        return acheteur;
    }

    /** The recensement it was drafted from and the groupement it is launched for, if any. */
    public Mutualisation mutualisation() {
        return mutualisation;
    }

    public StatutConsultation statut() {
        return statut;
    }

    /** Set at publication. */
    public Optional<Procedure> procedure() {
        return Optional.ofNullable(procedure);
    }

    public Optional<Instant> datePublication() {
        return Optional.ofNullable(datePublication);
    }

    /** Whether a notice in the BOAMP or a JAL is required (MAPA from the publicity threshold), set at publication. */
    public Optional<Boolean> publiciteBoampOuJalRequise() {
        return Optional.ofNullable(publiciteBoampOuJalRequise);
    }

    public Optional<String> raisonSansSuite() {
        return Optional.ofNullable(raisonSansSuite);
    }

    /** Optimistic-locking version, owned by persistence: 0 for a consultation never saved. */
    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object autre) {
        return autre instanceof Consultation c && c.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Consultation[" + id + ", " + statut + "]";
    }
}
