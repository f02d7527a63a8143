package fr.centraleachat.adhesion.groupement.domain;

import fr.centraleachat.adhesion.adhesion.domain.Missions;
import fr.centraleachat.kernel.RegleMetierException;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.TransitionInterditeException;
import fr.centraleachat.kernel.ValeurInvalideException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * A groupement de commandes (L2113-6 to L2113-8): members sign a convention naming a coordonnateur; it is
 * constituted once every member's council approved it, and only then may its consultations be published. Each
 * change counts in {@code sequence} and records the groupement as it stands after it.
 */
public final class Groupement {

    public static final int OBJET_MAX = 300;
    public static final int CAO_MAX = 300;
    public static final int REPARTITION_MAX = 2000;
    public static final int MOTIF_MAX = 2000;
    public static final int MEMBRES_MIN = 2;
    public static final int MEMBRES_MAX = 200;

    private final GroupementId id;
    private final String objet;
    private final Siren coordonnateur;
    private final Missions missions;
    private final String commissionAppelOffres;
    private final String repartitionFrais;
    private final long version;
    private StatutGroupement statut;
    private List<MembreGroupement> membres;
    private LocalDate dateConstitution;
    private LocalDate dateDissolution;
    private String motifDissolution;
    private long sequence;
    private final List<EvenementGroupement> evenements = new ArrayList<>();

    private Groupement(Etat e) {
        if (e.id() == null) {
            throw new ValeurInvalideException("id", "L'identifiant du groupement est obligatoire.");
        }
        this.id = e.id();
        this.objet = texte(e.objet(), OBJET_MAX, "objet", "L'objet du groupement");
        if (e.missions() == null) {
            throw new ValeurInvalideException("missions",
                    "Les missions du coordonnateur sont obligatoires (PASSATION ou PASSATION_ET_EXECUTION).");
        }
        this.missions = e.missions();
        this.commissionAppelOffres = texte(e.commissionAppelOffres(), CAO_MAX, "commissionAppelOffres",
                "La commission d'appel d'offres");
        this.repartitionFrais = texte(e.repartitionFrais(), REPARTITION_MAX, "repartitionFrais",
                "La répartition des frais");
        if (e.coordonnateur() == null) {
            throw new ValeurInvalideException("coordonnateur", "Le coordonnateur est obligatoire.");
        }
        this.coordonnateur = e.coordonnateur();
        this.statut = e.statut();
        this.membres = List.copyOf(e.membres());
        this.dateConstitution = e.dateConstitution();
        this.dateDissolution = e.dateDissolution();
        this.motifDissolution = e.motifDissolution();
        this.sequence = e.sequence();
        this.version = e.version();
    }

    /** The acheteur sets up a groupement with the members of its convention; each must then approve it. */
    public static Groupement creer(GroupementId id, String objet, Siren coordonnateur, Missions missions,
            String commissionAppelOffres, String repartitionFrais, List<Siren> membres, LocalDate aujourdhui) {
        if (membres == null || membres.size() < MEMBRES_MIN || membres.size() > MEMBRES_MAX) {
            throw new ValeurInvalideException("membres", "Un groupement compte de " + MEMBRES_MIN + " à " + MEMBRES_MAX
                    + " membres.");
        }
        if (new HashSet<>(membres).size() != membres.size()) {
            throw new ValeurInvalideException("membres", "Un membre figure plusieurs fois.");
        }
        if (coordonnateur != null && !membres.contains(coordonnateur)) {
            throw new RegleMetierException("coordonnateur", "Le coordonnateur doit être l'un des membres du groupement.");
        }
        List<MembreGroupement> initiaux = membres.stream().sorted(Comparator.comparing(Siren::valeur))
                .map(s -> new MembreGroupement(s, aujourdhui, null)).toList();
        Groupement groupement = new Groupement(new Etat(id, objet, coordonnateur, missions, commissionAppelOffres,
                repartitionFrais, StatutGroupement.EN_CONSTITUTION, initiaux, null, null, null, 0, 0L));
        groupement.sequence = 1;
        groupement.evenements.add(new GroupementCree(groupement.etat()));
        return groupement;
    }

    public static Groupement reconstituer(Etat etat) {
        return new Groupement(etat);
    }

    /** A member joins; it must approve the convention like the others. A constituted groupement stays so. */
    public void ajouterMembre(Siren siren, LocalDate aujourdhui) {
        exigerStatut("ajouter un membre", StatutGroupement.EN_CONSTITUTION, StatutGroupement.CONSTITUE);
        if (membre(siren).isPresent()) {
            throw new TransitionInterditeException(statut.name(), "Le membre " + siren + " fait déjà partie du groupement.");
        }
        if (membres.size() >= MEMBRES_MAX) {
            throw new RegleMetierException("siren", "Un groupement compte au plus " + MEMBRES_MAX + " membres.");
        }
        List<MembreGroupement> nouveaux = new ArrayList<>(membres);
        nouveaux.add(new MembreGroupement(siren, aujourdhui, null));
        nouveaux.sort(Comparator.comparing(m -> m.siren().valeur()));
        membres = List.copyOf(nouveaux);
        sequence++;
        evenements.add(new MembreAjouteAuGroupement(siren, aujourdhui, etat()));
    }

    /** Records a member's approval; the last one needed constitutes the groupement. */
    public void approuver(Siren siren, Approbation approbation, LocalDate aujourdhui) {
        exigerStatut("enregistrer l'approbation", StatutGroupement.EN_CONSTITUTION, StatutGroupement.CONSTITUE);
        MembreGroupement membre = exigerMembre(siren);
        if (membre.aApprouve()) {
            throw new TransitionInterditeException(statut.name(), "Le membre " + siren
                    + " a déjà approuvé la convention (délibération " + membre.approbation().numeroDeliberation() + ").");
        }
        if (approbation.dateDeliberation().isAfter(aujourdhui)) {
            throw new RegleMetierException("dateDeliberation", "La date de la délibération ne peut pas être dans le futur.");
        }
        membres = membres.stream().map(m -> m.siren().equals(siren)
                ? new MembreGroupement(siren, m.ajouteLe(), approbation) : m).toList();
        sequence++;
        evenements.add(new ApprobationEnregistree(siren, approbation, etat()));
        constituerSiToutApprouve(aujourdhui);
    }

    /** A member withdraws before the constitution; the coordonnateur cannot, and two members at least remain. */
    public void retirer(Siren siren, LocalDate aujourdhui) {
        exigerStatut("retirer un membre", StatutGroupement.EN_CONSTITUTION);
        exigerMembre(siren);
        if (siren.equals(coordonnateur)) {
            throw new TransitionInterditeException(statut.name(),
                    "Le coordonnateur ne peut pas se retirer du groupement.");
        }
        if (membres.size() <= MEMBRES_MIN) {
            throw new TransitionInterditeException(statut.name(), "Le groupement doit garder au moins "
                    + MEMBRES_MIN + " membres : le retrait est impossible (dissolvez-le plutôt).");
        }
        membres = membres.stream().filter(m -> !m.siren().equals(siren)).toList();
        sequence++;
        evenements.add(new MembreRetireDuGroupement(siren, aujourdhui, etat()));
        constituerSiToutApprouve(aujourdhui);
    }

    public void dissoudre(String motif, LocalDate aujourdhui) {
        exigerStatut("dissoudre le groupement", StatutGroupement.EN_CONSTITUTION, StatutGroupement.CONSTITUE);
        String texte = texte(motif, MOTIF_MAX, "motif", "Le motif");
        statut = StatutGroupement.DISSOUS;
        dateDissolution = aujourdhui;
        motifDissolution = texte;
        sequence++;
        evenements.add(new GroupementDissous(aujourdhui, texte, etat()));
    }

    private void constituerSiToutApprouve(LocalDate aujourdhui) {
        if (statut == StatutGroupement.EN_CONSTITUTION && membres.stream().allMatch(MembreGroupement::aApprouve)) {
            statut = StatutGroupement.CONSTITUE;
            dateConstitution = aujourdhui;
            sequence++;
            evenements.add(new GroupementConstitue(aujourdhui, etat()));
        }
    }

    private MembreGroupement exigerMembre(Siren siren) {
        return membre(siren).orElseThrow(() -> new TransitionInterditeException(statut.name(),
                "Le membre " + siren + " ne fait pas partie du groupement."));
    }

    public Optional<MembreGroupement> membre(Siren siren) {
        return membres.stream().filter(m -> m.siren().equals(siren)).findFirst();
    }

    private void exigerStatut(String action, StatutGroupement... autorises) {
        for (StatutGroupement autorise : autorises) {
            if (statut == autorise) {
                return;
            }
        }
        throw new TransitionInterditeException(statut.name(),
                "Impossible " + (action.startsWith("e") ? "d'" : "de ") + action + " : l'état actuel est "
                        + statut.name() + ".");
    }

    private static String texte(String valeur, int max, String champ, String libelle) {
        if (valeur == null || valeur.isBlank()) {
            throw new ValeurInvalideException(champ, libelle + " est obligatoire.");
        }
        String texte = valeur.strip();
        if (texte.length() > max) {
            throw new ValeurInvalideException(champ, libelle + " dépasse " + max + " caractères.");
        }
        return texte;
    }

    public GroupementId id() {
        return id;
    }

    public StatutGroupement statut() {
        return statut;
    }

    public List<MembreGroupement> membres() {
        return membres;
    }

    public Siren coordonnateur() {
        return coordonnateur;
    }

    public long sequence() {
        return sequence;
    }

    public long version() {
        return version;
    }

    public List<EvenementGroupement> evenementsEnAttente() {
        return List.copyOf(evenements);
    }

    public Etat etat() {
        return new Etat(id, objet, coordonnateur, missions, commissionAppelOffres, repartitionFrais, statut, membres,
                dateConstitution, dateDissolution, motifDissolution, sequence, version);
    }

    /**
     * Full state of a groupement; absent values are null.
     *
     * @param membres by SIREN
     * @param sequence number of changes so far (1 at creation)
     */
    public record Etat(GroupementId id, String objet, Siren coordonnateur, Missions missions,
            String commissionAppelOffres, String repartitionFrais, StatutGroupement statut,
            List<MembreGroupement> membres, LocalDate dateConstitution, LocalDate dateDissolution,
            String motifDissolution, long sequence, long version) {

        public Etat {
            membres = membres == null ? List.of() : List.copyOf(membres);
        }

        public Etat aLaVersion(long nouvelleVersion) {
            return new Etat(id, objet, coordonnateur, missions, commissionAppelOffres, repartitionFrais, statut,
                    membres, dateConstitution, dateDissolution, motifDissolution, sequence, nouvelleVersion);
        }
    }
}
