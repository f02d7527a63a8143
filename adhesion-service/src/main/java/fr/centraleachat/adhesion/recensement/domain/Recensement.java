package fr.centraleachat.adhesion.recensement.domain;

import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.RegleMetierException;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.TransitionInterditeException;
import fr.centraleachat.kernel.ValeurInvalideException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A recensement des besoins: the acheteur asks invited members for their needs per lot until a closing date, then
 * closes it and consolidates the answers. The answers themselves live in one {@link DeclarationBesoins} per
 * invited member, so that members answering at the same time never contend for this aggregate.
 */
public final class Recensement {

    public static final int OBJET_MAX = 300;
    public static final int LOTS_MAX = 50;
    public static final int INVITES_MAX = 1000;
    /**
     * Invited members × lots: the closing announces every member's share of every lot in one event, which must stay
     * under the broker's 1 MB message limit (about 60 bytes a share).
     */
    public static final int REPONSES_MAX = 15_000;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final RecensementId id;
    private final String objet;
    private final FamilleAchat familleAchat;
    private final Nature nature;
    private final CodeCpv cpvPrincipal;
    private final List<LotRecensement> lots;
    private final List<Siren> membresInvites;
    private final Instant dateCloture;
    private final String ouvertPar;
    private final Instant ouvertLe;
    private final long version;
    private StatutRecensement statut;
    private Instant clotureLe;
    private Consolidation consolidation;
    private final List<EvenementRecensement> evenements = new ArrayList<>();

    private Recensement(Etat e) {
        if (e.id() == null) {
            throw new ValeurInvalideException("id", "L'identifiant du recensement est obligatoire.");
        }
        if (e.objet() == null || e.objet().isBlank()) {
            throw new ValeurInvalideException("objet", "L'objet du recensement est obligatoire.");
        }
        if (e.objet().strip().length() > OBJET_MAX) {
            throw new ValeurInvalideException("objet", "L'objet dépasse " + OBJET_MAX + " caractères.");
        }
        if (e.familleAchat() == null) {
            throw new ValeurInvalideException("familleAchat", "La famille d'achat est obligatoire.");
        }
        if (e.nature() == null) {
            throw new ValeurInvalideException("nature", "La nature est obligatoire (FOURNITURES, SERVICES ou TRAVAUX).");
        }
        if (e.cpvPrincipal() == null) {
            throw new ValeurInvalideException("cpvPrincipal", "Le code CPV principal est obligatoire.");
        }
        if (e.lots() == null || e.lots().isEmpty() || e.lots().size() > LOTS_MAX) {
            throw new ValeurInvalideException("lots", "Le recensement compte de 1 à " + LOTS_MAX + " lots.");
        }
        for (int i = 0; i < e.lots().size(); i++) {
            if (e.lots().get(i).numero() != i + 1) {
                throw new ValeurInvalideException("lots", "Les lots sont numérotés de 1 à " + e.lots().size()
                        + " dans l'ordre.");
            }
        }
        if (e.membresInvites() == null || e.membresInvites().isEmpty()) {
            throw new RegleMetierException("membresInvites", "Au moins un membre doit être invité au recensement.");
        }
        if (e.membresInvites().size() > INVITES_MAX) {
            throw new ValeurInvalideException("membresInvites", "Au plus " + INVITES_MAX + " membres invités.");
        }
        if ((long) e.membresInvites().size() * e.lots().size() > REPONSES_MAX) {
            throw new ValeurInvalideException("membresInvites", "Un recensement compte au plus " + REPONSES_MAX
                    + " réponses (membres invités × lots) : " + e.membresInvites().size() + " membres × "
                    + e.lots().size() + " lots. Scindez-le.");
        }
        if (new HashSet<>(e.membresInvites()).size() != e.membresInvites().size()) {
            throw new ValeurInvalideException("membresInvites", "Un membre est invité plusieurs fois.");
        }
        if (e.dateCloture() == null) {
            throw new ValeurInvalideException("dateCloture", "La date de clôture est obligatoire.");
        }
        this.id = e.id();
        this.objet = e.objet().strip();
        this.familleAchat = e.familleAchat();
        this.nature = e.nature();
        this.cpvPrincipal = e.cpvPrincipal();
        this.lots = List.copyOf(e.lots());
        this.membresInvites = e.membresInvites().stream().sorted(Comparator.comparing(Siren::valeur)).toList();
        this.dateCloture = e.dateCloture();
        this.ouvertPar = e.ouvertPar();
        this.ouvertLe = e.ouvertLe();
        this.statut = e.statut();
        this.clotureLe = e.clotureLe();
        this.consolidation = e.consolidation();
        this.version = e.version();
    }

    /** The acheteur opens a recensement; invited members may answer until {@code dateCloture}. */
    public static Recensement ouvrir(RecensementId id, String objet, FamilleAchat familleAchat, Nature nature,
            CodeCpv cpvPrincipal, List<LotRecensement> lots, List<Siren> membresInvites, Instant dateCloture,
            String ouvertPar, Instant maintenant) {
        if (dateCloture != null && !dateCloture.isAfter(maintenant)) {
            throw new RegleMetierException("dateCloture", "La date de clôture doit être dans le futur.");
        }
        if (dateCloture != null && dateCloture.isAfter(maintenant.atZone(PARIS).plusYears(1).toInstant())) {
            throw new RegleMetierException("dateCloture", "La date de clôture est au plus dans un an.");
        }
        Recensement recensement = new Recensement(new Etat(id, objet, familleAchat, nature, cpvPrincipal, lots,
                membresInvites, dateCloture, ouvertPar, maintenant, StatutRecensement.OUVERT, null, null, 0L));
        recensement.evenements.add(new RecensementOuvert(id, maintenant));
        return recensement;
    }

    public static Recensement reconstituer(Etat etat) {
        return new Recensement(etat);
    }

    /**
     * Closes the recensement with the answers as frozen: no member can change them any more.
     *
     * @param reponses the answers of the members that answered, by member
     */
    public void cloturer(Map<Siren, List<BesoinLot>> reponses, Instant maintenant) {
        exigerOuvert("clore le recensement");
        this.consolidation = Consolidation.consolider(lots, membresInvites, reponses);
        this.clotureLe = maintenant;
        this.statut = StatutRecensement.CLOS;
        evenements.add(new RecensementClos(id, maintenant, consolidation));
    }

    /**
     * Reminds the invited members that have not answered yet.
     *
     * @return the members reminded, by SIREN
     */
    public List<Siren> relancer(Set<Siren> ayantRepondu, Instant maintenant) {
        exigerOuvert("relancer les membres");
        List<Siren> sansReponse = membresInvites.stream().filter(m -> !ayantRepondu.contains(m)).toList();
        if (sansReponse.isEmpty()) {
            throw new TransitionInterditeException(statut.name(),
                    "Tous les membres invités ont répondu : il n'y a personne à relancer.");
        }
        evenements.add(new RecensementRelance(id, sansReponse, maintenant));
        return sansReponse;
    }

    /** Whether its closing date has come while it is still open. */
    public boolean estEchu(Instant maintenant) {
        return statut == StatutRecensement.OUVERT && !dateCloture.isAfter(maintenant);
    }

    public boolean invite(Siren membre) {
        return membresInvites.contains(membre);
    }

    private void exigerOuvert(String action) {
        if (statut != StatutRecensement.OUVERT) {
            throw new TransitionInterditeException(statut.name(),
                    "Impossible de " + action + " : l'état actuel est " + statut.name() + ".");
        }
    }

    public RecensementId id() {
        return id;
    }

    public StatutRecensement statut() {
        return statut;
    }

    public List<LotRecensement> lots() {
        return lots;
    }

    public List<Siren> membresInvites() {
        return membresInvites;
    }

    public Optional<Consolidation> consolidation() {
        return Optional.ofNullable(consolidation);
    }

    public long version() {
        return version;
    }

    public List<EvenementRecensement> evenementsEnAttente() {
        return List.copyOf(evenements);
    }

    public Etat etat() {
        return new Etat(id, objet, familleAchat, nature, cpvPrincipal, lots, membresInvites, dateCloture, ouvertPar,
                ouvertLe, statut, clotureLe, consolidation, version);
    }

    /**
     * Full state of a recensement; absent values are null.
     *
     * @param ouvertPar subject of the acheteur who opened it
     * @param consolidation once closed
     */
    public record Etat(RecensementId id, String objet, FamilleAchat familleAchat, Nature nature, CodeCpv cpvPrincipal,
            List<LotRecensement> lots, List<Siren> membresInvites, Instant dateCloture, String ouvertPar,
            Instant ouvertLe, StatutRecensement statut, Instant clotureLe, Consolidation consolidation, long version) {

        public Etat aLaVersion(long nouvelleVersion) {
            return new Etat(id, objet, familleAchat, nature, cpvPrincipal, lots, membresInvites, dateCloture,
                    ouvertPar, ouvertLe, statut, clotureLe, consolidation, nouvelleVersion);
        }
    }
}
