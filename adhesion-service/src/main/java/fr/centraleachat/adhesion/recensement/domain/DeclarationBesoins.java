package fr.centraleachat.adhesion.recensement.domain;

import fr.centraleachat.kernel.Siren;
import fr.centraleachat.kernel.TransitionInterditeException;
import fr.centraleachat.kernel.ValeurInvalideException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One invited member's answer to a recensement, created (unanswered) when the recensement opens. Closing freezes
 * it ({@code clos}) before the answers are read, so that no answer can change once they are consolidated.
 */
public final class DeclarationBesoins {

    private final RecensementId recensement;
    private final Siren membre;
    private final boolean clos;
    private final long version;
    private long revision;
    private Instant declareLe;
    private List<BesoinLot> lots;
    private final List<BesoinsDeclares> evenements = new ArrayList<>();

    private DeclarationBesoins(Etat e) {
        if (e.recensement() == null || e.membre() == null) {
            throw new ValeurInvalideException("siren", "Le recensement et le membre sont obligatoires.");
        }
        this.recensement = e.recensement();
        this.membre = e.membre();
        this.clos = e.clos();
        this.revision = e.revision();
        this.declareLe = e.declareLe();
        this.lots = e.lots() == null ? List.of() : List.copyOf(e.lots());
        this.version = e.version();
    }

    /** The member is invited: nothing answered yet. */
    public static DeclarationBesoins inviter(RecensementId recensement, Siren membre) {
        return new DeclarationBesoins(new Etat(recensement, membre, false, 0, null, List.of(), 0L));
    }

    public static DeclarationBesoins reconstituer(Etat etat) {
        return new DeclarationBesoins(etat);
    }

    /**
     * The member answers for every lot of the recensement, once each; this replaces its previous answer.
     *
     * @param lotsDuRecensement the lots the answer must cover
     */
    public void declarer(List<BesoinLot> besoins, List<LotRecensement> lotsDuRecensement, Instant maintenant) {
        if (clos) {
            throw new TransitionInterditeException("CLOS",
                    "Le recensement est clos : les besoins ne peuvent plus être déclarés ni modifiés.");
        }
        verifierCouverture(besoins, lotsDuRecensement);
        this.lots = besoins.stream().sorted(Comparator.comparingInt(BesoinLot::lot)).toList();
        this.revision++;
        this.declareLe = maintenant;
        evenements.add(new BesoinsDeclares(recensement, membre, maintenant, revision, lots));
    }

    private static void verifierCouverture(List<BesoinLot> besoins, List<LotRecensement> lotsDuRecensement) {
        if (besoins == null || besoins.isEmpty()) {
            throw new ValeurInvalideException("lots", "Répondez pour chaque lot du recensement.");
        }
        Set<Integer> attendus = new TreeSet<>();
        lotsDuRecensement.forEach(l -> attendus.add(l.numero()));
        Set<Integer> vus = new HashSet<>();
        Set<Integer> doublons = new TreeSet<>();
        Set<Integer> inconnus = new TreeSet<>();
        for (BesoinLot besoin : besoins) {
            if (!attendus.contains(besoin.lot())) {
                inconnus.add(besoin.lot());
            } else if (!vus.add(besoin.lot())) {
                doublons.add(besoin.lot());
            }
        }
        List<String> erreurs = new ArrayList<>();
        if (!inconnus.isEmpty()) {
            erreurs.add("lot(s) inconnu(s) " + inconnus + " (le recensement compte les lots 1 à " + attendus.size() + ")");
        }
        if (!doublons.isEmpty()) {
            erreurs.add("lot(s) déclaré(s) plusieurs fois " + doublons);
        }
        Set<Integer> manquants = new TreeSet<>(attendus);
        manquants.removeAll(vus);
        if (!manquants.isEmpty()) {
            erreurs.add("lot(s) sans réponse " + manquants + " (indiquez pasDeBesoin s'il n'y a aucun besoin)");
        }
        if (!erreurs.isEmpty()) {
            throw new ValeurInvalideException("lots", "Chaque lot reçoit exactement une réponse : "
                    + String.join(" ; ", erreurs) + ".");
        }
    }

    public boolean aRepondu() {
        return revision > 0;
    }

    public RecensementId recensement() {
        return recensement;
    }

    public Siren membre() {
        return membre;
    }

    public boolean clos() {
        return clos;
    }

    public long revision() {
        return revision;
    }

    public Instant declareLe() {
        return declareLe;
    }

    public List<BesoinLot> lots() {
        return lots;
    }

    public long version() {
        return version;
    }

    public List<BesoinsDeclares> evenementsEnAttente() {
        return List.copyOf(evenements);
    }

    public Etat etat() {
        return new Etat(recensement, membre, clos, revision, declareLe, lots, version);
    }

    /** @param clos frozen by the closing: no answer may change any more */
    public record Etat(RecensementId recensement, Siren membre, boolean clos, long revision, Instant declareLe,
            List<BesoinLot> lots, long version) {

        public Etat aLaVersion(long nouvelleVersion) {
            return new Etat(recensement, membre, clos, revision, declareLe, lots, nouvelleVersion);
        }
    }
}
