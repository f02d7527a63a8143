package fr.centraleachat.marche.programmation.application;

import static org.assertj.core.api.Assertions.assertThat;

import fr.centraleachat.kernel.CodeCpv;
import fr.centraleachat.kernel.FamilleAchat;
import fr.centraleachat.kernel.Montant;
import fr.centraleachat.kernel.Siren;
import fr.centraleachat.marche.consultation.application.Consultations;
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
import fr.centraleachat.marche.programmation.domain.Fractionnement;
import fr.centraleachat.marche.programmation.domain.PlanAnnuel;
import fr.centraleachat.marche.reglementation.DelaiReduit;
import fr.centraleachat.marche.reglementation.DelaisReglementaires;
import fr.centraleachat.marche.reglementation.GrilleDesSeuils;
import fr.centraleachat.marche.reglementation.Nature;
import fr.centraleachat.marche.reglementation.Procedure;
import fr.centraleachat.support.outbox.MessageSortant;
import fr.centraleachat.support.web.PageDemandee;
import fr.centraleachat.support.web.PageVue;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceFractionnementTest {

    private static final Instant LANCEMENT = Instant.parse("2026-06-10T08:00:00Z");
    private static final FamilleAchat PAPIER = FamilleAchat.FOURNITURES_ADMINISTRATIVES;

    private final Map<Integer, PlanAnnuel> plans = new HashMap<>();
    private final List<Consultation> publiees = new ArrayList<>();

    private final PlansAnnuels stockPlans = new PlansAnnuels() {
        @Override
        public Optional<PlanAnnuel> trouver(int annee) {
            return Optional.ofNullable(plans.get(annee));
        }

        @Override
        public void enregistrer(PlanAnnuel plan, List<MessageSortant> messages) {
            plans.put(plan.annee(), plan);
        }
    };

    private final Consultations stockConsultations = new Consultations() {
        @Override
        public Optional<FicheConsultation> trouver(ConsultationId id) {
            return publiees.stream().filter(c -> c.id().equals(id)).findFirst()
                    .map(c -> FicheConsultation.lue(c, List.of()));
        }

        @Override
        public List<Consultation> publieesDeLaFamille(FamilleAchat famille, Instant debut, Instant fin, int limite) {
            return publiees.stream().filter(c -> c.contenu().familleAchat() == famille)
                    .filter(c -> !c.datePublication().orElseThrow().isBefore(debut)
                            && c.datePublication().orElseThrow().isBefore(fin)).toList();
        }

        @Override
        public List<Consultation> publieesDuGroupeCpv(String groupeCpv, Instant debut, Instant fin, int limite) {
            return publiees.stream().filter(c -> c.cpvPrincipal().valeur().startsWith(groupeCpv))
                    .filter(c -> !c.datePublication().orElseThrow().isBefore(debut)
                            && c.datePublication().orElseThrow().isBefore(fin)).toList();
        }

        @Override
        public PageVue<FicheConsultation> lister(Set<StatutConsultation> s, boolean p, PageDemandee page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ConsultationId> publieesEchues(Instant maintenant, int limite) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void ajouter(Consultation consultation, List<MessageSortant> messages) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void mettreAJour(Consultation c, List<String> a, List<MessageSortant> m) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean supprimerBrouillon(Consultation brouillon, List<MessageSortant> messages) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int effacerBrouillonsSupprimes() {
            return 0;
        }
    };

    private final ServiceFractionnement service = new ServiceFractionnement(stockPlans, stockConsultations,
            GrilleDesSeuils.parDefaut(), Clock.fixed(LANCEMENT, ZoneOffset.UTC));

    private static Consultation consultation(String objet, long valeur, Instant publication) {
        return consultation(objet, valeur, publication, PAPIER, "30192000-1");
    }

    private static Consultation consultation(String objet, long valeur, Instant publication, FamilleAchat famille,
            String cpv) {
        Consultation c = Consultation.creer(ConsultationId.nouveau(), new ContenuConsultation(objet,
                Nature.FOURNITURES, new CodeCpv(cpv), famille, Lots.de(new Lot(1, objet, Montant.de(valeur))),
                Criteres.de(new CritereAttribution("Prix", 100, TypeCritere.PRIX)),
                (publication == null ? LANCEMENT : publication).plus(java.time.Duration.ofDays(44)), Beneficiaires.de(new Siren("212102313")),
                DelaiReduit.NONE), "acheteur");
        if (publication != null) {
            c.publier(publication, GrilleDesSeuils.parDefaut(), new DelaisReglementaires());
        }
        return c;
    }

    @Test
    void countsThePlannedProceduresAndTheYearsPublishedConsultationsOfTheFamilyOnceEach() {
        Consultation publieeEnMars = consultation("Enveloppes", 60_000, Instant.parse("2026-03-02T08:00:00Z"));
        Consultation publieeEn2025 = consultation("Agendas", 150_000, Instant.parse("2025-11-03T08:00:00Z"));
        publiees.add(publieeEnMars);
        publiees.add(publieeEn2025);
        PlanAnnuel plan = PlanAnnuel.ouvrir(2026);
        plan.planifier("p-papier", "Papier", PAPIER, null, Nature.FOURNITURES, Montant.de(80_000), 3, List.of());
        plan.planifier("p-enveloppes", "Enveloppes", PAPIER, null, Nature.FOURNITURES, Montant.de(50_000), 1,
                List.of());
        plan.lancer("p-enveloppes", publieeEnMars.id().toString());
        plan.planifier("p-abandon", "Classeurs", PAPIER, null, Nature.FOURNITURES, Montant.de(500_000), 2, List.of());
        plan.abandonner("p-abandon", "Besoin couvert par l'UGAP");
        plan.planifier("p-autre", "Électricité", FamilleAchat.ENERGIE, null, Nature.FOURNITURES,
                Montant.de(900_000), 1, List.of());
        plans.put(2026, plan);
        Consultation petite = consultation("Stylos", 40_000, null);

        Fractionnement.Alerte alerte = service.alerte(petite, LANCEMENT).orElseThrow();

        // 40 000 + 80 000 (planned) + 60 000 (launched: the consultation's value, not the 50 000 planned) = 180 000.
        assertThat(alerte.cumul().valeurHt()).isEqualByComparingTo("180000");
        assertThat(alerte.comptees()).extracting(Fractionnement.ProcedureComptee::reference)
                .containsExactlyInAnyOrder("plan:p-papier", "consultation:" + publieeEnMars.id());
        // In June 2026 the dispense threshold is 60 000 €: alone, the consultation would need no procedure.
        assertThat(alerte.seuilFranchi()).isEqualTo(Fractionnement.SeuilFranchi.DISPENSE);
        assertThat(alerte.procedurePropre()).isEqualTo(Procedure.DISPENSE);
        assertThat(alerte.procedureDuCumul()).isEqualTo(Procedure.MAPA);
        assertThat(alerte.message()).contains("Risque de fractionnement").contains("totalisent 180000.00 € HT avec 2 autre(s)");
    }

    @Test
    void countsTheNeedsOfTheSameCpvGroupAcrossFamiliesWhenTheFamilyAloneCrossesNothing() {
        // Printing paper bought as communication (CPV 301…, another family) and office supplies (CPV 301… too).
        Consultation impression = consultation("Papier d'impression des affiches", 200_000,
                Instant.parse("2026-05-04T08:00:00Z"), FamilleAchat.COMMUNICATION_IMPRESSION, "30197630-1");
        publiees.add(impression);
        Consultation petite = consultation("Ramettes", 50_000, null);

        Fractionnement.Alerte alerte = service.alerte(petite, LANCEMENT).orElseThrow();

        assertThat(alerte.familleAchat()).isNull();
        assertThat(alerte.groupeCpv()).isEqualTo("301");
        assertThat(alerte.cumul().valeurHt()).isEqualByComparingTo("250000");
        assertThat(alerte.seuilFranchi()).isEqualTo(Fractionnement.SeuilFranchi.EUROPEEN);
        assertThat(alerte.message()).contains("les besoins du groupe CPV 301 pour 2026");
    }

    @Test
    void neverCountsTheConsultationCheckedAndWarnsOfNothingBelowEveryThreshold() {
        Consultation seule = consultation("Stylos", 30_000, LANCEMENT);
        publiees.add(seule);

        assertThat(service.alerte(seule, LANCEMENT)).isEmpty();
    }
}
