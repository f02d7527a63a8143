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

    private final ConsultationId id;
    private final String acheteur;
    private final long version;
    private ContenuConsultation contenu;
    private StatutConsultation statut;
    private Procedure procedure;
    private Instant datePublication;
    private Boolean publiciteBoampOuJalRequise;
    private String raisonSansSuite;
    private final List<EvenementConsultation> evenements = new ArrayList<>();

    private Consultation(ConsultationId id, ContenuConsultation contenu, String acheteur, StatutConsultation statut,
                         Procedure procedure, Instant datePublication, Boolean publiciteBoampOuJalRequise,
                         String raisonSansSuite, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.contenu = Objects.requireNonNull(contenu, "contenu");
        this.acheteur = Objects.requireNonNull(acheteur, "acheteur");
        this.statut = Objects.requireNonNull(statut, "statut");
        this.procedure = procedure;
        this.datePublication = datePublication;
        this.publiciteBoampOuJalRequise = publiciteBoampOuJalRequise;
        this.raisonSansSuite = raisonSansSuite;
        this.version = version;
    }

    /** A new draft; {@code acheteur} is the subject of the acheteur who creates it. */
    public static Consultation creer(ConsultationId id, ContenuConsultation contenu, String acheteur) {
        if (acheteur == null || acheteur.isBlank()) {
            throw new ValeurInvalideException("acheteur", "L'acheteur à l'origine de la consultation est obligatoire.");
        }
        Objects.requireNonNull(contenu, "contenu").exigerFamilleAchat();
        Consultation consultation = new Consultation(id, contenu, acheteur, StatutConsultation.BROUILLON,
                null, null, null, null, 0);
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
        // Corrupt data would otherwise surface later as a confusing business error.
        if (StatutConsultation.PUBLIES.contains(statut) && (procedure == null || datePublication == null)) {
            throw new IllegalArgumentException("Consultation " + id + " is " + statut + " without procedure or publication date");
        }
        if (statut == StatutConsultation.SANS_SUITE && raisonSansSuite == null) {
            throw new IllegalArgumentException("Consultation " + id + " is SANS_SUITE without a reason");
        }
        return new Consultation(id, contenu, acheteur, statut, procedure, datePublication, publiciteBoampOuJalRequise,
                raisonSansSuite, version);
    }

    public void modifierBrouillon(ContenuConsultation nouveauContenu) {
        exigerStatut("modifier la consultation", Set.of(StatutConsultation.BROUILLON));
        ContenuConsultation avant = contenu;
        contenu = Objects.requireNonNull(nouveauContenu, "nouveauContenu").exigerFamilleAchat();
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
