package fr.centraleachat.catalogue.souscription.domain;

import fr.centraleachat.catalogue.contrat.domain.Contrat;
import fr.centraleachat.catalogue.contrat.domain.StatutContrat;
import fr.centraleachat.kernel.membre.Membre;
import fr.centraleachat.kernel.AccesRefuseException;
import fr.centraleachat.kernel.RegleMetierException;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.TransitionInterditeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A member's subscription to a contract: what lets its agents order on it. One per member and contract (ended, it
 * can be taken again). Subscribing is refused, with the reason, unless the contract is in force, the member is
 * among its beneficiaries, its adhésion is active and covers the contract's famille d'achat.
 */
public final class Souscription {

    private final String numeroContrat;
    private final Siren siren;
    private final String nomMembre;
    private StatutSouscription statut;
    private Instant creeeLe;
    private Instant resilieeLe;
    private final long version;
    private final boolean nouvelle;
    private final List<EvenementSouscription> evenements = new ArrayList<>();

    private Souscription(String numeroContrat, Siren siren, String nomMembre, StatutSouscription statut,
            Instant creeeLe, Instant resilieeLe, long version, boolean nouvelle) {
        this.numeroContrat = Objects.requireNonNull(numeroContrat, "numeroContrat");
        this.siren = Objects.requireNonNull(siren, "siren");
        this.nomMembre = nomMembre;
        this.statut = Objects.requireNonNull(statut, "statut");
        this.creeeLe = creeeLe;
        this.resilieeLe = resilieeLe;
        this.version = version;
        this.nouvelle = nouvelle;
    }

    public static String identifiant(String numeroContrat, Siren siren) {
        return numeroContrat + ":" + siren.valeur();
    }

    /** Subscribes the member to the contract, on {@code jour} (Paris), after every check. */
    public static Souscription souscrire(Contrat contrat, Membre membre, LocalDate jour, Instant maintenant) {
        verifierEligibilite(contrat, membre, jour);
        Souscription souscription = new Souscription(contrat.numero(), membre.siren(), nom(membre),
                StatutSouscription.ACTIVE, maintenant, null, 0, true);
        souscription.evenements.add(new EvenementSouscription.SouscriptionCreee(maintenant));
        return souscription;
    }

    public static Souscription reconstituer(String numeroContrat, Siren siren, String nomMembre,
            StatutSouscription statut, Instant creeeLe, Instant resilieeLe, long version) {
        return new Souscription(numeroContrat, siren, nomMembre, statut, creeeLe, resilieeLe, version, false);
    }

    /** Takes an ended subscription again, under the same checks as a first one. */
    public void reprendre(Contrat contrat, Membre membre, LocalDate jour, Instant maintenant) {
        if (statut == StatutSouscription.ACTIVE) {
            throw new TransitionInterditeException(statut.name(), "Votre organisme a déjà souscrit au contrat "
                    + numeroContrat + ".");
        }
        verifierEligibilite(contrat, membre, jour);
        statut = StatutSouscription.ACTIVE;
        creeeLe = maintenant;
        resilieeLe = null;
        evenements.add(new EvenementSouscription.SouscriptionCreee(maintenant));
    }

    /** Ends the subscription: no new order; orders already issued go on. */
    public void resilier(Instant maintenant) {
        if (statut != StatutSouscription.ACTIVE) {
            throw new TransitionInterditeException(statut.name(), "La souscription au contrat " + numeroContrat
                    + " est déjà résiliée.");
        }
        statut = StatutSouscription.RESILIEE;
        resilieeLe = maintenant;
        evenements.add(new EvenementSouscription.SouscriptionResiliee(maintenant));
    }

    /**
     * Whether the member may order on the contract today through this subscription: it is active and so is the
     * member's adhésion (a suspended or terminated adhésion stops new orders, not those already issued).
     */
    public void verifierPeutCommander(Membre membre) {
        if (statut != StatutSouscription.ACTIVE) {
            throw new TransitionInterditeException(statut.name(), "La souscription de votre organisme au contrat "
                    + numeroContrat + " est résiliée : souscrivez de nouveau pour commander.");
        }
        if (!membre.estActif()) {
            throw new TransitionInterditeException(membre.statut().map(Enum::name).orElse("INCONNU"),
                    "L'adhésion de votre organisme à la centrale n'est pas active : aucune nouvelle commande n'est "
                            + "possible.");
        }
    }

    private static void verifierEligibilite(Contrat contrat, Membre membre, LocalDate jour) {
        StatutContrat etat = contrat.statut(jour);
        if (etat != StatutContrat.ACTIF) {
            throw new TransitionInterditeException(etat.name(), "Le contrat " + contrat.numero() + " n'est pas actif ("
                    + etat.name() + ", du " + contrat.dateDebut() + " au " + contrat.dateFin() + ").");
        }
        if (!contrat.estBeneficiaire(membre.siren())) {
            throw new AccesRefuseException("Votre organisme (" + membre.siren().valeur() + ") n'est pas bénéficiaire "
                    + "du contrat " + contrat.numero() + ".");
        }
        if (!membre.estActif()) {
            throw new TransitionInterditeException(membre.statut().map(Enum::name).orElse("INCONNU"),
                    "L'adhésion de votre organisme à la centrale n'est pas active à cette date.");
        }
        if (contrat.familleAchat() != null && !membre.description().orElseThrow().famillesAchat()
                .contains(contrat.familleAchat().name())) {
            throw new RegleMetierException("familleAchat", "L'adhésion de votre organisme ne couvre pas la famille "
                    + "d'achat du contrat (" + contrat.familleAchat().libelle() + ").");
        }
    }

    private static String nom(Membre membre) {
        return membre.description().map(d -> d.nom()).orElse(null);
    }

    public List<EvenementSouscription> evenementsEnAttente() {
        return List.copyOf(evenements);
    }

    public String id() {
        return identifiant(numeroContrat, siren);
    }

    public String numeroContrat() {
        return numeroContrat;
    }

    public Siren siren() {
        return siren;
    }

    public String nomMembre() {
        return nomMembre;
    }

    public StatutSouscription statut() {
        return statut;
    }

    public Instant creeeLe() {
        return creeeLe;
    }

    public Instant resilieeLe() {
        return resilieeLe;
    }

    public long version() {
        return version;
    }

    public boolean estNouvelle() {
        return nouvelle;
    }
}
