package fr.centraleachat.marche.consultation.application;

import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.marche.consultation.domain.Beneficiaires;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.consultation.domain.ContenuConsultation;
import fr.centraleachat.marche.consultation.domain.CritereAttribution;
import fr.centraleachat.marche.consultation.domain.Criteres;
import fr.centraleachat.marche.consultation.domain.Lot;
import fr.centraleachat.marche.consultation.domain.Lots;
import fr.centraleachat.marche.consultation.domain.TypeCritere;
import fr.centraleachat.marche.reglementation.DelaiReduit;
import fr.centraleachat.marche.reglementation.DelaisReglementaires;
import fr.centraleachat.marche.reglementation.GrilleDesSeuils;
import fr.centraleachat.marche.reglementation.HeureDeParis;
import fr.centraleachat.marche.reglementation.Nature;
import fr.centraleachat.marche.reglementation.Procedure;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Drafts the consultation of a closed recensement des besoins: its lots carry the consolidated estimated values (a
 * lot nobody needs is left out), its beneficiaries are the members that declared a need. What the recensement does
 * not say is preset for the acheteur to review before publication: award criteria (price 60, technical value 40) and
 * a DLRO at the earliest lawful date for the procedure the total calls for, counted from a publication two weeks
 * after the closing, at noon.
 */
@Service
public class BrouillonsDesRecensements {

    private static final Logger LOG = LoggerFactory.getLogger(BrouillonsDesRecensements.class);
    static final int JOURS_DE_PREPARATION = 14;
    static final Criteres CRITERES_PAR_DEFAUT = Criteres.de(
            new CritereAttribution("Prix", 60, TypeCritere.PRIX),
            new CritereAttribution("Valeur technique", 40, TypeCritere.TECHNIQUE));

    /** One lot of a closed recensement with its consolidated needs. */
    public record LotRecense(int numero, String description, String unite, CodeCpv cpv, BigDecimal quantiteTotale,
            BigDecimal montantEstimeTotal) {
    }

    /** A closed recensement, as its event tells it. */
    public record RecensementClos(String id, String objet, FamilleAchat familleAchat, Nature nature, CodeCpv cpvPrincipal,
            String ouvertPar, Instant clotureLe, List<LotRecense> lots, List<Siren> membresAyantDeclare) {
    }

    private final ServiceConsultations consultations;
    private final GrilleDesSeuils seuils;
    private final DelaisReglementaires delais;

    public BrouillonsDesRecensements(ServiceConsultations consultations, GrilleDesSeuils seuils,
            DelaisReglementaires delais) {
        this.consultations = consultations;
        this.seuils = seuils;
        this.delais = delais;
    }

    /** The draft's id, derived from the recensement's: one recensement, one draft, however often announced. */
    public static ConsultationId idDuBrouillon(String recensementId) {
        return new ConsultationId(UUID.nameUUIDFromBytes(("recensement:" + recensementId)
                .getBytes(StandardCharsets.UTF_8)));
    }

    /** @return false when there is nothing to draft (no need declared) or the draft already exists */
    public boolean creer(RecensementClos recensement) {
        List<Lot> lots = new ArrayList<>();
        for (LotRecense lot : recensement.lots()) {
            if (lot.montantEstimeTotal() == null || lot.montantEstimeTotal().signum() <= 0) {
                continue;
            }
            lots.add(new Lot(lots.size() + 1, intitule(lot), new Montant(lot.montantEstimeTotal()), lot.cpv(), null));
        }
        if (lots.isEmpty() || recensement.membresAyantDeclare().isEmpty()) {
            LOG.info("Recensement {} closed without any need declared: no consultation drafted", recensement.id());
            return false;
        }
        Lots tous = new Lots(lots);
        LocalDate closing = HeureDeParis.date(recensement.clotureLe());
        Procedure procedure = seuils.procedurePour(recensement.nature(), tous.valeurEstimeeTotale(), closing);
        Instant publicationSupposee = recensement.clotureLe().plus(java.time.Duration.ofDays(JOURS_DE_PREPARATION));
        LocalDate jourDlro = delais.premiereDlroPossible(procedure, publicationSupposee, DelaiReduit.NONE);
        Instant dlro = jourDlro.atTime(LocalTime.NOON).atZone(HeureDeParis.FUSEAU).toInstant();
        ContenuConsultation contenu = new ContenuConsultation(recensement.objet(), recensement.nature(),
                recensement.cpvPrincipal(), recensement.familleAchat(), tous, CRITERES_PAR_DEFAUT, dlro,
                new Beneficiaires(recensement.membresAyantDeclare()), DelaiReduit.NONE);
        ConsultationId id = idDuBrouillon(recensement.id());
        boolean cree = consultations.creerDepuisRecensement(id, recensement.id(), contenu, recensement.ouvertPar());
        if (cree) {
            LOG.info("Consultation {} drafted from recensement {}: {} lot(s), {} member(s), {} HT", id,
                    recensement.id(), lots.size(), recensement.membresAyantDeclare().size(),
                    tous.valeurEstimeeTotale());
        } else {
            LOG.info("Consultation {} of recensement {} already drafted: nothing done", id, recensement.id());
        }
        return cree;
    }

    private static String intitule(LotRecense lot) {
        String quantite = lot.quantiteTotale() == null ? "" : " (quantité recensée : "
                + lot.quantiteTotale().stripTrailingZeros().toPlainString()
                + (lot.unite() == null || lot.unite().isBlank() ? "" : " " + lot.unite().strip()) + ")";
        String description = lot.description().strip();
        return description.length() + quantite.length() <= Lot.LONGUEUR_MAX_INTITULE ? description + quantite
                : description;
    }
}
