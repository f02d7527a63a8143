package fr.centraleachat.marche.document.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.marche.consultation.application.Consultations;
import fr.centraleachat.marche.consultation.application.EvenementsPublies;
import fr.centraleachat.marche.consultation.application.FicheConsultation;
import fr.centraleachat.marche.consultation.domain.Beneficiaires;
import fr.centraleachat.marche.consultation.domain.Consultation;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.consultation.domain.ContenuConsultation;
import fr.centraleachat.marche.consultation.domain.CritereAttribution;
import fr.centraleachat.marche.consultation.domain.Criteres;
import fr.centraleachat.marche.consultation.domain.Lot;
import fr.centraleachat.marche.consultation.domain.Lots;
import fr.centraleachat.marche.consultation.domain.StatutConsultation;
import fr.centraleachat.marche.consultation.domain.TypeCritere;
import fr.centraleachat.marche.document.domain.Dce;
import fr.centraleachat.marche.document.domain.Telechargement;
import fr.centraleachat.marche.document.domain.TypeDocument;
import fr.centraleachat.marche.fichier.application.StockageFichiers;
import fr.centraleachat.marche.fichier.domain.FichierStocke;
import fr.centraleachat.marche.reglementation.DelaiReduit;
import fr.centraleachat.marche.reglementation.DelaisReglementaires;
import fr.centraleachat.marche.reglementation.GrilleDesSeuils;
import fr.centraleachat.marche.reglementation.Nature;
import fr.centraleachat.support.outbox.FabriqueMessages;
import fr.centraleachat.support.outbox.MessageSortant;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/** The two writes of a rectificatif, DCE then consultation, and what happens when the second one fails. */
class ServiceRectificatifsTest {

    private static final Instant PUBLICATION = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant RECTIFICATIF = Instant.parse("2026-12-05T09:00:00Z");
    private static final Acteur ACHETEUR = new Acteur("acheteur", Set.of(Role.ACHETEUR), Optional.empty(),
            Optional.empty(), Set.of());
    private static final byte[] PDF = "%PDF-1.7 CCTP v2".getBytes(StandardCharsets.UTF_8);

    private final Clock horloge = Clock.fixed(RECTIFICATIF, ZoneOffset.UTC);
    private final UneConsultation consultations = new UneConsultation();
    private final DcesEnMemoire dces = new DcesEnMemoire();
    private final Fichiers fichiers = new Fichiers();
    private final ServiceDocuments documents = new ServiceDocuments(consultations, dces, new AucunTelechargement(),
            fichiers, horloge, DataSize.ofMegabytes(1), DataSize.ofMegabytes(10), 10);
    private final ServiceRectificatifs service = new ServiceRectificatifs(consultations,
            evenementsPublies(new FabriqueMessages(JsonMapper.builder().build(), horloge)),
            new DelaisReglementaires(), documents);

    private static EvenementsPublies evenementsPublies(FabriqueMessages fabrique) {
        return new EvenementsPublies(fabrique, new fr.centraleachat.marche.consultation.application
                .JournalisationConsultations(new fr.centraleachat.marche.journal.application.MessagesJournal(fabrique)));
    }

    @Test
    void recordsTheRectificatifAndItsNewVersionTogether() {
        ConsultationId id = consultations.publieeAvecUnCctp(dces, fichiers);

        FicheConsultation fiche = service.rectifier(id, remplacerLeCctp(), List.of(cctpV2()), ACHETEUR);

        assertThat(fiche.consultation().rectificatifs()).hasSize(1);
        // The public event, then the journal's entry, in the same write as the change.
        assertThat(consultations.messages).extracting(MessageSortant::type)
                .containsExactly("fr.centraleachat.marche.ConsultationRectifiee.v1",
                        "fr.centraleachat.marche.journal.ActionEffectuee.v1");
        var cctp = dces.trouver(id).orElseThrow().enVigueur(consultations.lue().rectificatifs()).get(0);
        assertThat(cctp.courante().version()).isEqualTo(2);
        assertThat(cctp.courante().rectificatif()).isEqualTo(1);
    }

    @Test
    void dropsWhatItStagedInTheDceWhenTheConsultationChangedMeanwhile() {
        ConsultationId id = consultations.publieeAvecUnCctp(dces, fichiers);
        consultations.conflit = true;

        assertThatThrownBy(() -> service.rectifier(id, remplacerLeCctp(), List.of(cctpV2()), ACHETEUR))
                .isInstanceOf(OptimisticLockingFailureException.class);

        assertThat(dces.trouver(id).orElseThrow().documents().get(0).versions()).hasSize(1);
        assertThat(fichiers.stockes).hasSize(1);
        assertThat(consultations.lue().rectificatifs()).isEmpty();
        assertThat(consultations.messages).isEmpty();
    }

    @Test
    void storesNoFileWhenTheRectificatifItselfIsRefused() {
        ConsultationId id = consultations.publieeAvecUnCctp(dces, fichiers);

        assertThatThrownBy(() -> service.rectifier(id, new DemandeRectificatif(" ", null, null, false,
                List.of(new DemandeRectificatif.DocumentJoint(1, null, null)), Set.of()), List.of(cctpV2()), ACHETEUR))
                .hasMessageContaining("raison");

        assertThat(fichiers.stockes).hasSize(1);
        assertThat(dces.trouver(id).orElseThrow().documents().get(0).versions()).hasSize(1);
    }

    private static DemandeRectificatif remplacerLeCctp() {
        return new DemandeRectificatif("CCTP corrigé", null, null, false,
                List.of(new DemandeRectificatif.DocumentJoint(1, null, null)), Set.of());
    }

    private static FichierTeleverse cctpV2() {
        return new FichierTeleverse("cctp-v2.pdf", () -> new ByteArrayInputStream(PDF));
    }

    /** One consultation, published, whose next update can be made to fail as if someone else had saved it. */
    private static final class UneConsultation implements Consultations {

        private Consultation stockee;
        private long version;
        boolean conflit;
        final List<MessageSortant> messages = new java.util.ArrayList<>();

        ConsultationId publieeAvecUnCctp(DcesEnMemoire dces, Fichiers fichiers) {
            ContenuConsultation contenu = new ContenuConsultation("Fournitures de bureau", Nature.FOURNITURES,
                    new CodeCpv("30192000-1"), FamilleAchat.FOURNITURES_ADMINISTRATIVES,
                    Lots.de(new Lot(1, "Papier", Montant.de(250000))),
                    Criteres.de(new CritereAttribution("Prix", 100, TypeCritere.PRIX)),
                    Instant.parse("2027-01-15T11:00:00Z"), Beneficiaires.de(new Siren("212102313")),
                    DelaiReduit.NONE);
            Consultation consultation = Consultation.creer(ConsultationId.nouveau(), contenu, "acheteur");
            Dce dce = Dce.nouveau(consultation.id());
            dce.deposer(TypeDocument.CCTP, null, fichiers.stocker("cctp.pdf"), StatutConsultation.BROUILLON,
                    List.of(), PUBLICATION, new fr.centraleachat.marche.document.domain.LimitesDce(10, 10_000_000));
            dces.enregistrer(dce);
            consultation.publier(PUBLICATION, GrilleDesSeuils.parDefaut(), new DelaisReglementaires());
            stockee = copie(consultation, 1);
            version = 1;
            return consultation.id();
        }

        Consultation lue() {
            return copie(stockee, version);
        }

        @Override
        public Optional<FicheConsultation> trouver(ConsultationId id) {
            return Optional.of(FicheConsultation.lue(lue(), List.of()));
        }

        @Override
        public void mettreAJour(Consultation consultation, List<String> avertissements,
                List<MessageSortant> nouveaux) {
            if (conflit || consultation.version() != version) {
                throw new OptimisticLockingFailureException("changed meanwhile");
            }
            version++;
            stockee = copie(consultation, version);
            messages.addAll(nouveaux);
        }

        private static Consultation copie(Consultation c, long version) {
            return Consultation.reconstituer(c.id(), c.contenu(), c.acheteur(), c.statut(), c.procedure().orElse(null),
                    c.datePublication().orElse(null), c.publiciteBoampOuJalRequise().orElse(null),
                    c.raisonSansSuite().orElse(null), c.rectificatifs(), version);
        }

        @Override
        public PageVue<FicheConsultation> lister(Set<StatutConsultation> statuts, boolean publieesSeulement,
                PageDemandee page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Consultation> publieesDeLaFamille(FamilleAchat famille, Instant debut, Instant fin, int limite) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Consultation> publieesDuGroupeCpv(String groupeCpv, Instant debut, Instant fin, int limite) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ConsultationId> publieesEchues(Instant maintenant, int limite) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void ajouter(Consultation consultation, List<MessageSortant> nouveaux) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean supprimerBrouillon(Consultation brouillon, List<MessageSortant> messages) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int effacerBrouillonsSupprimes() {
            throw new UnsupportedOperationException();
        }
    }

    /** Same optimistic locking as the real store; every read rebuilds a fresh aggregate. */
    private static final class DcesEnMemoire implements Dces {

        private final Map<ConsultationId, Dce> stock = new HashMap<>();

        @Override
        public Optional<Dce> trouver(ConsultationId id) {
            return Optional.ofNullable(stock.get(id))
                    .map(d -> Dce.reconstituer(id, d.dernierNumero(), d.documents(), d.version()));
        }

        @Override
        public void enregistrer(Dce dce) {
            Dce actuel = stock.get(dce.consultationId());
            if (actuel != null && (dce.estNouveau() || actuel.version() != dce.version())) {
                throw new OptimisticLockingFailureException("changed meanwhile");
            }
            long version = actuel == null ? 0 : actuel.version() + 1;
            stock.put(dce.consultationId(), Dce.reconstituer(dce.consultationId(), dce.dernierNumero(),
                    dce.documents(), version));
        }

        @Override
        public void supprimer(ConsultationId id) {
            stock.remove(id);
        }
    }

    private static final class Fichiers implements StockageFichiers {

        final Map<String, byte[]> stockes = new HashMap<>();
        private int suivant;

        FichierStocke stocker(String nom) {
            String id = "f" + ++suivant;
            stockes.put(id, PDF);
            return new FichierStocke(id, nom, "application/pdf", PDF.length, "a".repeat(64));
        }

        @Override
        public FichierStocke enregistrer(String bucket, String champ, String nom, InputStream flux, long tailleMax,
                Enveloppe enveloppe) throws IOException {
            flux.readAllBytes();
            return stocker(nom);
        }

        @Override
        public void lire(String bucket, String id, Enveloppe enveloppe, OutputStream sortie) throws IOException {
            sortie.write(stockes.get(id));
        }

        @Override
        public InputStream ouvrir(String bucket, String id, Enveloppe enveloppe) {
            return new ByteArrayInputStream(stockes.get(id));
        }

        @Override
        public void supprimer(String bucket, String id) {
            stockes.remove(id);
        }
    }

    private static final class AucunTelechargement implements Telechargements {

        @Override
        public void consigner(Telechargement telechargement) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PageVue<Telechargement> lister(ConsultationId consultationId, PageDemandee page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.util.List<String> siretsDesTelechargeurs(ConsultationId consultationId, String apres, int limite) {
            return java.util.List.of();
        }

        @Override
        public boolean telechargePar(ConsultationId consultationId, String siret) {
            return false;
        }

        @Override
        public long telechargementsAnonymes(ConsultationId consultationId) {
            return 0;
        }
    }
}
