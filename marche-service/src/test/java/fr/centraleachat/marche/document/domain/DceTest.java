package fr.centraleachat.marche.document.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.kernel.RegleMetierException;
import fr.centraleachat.kernel.TransitionInterditeException;
import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.consultation.domain.Rectificatif;
import fr.centraleachat.marche.consultation.domain.StatutConsultation;
import fr.centraleachat.marche.fichier.domain.FichierStocke;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DceTest {

    private static final Instant DEPOT = Instant.parse("2026-11-20T09:00:00Z");
    private static final Instant RECTIFICATIF = Instant.parse("2026-12-10T09:00:00Z");
    private static final Instant DLRO = Instant.parse("2027-01-15T11:00:00Z");
    private static final LimitesDce LIMITES = new LimitesDce(3, 1_000);
    private static final List<Rectificatif> AUCUN = List.of();

    private static int fichiers;

    private static FichierStocke fichier(String nom, long taille) {
        fichiers++;
        return new FichierStocke("f" + fichiers, nom, "application/pdf", taille, "%064x".formatted(fichiers));
    }

    private static Rectificatif rectificatif(String id, int numero) {
        return new Rectificatif(id, numero, RECTIFICATIF, "Quantités revues", true, DLRO, DLRO, null);
    }

    /** A published DCE with a règlement (1) and a CCTP (2). */
    private static Dce publie() {
        Dce dce = Dce.nouveau(ConsultationId.nouveau());
        dce.deposer(TypeDocument.REGLEMENT_CONSULTATION, "RC", fichier("rc.pdf", 100), StatutConsultation.BROUILLON,
                AUCUN, DEPOT, LIMITES);
        dce.deposer(TypeDocument.CCTP, null, fichier("cctp.pdf", 200), StatutConsultation.BROUILLON, AUCUN, DEPOT,
                LIMITES);
        return Dce.reconstituer(dce.consultationId(), dce.dernierNumero(), dce.documents(), 1);
    }

    @Test
    void numbersTheDocumentsOfADraftAndNeverReusesANumber() {
        Dce dce = Dce.nouveau(ConsultationId.nouveau());
        dce.deposer(TypeDocument.REGLEMENT_CONSULTATION, "  Règlement  ", fichier("rc.pdf", 10),
                StatutConsultation.BROUILLON, AUCUN, DEPOT, LIMITES);
        FichierStocke cctp = fichier("cctp.pdf", 10);
        dce.deposer(TypeDocument.CCTP, null, cctp, StatutConsultation.BROUILLON, AUCUN, DEPOT, LIMITES);

        dce.supprimer(2, StatutConsultation.BROUILLON);
        Document bpu = dce.deposer(TypeDocument.BPU, null, fichier("bpu.xlsx", 10), StatutConsultation.BROUILLON,
                AUCUN, DEPOT, LIMITES);

        assertThat(bpu.numero()).isEqualTo(3);
        assertThat(dce.enVigueur(AUCUN)).extracting(DocumentEnVigueur::numero).containsExactly(1, 3);
        assertThat(dce.enVigueur(AUCUN).get(0).titre()).isEqualTo("Règlement");
        assertThat(dce.fichiersALiberer()).containsExactly(cctp);
    }

    @Test
    void deletesADocumentOnlyFromADraft() {
        Dce dce = publie();

        assertThatThrownBy(() -> dce.supprimer(1, StatutConsultation.PUBLIEE))
                .isInstanceOf(TransitionInterditeException.class).hasMessageContaining("rectificatif");
        assertThat(dce.enVigueur(AUCUN)).hasSize(2);
        assertThat(dce.fichiersALiberer()).isEmpty();
    }

    @Test
    void takesDocumentsOnlyWhileTheConsultationIsADraftOrPublished() {
        Dce dce = publie();
        dce.deposer(TypeDocument.AUTRE, "Plan d'accès", fichier("acces.pdf", 10), StatutConsultation.PUBLIEE, AUCUN,
                RECTIFICATIF, LIMITES);

        assertThatThrownBy(() -> dce.deposer(TypeDocument.AUTRE, null, fichier("x.pdf", 1), StatutConsultation.CLOTUREE,
                AUCUN, RECTIFICATIF, LIMITES)).isInstanceOf(TransitionInterditeException.class);
    }

    @Test
    void refusesADocumentPastTheNumberOfDocumentsOrTheTotalSize() {
        Dce dce = publie();
        dce.deposer(TypeDocument.DQE, null, fichier("dqe.xlsx", 100), StatutConsultation.BROUILLON, AUCUN, DEPOT,
                LIMITES);

        assertThatThrownBy(() -> dce.deposer(TypeDocument.PLAN, null, fichier("plan.dwg", 1),
                StatutConsultation.BROUILLON, AUCUN, DEPOT, LIMITES))
                .isInstanceOf(RegleMetierException.class).hasMessageContaining("au plus 3 documents");
        Dce autre = publie();
        assertThatThrownBy(() -> autre.deposer(TypeDocument.PLAN, null, fichier("plan.dwg", 701),
                StatutConsultation.BROUILLON, AUCUN, DEPOT, LIMITES))
                .isInstanceOf(DceTropVolumineuxException.class);
        assertThat(autre.documents()).hasSize(2);
    }

    @Test
    void keepsTheEarlierVersionWhenARectificatifReplacesADocument() {
        Dce dce = publie();
        FichierStocke nouveauCctp = fichier("cctp-v2.pdf", 250);

        dce.preparerRectificatif("r-1", new ChangementsDuDce(List.of(), Map.of(2, nouveauCctp), Set.of()), AUCUN,
                RECTIFICATIF, LIMITES);
        List<DocumentEnVigueur> apres = dce.enVigueur(List.of(rectificatif("r-1", 1)));

        DocumentEnVigueur cctp = apres.get(1);
        assertThat(cctp.courante().version()).isEqualTo(2);
        assertThat(cctp.courante().fichier()).isEqualTo(nouveauCctp);
        assertThat(cctp.courante().rectificatif()).isEqualTo(1);
        assertThat(cctp.precedentes()).extracting(VersionPubliee::version).containsExactly(1);
        assertThat(dce.version(2, Optional.of(1), List.of(rectificatif("r-1", 1))).map(v -> v.fichier().nom()))
                .contains("cctp.pdf");
        assertThat(dce.fichiersALiberer()).isEmpty();
    }

    @Test
    void leavesARectificatifsVersionsOutOfTheDceUntilTheRectificatifIsRecorded() {
        Dce dce = publie();
        dce.preparerRectificatif("r-1", new ChangementsDuDce(List.of(new NouveauDocument(TypeDocument.BPU, null,
                fichier("bpu.xlsx", 10))), Map.of(2, fichier("cctp-v2.pdf", 10)), Set.of()), AUCUN, RECTIFICATIF,
                LIMITES);

        assertThat(dce.enVigueur(AUCUN)).extracting(d -> d.courante().fichier().nom())
                .containsExactly("rc.pdf", "cctp.pdf");
        assertThat(dce.version(3, Optional.empty(), AUCUN)).isEmpty();
        assertThat(dce.enVigueur(List.of(rectificatif("r-1", 1)))).extracting(d -> d.courante().fichier().nom())
                .containsExactly("rc.pdf", "cctp-v2.pdf", "bpu.xlsx");
    }

    @Test
    void dropsWhatAnUnrecordedRectificatifStagedAtTheNextChangeAfterAnHour() {
        Dce dce = publie();
        LimitesDce larges = new LimitesDce(10, 10_000);
        FichierStocke abandonne = fichier("cctp-v2.pdf", 300);
        dce.preparerRectificatif("r-perdu", new ChangementsDuDce(List.of(), Map.of(2, abandonne), Set.of()), AUCUN,
                RECTIFICATIF, LIMITES);

        // Within the hour the staged version may still be recorded: it is kept (and counts).
        dce.deposer(TypeDocument.AUTRE, null, fichier("a.pdf", 10), StatutConsultation.PUBLIEE, AUCUN,
                RECTIFICATIF.plus(Duration.ofMinutes(30)), larges);
        assertThat(dce.fichiersALiberer()).isEmpty();

        dce.deposer(TypeDocument.AUTRE, null, fichier("b.pdf", 10), StatutConsultation.PUBLIEE, AUCUN,
                RECTIFICATIF.plus(Dce.DELAI_ABANDON).plusSeconds(1), larges);
        assertThat(dce.fichiersALiberer()).containsExactly(abandonne);
        assertThat(dce.documents().get(1).versions()).hasSize(1);
    }

    @Test
    void dropsAtOnceWhatAFailedRectificatifStaged() {
        Dce dce = publie();
        FichierStocke bpu = fichier("bpu.xlsx", 10);
        dce.preparerRectificatif("r-1", new ChangementsDuDce(List.of(new NouveauDocument(TypeDocument.BPU, null, bpu)),
                Map.of(), Set.of(1)), AUCUN, RECTIFICATIF, LIMITES);

        dce.abandonnerRectificatif("r-1");

        assertThat(dce.documents()).hasSize(2);
        assertThat(dce.documents().get(0).versions()).hasSize(1);
        assertThat(dce.fichiersALiberer()).containsExactly(bpu);
    }

    @Test
    void withdrawsADocumentThroughARectificatifAndKeepsItsHistory() {
        Dce dce = publie();
        dce.preparerRectificatif("r-1", new ChangementsDuDce(List.of(), Map.of(), Set.of(2)), AUCUN, RECTIFICATIF,
                LIMITES);
        List<Rectificatif> connus = List.of(rectificatif("r-1", 1));

        assertThat(dce.enVigueur(connus)).extracting(DocumentEnVigueur::numero).containsExactly(1);
        assertThat(dce.version(2, Optional.empty(), connus)).isEmpty();
        assertThat(dce.version(2, Optional.of(1), connus)).isPresent();
        assertThatThrownBy(() -> dce.preparerRectificatif("r-2", new ChangementsDuDce(List.of(),
                Map.of(2, fichier("cctp-v3.pdf", 1)), Set.of()), connus, RECTIFICATIF, LIMITES))
                .isInstanceOfSatisfying(ValeurInvalideException.class,
                        e -> assertThat(e.champ()).isEqualTo("remplacements"));
    }

    @Test
    void refusesARectificatifThatWouldPassTheTotalSizeAndStagesNothingOfIt() {
        Dce dce = publie();

        assertThatThrownBy(() -> dce.preparerRectificatif("r-1", new ChangementsDuDce(
                List.of(new NouveauDocument(TypeDocument.PLAN, null, fichier("plan.dwg", 600))),
                Map.of(1, fichier("rc-v2.pdf", 150)), Set.of()), AUCUN, RECTIFICATIF, LIMITES))
                .isInstanceOf(DceTropVolumineuxException.class);
        assertThat(dce.documents()).hasSize(2);
        assertThat(dce.documents().get(0).versions()).hasSize(1);
    }

    @Test
    void refusesToReplaceAndWithdrawTheSameDocument() {
        assertThatThrownBy(() -> new ChangementsDuDce(List.of(), Map.of(1, fichier("x.pdf", 1)), Set.of(1)))
                .isInstanceOf(ValeurInvalideException.class);
    }
}
