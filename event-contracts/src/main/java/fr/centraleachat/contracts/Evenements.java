package fr.centraleachat.contracts;

import fr.centraleachat.contracts.adhesion.AdhesionActiveeV1;
import fr.centraleachat.contracts.adhesion.AdhesionRepriseV1;
import fr.centraleachat.contracts.adhesion.AdhesionResilieeV1;
import fr.centraleachat.contracts.adhesion.AdhesionSuspendueV1;
import fr.centraleachat.contracts.adhesion.ApprobationGroupementEnregistreeV1;
import fr.centraleachat.contracts.adhesion.BesoinsDeclaresV1;
import fr.centraleachat.contracts.adhesion.GroupementConstitueV1;
import fr.centraleachat.contracts.adhesion.GroupementCreeV1;
import fr.centraleachat.contracts.adhesion.GroupementDissousV1;
import fr.centraleachat.contracts.adhesion.MembreAjouteAuGroupementV1;
import fr.centraleachat.contracts.adhesion.MembreRetireDuGroupementV1;
import fr.centraleachat.contracts.adhesion.RecensementClosV1;
import fr.centraleachat.contracts.adhesion.RecensementOuvertV1;
import fr.centraleachat.contracts.adhesion.RecensementRelanceV1;
import fr.centraleachat.contracts.catalogue.BonDeCommandeAnnuleV1;
import fr.centraleachat.contracts.catalogue.BonDeCommandeEmisV1;
import fr.centraleachat.contracts.catalogue.BonDeCommandeLivreV1;
import fr.centraleachat.contracts.catalogue.SeuilConsommationAtteintV1;
import fr.centraleachat.contracts.catalogue.SouscriptionCreeeV1;
import fr.centraleachat.contracts.catalogue.SouscriptionResilieeV1;
import fr.centraleachat.contracts.marche.AvenantConcluV1;
import fr.centraleachat.contracts.marche.ConsultationClotureeV1;
import fr.centraleachat.contracts.marche.ConsultationPublieeV1;
import fr.centraleachat.contracts.marche.ConsultationRectifieeV1;
import fr.centraleachat.contracts.marche.ConsultationSansSuiteV1;
import fr.centraleachat.contracts.marche.LotAttribueV1;
import fr.centraleachat.contracts.marche.LotInfructueuxV1;
import fr.centraleachat.contracts.marche.MarcheNotifieV1;
import fr.centraleachat.contracts.marche.MarcheResilieV1;
import fr.centraleachat.contracts.marche.ProcedurePlanifieeV1;
import fr.centraleachat.contracts.marche.QuestionPoseeV1;
import fr.centraleachat.contracts.marche.ReponsePublieeV1;
import java.util.List;
import java.util.Optional;

/** The catalogue of published integration events. Adding a type here is adding to a public contract. */
public final class Evenements {

    public static final TypeEvenement<AdhesionActiveeV1> ADHESION_ACTIVEE =
            new TypeEvenement<>("AdhesionActivee", 1, Topic.ADHESION, AdhesionActiveeV1.class);
    public static final TypeEvenement<AdhesionSuspendueV1> ADHESION_SUSPENDUE =
            new TypeEvenement<>("AdhesionSuspendue", 1, Topic.ADHESION, AdhesionSuspendueV1.class);
    public static final TypeEvenement<AdhesionRepriseV1> ADHESION_REPRISE =
            new TypeEvenement<>("AdhesionReprise", 1, Topic.ADHESION, AdhesionRepriseV1.class);
    public static final TypeEvenement<AdhesionResilieeV1> ADHESION_RESILIEE =
            new TypeEvenement<>("AdhesionResiliee", 1, Topic.ADHESION, AdhesionResilieeV1.class);

    public static final TypeEvenement<GroupementCreeV1> GROUPEMENT_CREE =
            new TypeEvenement<>("GroupementCree", 1, Topic.ADHESION, GroupementCreeV1.class);
    public static final TypeEvenement<MembreAjouteAuGroupementV1> MEMBRE_AJOUTE_AU_GROUPEMENT =
            new TypeEvenement<>("MembreAjouteAuGroupement", 1, Topic.ADHESION, MembreAjouteAuGroupementV1.class);
    public static final TypeEvenement<MembreRetireDuGroupementV1> MEMBRE_RETIRE_DU_GROUPEMENT =
            new TypeEvenement<>("MembreRetireDuGroupement", 1, Topic.ADHESION, MembreRetireDuGroupementV1.class);
    public static final TypeEvenement<ApprobationGroupementEnregistreeV1> APPROBATION_GROUPEMENT_ENREGISTREE =
            new TypeEvenement<>("ApprobationGroupementEnregistree", 1, Topic.ADHESION,
                    ApprobationGroupementEnregistreeV1.class);
    public static final TypeEvenement<GroupementConstitueV1> GROUPEMENT_CONSTITUE =
            new TypeEvenement<>("GroupementConstitue", 1, Topic.ADHESION, GroupementConstitueV1.class);
    public static final TypeEvenement<GroupementDissousV1> GROUPEMENT_DISSOUS =
            new TypeEvenement<>("GroupementDissous", 1, Topic.ADHESION, GroupementDissousV1.class);

    public static final TypeEvenement<RecensementOuvertV1> RECENSEMENT_OUVERT =
            new TypeEvenement<>("RecensementOuvert", 1, Topic.ADHESION, RecensementOuvertV1.class);
    public static final TypeEvenement<BesoinsDeclaresV1> BESOINS_DECLARES =
            new TypeEvenement<>("BesoinsDeclares", 1, Topic.ADHESION, BesoinsDeclaresV1.class);
    public static final TypeEvenement<RecensementRelanceV1> RECENSEMENT_RELANCE =
            new TypeEvenement<>("RecensementRelance", 1, Topic.ADHESION, RecensementRelanceV1.class);
    public static final TypeEvenement<RecensementClosV1> RECENSEMENT_CLOS =
            new TypeEvenement<>("RecensementClos", 1, Topic.ADHESION, RecensementClosV1.class);

    public static final TypeEvenement<ConsultationPublieeV1> CONSULTATION_PUBLIEE =
            new TypeEvenement<>("ConsultationPubliee", 1, Topic.MARCHE, ConsultationPublieeV1.class);
    public static final TypeEvenement<ConsultationClotureeV1> CONSULTATION_CLOTUREE =
            new TypeEvenement<>("ConsultationCloturee", 1, Topic.MARCHE, ConsultationClotureeV1.class);
    public static final TypeEvenement<ConsultationSansSuiteV1> CONSULTATION_SANS_SUITE =
            new TypeEvenement<>("ConsultationSansSuite", 1, Topic.MARCHE, ConsultationSansSuiteV1.class);
    public static final TypeEvenement<ConsultationRectifieeV1> CONSULTATION_RECTIFIEE =
            new TypeEvenement<>("ConsultationRectifiee", 1, Topic.MARCHE, ConsultationRectifieeV1.class);
    public static final TypeEvenement<QuestionPoseeV1> QUESTION_POSEE =
            new TypeEvenement<>("QuestionPosee", 1, Topic.MARCHE, QuestionPoseeV1.class);
    public static final TypeEvenement<ReponsePublieeV1> REPONSE_PUBLIEE =
            new TypeEvenement<>("ReponsePubliee", 1, Topic.MARCHE, ReponsePublieeV1.class);

    public static final TypeEvenement<LotAttribueV1> LOT_ATTRIBUE =
            new TypeEvenement<>("LotAttribue", 1, Topic.MARCHE, LotAttribueV1.class);
    public static final TypeEvenement<LotInfructueuxV1> LOT_INFRUCTUEUX =
            new TypeEvenement<>("LotInfructueux", 1, Topic.MARCHE, LotInfructueuxV1.class);

    public static final TypeEvenement<MarcheNotifieV1> MARCHE_NOTIFIE =
            new TypeEvenement<>("MarcheNotifie", 1, Topic.MARCHE, MarcheNotifieV1.class);

    public static final TypeEvenement<MarcheResilieV1> MARCHE_RESILIE =
            new TypeEvenement<>("MarcheResilie", 1, Topic.MARCHE, MarcheResilieV1.class);

    public static final TypeEvenement<AvenantConcluV1> AVENANT_CONCLU =
            new TypeEvenement<>("AvenantConclu", 1, Topic.MARCHE, AvenantConcluV1.class);

    public static final TypeEvenement<ProcedurePlanifieeV1> PROCEDURE_PLANIFIEE =
            new TypeEvenement<>("ProcedurePlanifiee", 1, Topic.MARCHE, ProcedurePlanifieeV1.class);

    public static final TypeEvenement<SouscriptionCreeeV1> SOUSCRIPTION_CREEE =
            new TypeEvenement<>("SouscriptionCreee", 1, Topic.CATALOGUE, SouscriptionCreeeV1.class);
    public static final TypeEvenement<SouscriptionResilieeV1> SOUSCRIPTION_RESILIEE =
            new TypeEvenement<>("SouscriptionResiliee", 1, Topic.CATALOGUE, SouscriptionResilieeV1.class);
    public static final TypeEvenement<BonDeCommandeEmisV1> BON_DE_COMMANDE_EMIS =
            new TypeEvenement<>("BonDeCommandeEmis", 1, Topic.CATALOGUE, BonDeCommandeEmisV1.class);
    public static final TypeEvenement<BonDeCommandeAnnuleV1> BON_DE_COMMANDE_ANNULE =
            new TypeEvenement<>("BonDeCommandeAnnule", 1, Topic.CATALOGUE, BonDeCommandeAnnuleV1.class);
    public static final TypeEvenement<BonDeCommandeLivreV1> BON_DE_COMMANDE_LIVRE =
            new TypeEvenement<>("BonDeCommandeLivre", 1, Topic.CATALOGUE, BonDeCommandeLivreV1.class);
    public static final TypeEvenement<SeuilConsommationAtteintV1> SEUIL_CONSOMMATION_ATTEINT =
            new TypeEvenement<>("SeuilConsommationAtteint", 1, Topic.CATALOGUE, SeuilConsommationAtteintV1.class);

    public static final List<TypeEvenement<?>> TOUS = List.of(
            ADHESION_ACTIVEE, ADHESION_SUSPENDUE, ADHESION_REPRISE, ADHESION_RESILIEE,
            GROUPEMENT_CREE, MEMBRE_AJOUTE_AU_GROUPEMENT, MEMBRE_RETIRE_DU_GROUPEMENT,
            APPROBATION_GROUPEMENT_ENREGISTREE, GROUPEMENT_CONSTITUE, GROUPEMENT_DISSOUS,
            RECENSEMENT_OUVERT, BESOINS_DECLARES, RECENSEMENT_RELANCE, RECENSEMENT_CLOS,
            CONSULTATION_PUBLIEE, CONSULTATION_CLOTUREE, CONSULTATION_SANS_SUITE, CONSULTATION_RECTIFIEE,
            QUESTION_POSEE, REPONSE_PUBLIEE, LOT_ATTRIBUE, LOT_INFRUCTUEUX, MARCHE_NOTIFIE, MARCHE_RESILIE,
            AVENANT_CONCLU, PROCEDURE_PLANIFIEE,
            SOUSCRIPTION_CREEE, SOUSCRIPTION_RESILIEE, BON_DE_COMMANDE_EMIS, BON_DE_COMMANDE_ANNULE,
            BON_DE_COMMANDE_LIVRE, SEUIL_CONSOMMATION_ATTEINT);

    private Evenements() {
    }

    public static Optional<TypeEvenement<?>> parCeType(String ceType) {
        return TOUS.stream().filter(t -> t.ceType().equals(ceType)).findFirst();
    }
}
