package fr.centraleachat.marche.pli.domain;

import fr.centraleachat.kernel.RegleMetierException;
import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.kernel.Siret;
import fr.centraleachat.kernel.TransitionInterditeException;
import fr.centraleachat.kernel.ValeurInvalideException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one supplier filed on one lot of a consultation: its plis in order of receipt. At most one is in
 * force ({@link StatutPli#DEPOSE}): a new one on time replaces it, a withdrawal ends it; a pli received after the
 * DLRO is kept but late and never replaces anything. The whole history lives in one document, so these rules hold
 * under concurrent deposits without a transaction.
 */
public final class Soumission {

    /** A supplier may replace its pli this many times in all on one lot: a bound on the document, not a rule. */
    public static final int PLIS_MAX = 50;

    private final String id;
    private final String consultationId;
    private final int lot;
    private final Siret soumissionnaire;
    private final List<Pli> plis;
    private final long version;
    private final boolean nouvelle;
    private final List<EvenementPli> evenements = new ArrayList<>();

    private Soumission(String consultationId, int lot, Siret soumissionnaire, List<Pli> plis, long version,
            boolean nouvelle) {
        this.consultationId = Objects.requireNonNull(consultationId, "consultationId");
        if (lot < 1) {
            throw new ValeurInvalideException("lot", "Le numéro de lot doit être supérieur ou égal à 1.");
        }
        this.lot = lot;
        this.soumissionnaire = Objects.requireNonNull(soumissionnaire, "soumissionnaire");
        this.id = identifiant(consultationId, lot, soumissionnaire);
        this.plis = new ArrayList<>(plis);
        this.version = version;
        this.nouvelle = nouvelle;
    }

    public static String identifiant(String consultationId, int lot, Siret soumissionnaire) {
        return consultationId + ":" + lot + ":" + soumissionnaire.valeur();
    }

    public static Soumission nouvelle(String consultationId, int lot, Siret soumissionnaire) {
        return new Soumission(consultationId, lot, soumissionnaire, List.of(), 0, true);
    }

    public static Soumission reconstituer(String consultationId, int lot, Siret soumissionnaire, List<Pli> plis,
            long version) {
        return new Soumission(consultationId, lot, soumissionnaire, plis, version, false);
    }

    /**
     * Receives a pli. Before the DLRO it is in force and replaces the one that was; from the DLRO on it is kept
     * as late ({@link StatutPli#HORS_DELAI}) and changes nothing else.
     */
    public Pli deposer(String numero, Instant recuLe, Instant dlro, List<PieceDeposee> pieces, byte[] offreScellee) {
        if (plis.size() >= PLIS_MAX) {
            throw new RegleMetierException("pli", "Nombre maximal de plis atteint sur ce lot (" + PLIS_MAX + ").");
        }
        boolean horsDelai = !recuLe.isBefore(dlro);
        Pli nouveau = new Pli(numero, recuLe, horsDelai ? StatutPli.HORS_DELAI : StatutPli.DEPOSE, pieces,
                offreScellee);
        if (!horsDelai) {
            for (int i = 0; i < plis.size(); i++) {
                if (plis.get(i).statut() == StatutPli.DEPOSE) {
                    plis.set(i, plis.get(i).avecStatut(StatutPli.REMPLACE));
                    evenements.add(new EvenementPli.PliRemplace(id, plis.get(i).numero(), recuLe, numero));
                }
            }
        }
        plis.add(nouveau);
        evenements.add(new EvenementPli.PliDepose(id, numero, recuLe, horsDelai));
        return nouveau;
    }

    /** Withdraws the pli in force, before the DLRO only. */
    public void retirer(String numero, Instant maintenant, Instant dlro) {
        Pli pli = pli(numero);
        if (!maintenant.isBefore(dlro)) {
            throw new TransitionInterditeException(pli.statut().name(),
                    "Impossible de retirer le pli : la date limite de remise des offres est passée.");
        }
        if (pli.statut() != StatutPli.DEPOSE) {
            throw new TransitionInterditeException(pli.statut().name(),
                    "Impossible de retirer le pli " + numero + " : il n'est plus en vigueur (" + pli.statut() + ").");
        }
        plis.set(plis.indexOf(pli), pli.avecStatut(StatutPli.RETIRE));
        evenements.add(new EvenementPli.PliRetire(id, numero, maintenant));
    }

    public Pli pli(String numero) {
        return plis.stream().filter(p -> p.numero().equals(numero)).findFirst()
                .orElseThrow(() -> new RessourceIntrouvableException("Pli " + numero + " introuvable."));
    }

    /** The pli that counts for the analysis, if any. */
    public Optional<Pli> enVigueur() {
        return plis.stream().filter(p -> p.statut() == StatutPli.DEPOSE).findFirst();
    }

    public List<EvenementPli> evenementsEnAttente() {
        return List.copyOf(evenements);
    }

    public String id() {
        return id;
    }

    public String consultationId() {
        return consultationId;
    }

    public int lot() {
        return lot;
    }

    public Siret soumissionnaire() {
        return soumissionnaire;
    }

    public List<Pli> plis() {
        return List.copyOf(plis);
    }

    /** Not stored yet: its first save is an insert, which fails if another first pli got there before. */
    public boolean estNouvelle() {
        return nouvelle;
    }

    public long version() {
        return version;
    }
}
