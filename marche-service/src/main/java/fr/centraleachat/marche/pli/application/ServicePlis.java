package fr.centraleachat.marche.pli.application;

import fr.centraleachat.kernel.AccesRefuseException;
import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.kernel.Siret;
import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.marche.consultation.application.Consultations;
import fr.centraleachat.marche.consultation.domain.Consultation;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.fichier.application.StockageFichiers;
import fr.centraleachat.marche.fichier.domain.FichierStocke;
import fr.centraleachat.marche.journal.application.MessagesJournal;
import fr.centraleachat.marche.journal.domain.ActionJournal;
import fr.centraleachat.marche.journal.domain.Auteur;
import fr.centraleachat.marche.pli.domain.EvenementPli;
import fr.centraleachat.marche.pli.domain.PieceDeposee;
import fr.centraleachat.support.outbox.MessageSortant;
import fr.centraleachat.marche.pli.domain.Pli;
import fr.centraleachat.marche.pli.domain.Soumission;
import fr.centraleachat.marche.pli.domain.StatutPli;
import fr.centraleachat.marche.pli.scellement.Coffre;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * The suppliers' side of a consultation: filing, replacing and withdrawing plis, their receipts; and what the
 * acheteur may see of them before the opening (counts only). Files are encrypted as they stream to storage and the
 * offer data is sealed before it is stored: nothing of a pli's content is readable, logged or announced here.
 */
@Service
public class ServicePlis {

    static final String BUCKET = "plis";
    static final int FICHIERS_MAX = 20;
    private static final Logger LOG = LoggerFactory.getLogger(ServicePlis.class);
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int ESSAIS = 5;

    private final Consultations consultations;
    private final Soumissions soumissions;
    private final StockageFichiers stockage;
    private final Coffre coffre;
    private final JsonMapper json;
    private final Clock horloge;
    private final MessagesJournal journal;
    private final long tailleMaxFichier;
    private final SecureRandom aleatoire = new SecureRandom();

    ServicePlis(Consultations consultations, Soumissions soumissions, StockageFichiers stockage, Coffre coffre,
            JsonMapper json, Clock horloge, MessagesJournal journal,
            @Value("${centrale.plis.taille-max-fichier:50MB}") DataSize tailleMaxFichier) {
        this.consultations = consultations;
        this.soumissions = soumissions;
        this.stockage = stockage;
        this.coffre = coffre;
        this.json = json;
        this.horloge = horloge;
        this.journal = journal;
        this.tailleMaxFichier = tailleMaxFichier.toBytes();
    }

    /**
     * Files a pli on a lot for the calling supplier. Received before the DLRO (server clock) it is in force and
     * replaces the supplier's previous one; received after, it is kept as late. Either way the answer is its receipt.
     */
    public AccuseReception deposer(String consultationId, int lot, OffreDeposee offre, List<FichierRecu> fichiers,
            Acteur acteur) {
        acteur.exiger(Role.FOURNISSEUR);
        Siret siret = acteur.siret().orElseThrow(() -> new AccesRefuseException(
                "Votre compte fournisseur n'a pas de SIRET : impossible de déposer un pli."));
        Consultation consultation = consultationPubliee(consultationId);
        consultation.exigerReceptionDesPlis();
        exigerLot(consultation, lot);
        if (offre == null || offre.prixHt() == null) {
            throw new ValeurInvalideException("offre.prixHt", "Le prix de l'offre (HT) est obligatoire.");
        }
        if (fichiers.size() > FICHIERS_MAX) {
            throw new ValeurInvalideException("fichiers", "Un pli comporte au plus " + FICHIERS_MAX + " fichiers.");
        }
        String numero = numeroDAccuse();
        List<PieceDeposee> pieces = stocker(consultationId, numero, fichiers);
        byte[] offreScellee = coffre.sceller(consultationId, serialiser(offre), numero);
        for (int essai = 1; ; essai++) {
            Soumission soumission = soumissions.trouver(Soumission.identifiant(consultationId, lot, siret))
                    .orElseGet(() -> Soumission.nouvelle(consultationId, lot, siret));
            // The server's clock at the moment the deposit is recorded decides whether it is late.
            Pli pli = soumission.deposer(numero, horloge.instant(), consultation.dlro(), pieces, offreScellee);
            try {
                soumissions.enregistrer(soumission, messagesJournal(soumission));
                LOG.info("Pli {} received on lot {} of consultation {} ({})", numero, lot, consultationId, pli.statut());
                return AccuseReception.de(soumission, pli, consultation.dernierRectificatifSubstantiel());
            } catch (OptimisticLockingFailureException | DuplicateKeyException concurrent) {
                if (essai == ESSAIS) {
                    pieces.forEach(p -> stockage.supprimer(BUCKET, p.fichier().id()));
                    throw concurrent;
                }
            }
        }
    }

    /** Withdraws the supplier's pli in force on a lot, before the DLRO. */
    public void retirer(String consultationId, int lot, String numero, Acteur acteur) {
        acteur.exiger(Role.FOURNISSEUR);
        Soumission soumission = soumissionDuFournisseur(numero, acteur);
        if (!soumission.consultationId().equals(consultationId) || soumission.lot() != lot) {
            throw new RessourceIntrouvableException("Pli " + numero + " introuvable sur ce lot.");
        }
        Consultation consultation = consultationPubliee(consultationId);
        soumission.retirer(numero, horloge.instant(), consultation.dlro());
        soumissions.enregistrer(soumission, messagesJournal(soumission));
    }

    /** A receipt again: to its supplier, or to the acheteur and administrators (who see no content either). */
    public AccuseReception accuse(String numero, Acteur acteur) {
        acteur.exiger(Role.FOURNISSEUR, Role.ACHETEUR, Role.ADMIN);
        Soumission soumission = acteur.a(Role.FOURNISSEUR) ? soumissionDuFournisseur(numero, acteur)
                : soumissions.parNumeroDePli(numero).orElseThrow(() -> introuvable(numero));
        Optional<Instant> rectificatif = consultations.trouver(ConsultationId.de(soumission.consultationId()))
                .flatMap(f -> f.consultation().dernierRectificatifSubstantiel());
        return AccuseReception.de(soumission, soumission.pli(numero), rectificatif);
    }

    /** The calling supplier's receipts on a consultation, every lot, in order of receipt. */
    public List<AccuseReception> mesPlis(String consultationId, Acteur acteur) {
        acteur.exiger(Role.FOURNISSEUR);
        String siret = acteur.siret().map(Siret::valeur).orElse("");
        Optional<Instant> rectificatif = consultationPubliee(consultationId).dernierRectificatifSubstantiel();
        List<AccuseReception> accuses = new ArrayList<>();
        soumissions.deLaConsultation(consultationId).stream()
                .filter(s -> s.soumissionnaire().valeur().equals(siret))
                .forEach(s -> s.plis().forEach(p -> accuses.add(AccuseReception.de(s, p, rectificatif))));
        accuses.sort(java.util.Comparator.comparing(AccuseReception::recuLe));
        return accuses;
    }

    /** Per lot, how many plis: all the acheteur may know before the opening. */
    public List<DecompteLot> decompte(String consultationId, Acteur acteur) {
        acteur.exiger(Role.ACHETEUR, Role.ADMIN);
        Consultation consultation = consultations.trouver(ConsultationId.de(consultationId))
                .orElseThrow(() -> new RessourceIntrouvableException("Consultation " + consultationId + " introuvable."))
                .consultation();
        Optional<Instant> rectificatif = consultation.dernierRectificatifSubstantiel();
        int aConfirmer = StatutPli.values().length;
        Map<Integer, int[]> parLot = new TreeMap<>();
        consultation.lots().liste().forEach(l -> parLot.put(l.numero(), new int[aConfirmer + 1]));
        for (Soumission s : soumissions.deLaConsultation(consultationId)) {
            int[] compte = parLot.computeIfAbsent(s.lot(), l -> new int[aConfirmer + 1]);
            for (Pli p : s.plis()) {
                compte[p.statut().ordinal()]++;
                if (p.aConfirmer(rectificatif)) {
                    compte[aConfirmer]++;
                }
            }
        }
        return parLot.entrySet().stream().map(e -> new DecompteLot(e.getKey(), e.getValue()[StatutPli.DEPOSE.ordinal()],
                e.getValue()[StatutPli.HORS_DELAI.ordinal()], e.getValue()[StatutPli.RETIRE.ordinal()],
                e.getValue()[StatutPli.REMPLACE.ordinal()], e.getValue()[aConfirmer])).toList();
    }

    /**
     * The plis in force on a lot, decrypted: only once the plis are opened (the vault refuses before). Late,
     * replaced and withdrawn plis are not offers of the analysis.
     */
    public List<OffreOuverte> offresOuvertes(String consultationId, int lot) {
        List<OffreOuverte> offres = new ArrayList<>();
        for (Soumission soumission : soumissions.deLaConsultation(consultationId)) {
            if (soumission.lot() != lot) {
                continue;
            }
            soumission.enVigueur().ifPresent(pli -> {
                var donnees = json.readTree(coffre.desceller(consultationId, pli.offreScellee(), pli.numero()));
                List<OffreDeposee.PrixUnitaire> prix = new ArrayList<>();
                donnees.path("prixUnitaires").forEach(p -> prix.add(new OffreDeposee.PrixUnitaire(
                        p.path("reference").asString(), fr.centraleachat.kernel.Montant.de(p.path("prixUnitaireHt").asString()))));
                String raisonSociale = donnees.hasNonNull("raisonSociale") ? donnees.get("raisonSociale").asString()
                        : null;
                offres.add(new OffreOuverte(pli.numero(), soumission.soumissionnaire(), raisonSociale,
                        fr.centraleachat.kernel.Montant.de(donnees.path("prixHt").asString()), pli.recuLe(), prix));
            });
        }
        return offres;
    }

    /**
     * The procès-verbal d'ouverture, built from the plis as stored: each file is decrypted and hashed again and
     * compared with its receipt. Only once the plis are opened (the vault refuses before), for the acheteur and
     * administrators.
     */
    public ProcesVerbalOuverture procesVerbal(String consultationId, Instant ouvertLe, String ouvertPar,
            Acteur acteur) {
        acteur.exiger(Role.ACHETEUR, Role.ADMIN);
        Consultation consultation = consultationPubliee(consultationId);
        if (!consultation.plisOuverts()) {
            throw new fr.centraleachat.kernel.TransitionInterditeException(consultation.statut().name(),
                    "Le procès-verbal d'ouverture n'existe qu'après l'ouverture des plis.");
        }
        List<Soumission> toutes = soumissions.deLaConsultation(consultationId);
        List<ProcesVerbalOuverture.LotOuvert> lots = new ArrayList<>();
        for (var lot : consultation.lots().liste()) {
            List<ProcesVerbalOuverture.PliOuvert> plisDuLot = new ArrayList<>();
            for (Soumission soumission : toutes) {
                if (soumission.lot() != lot.numero()) {
                    continue;
                }
                for (Pli pli : soumission.plis()) {
                    var donnees = json.readTree(coffre.desceller(consultationId, pli.offreScellee(), pli.numero()));
                    String raisonSociale = donnees.hasNonNull("raisonSociale") ? donnees.get("raisonSociale").asString()
                            : null;
                    List<ProcesVerbalOuverture.FichierVerifie> fichiers = new ArrayList<>();
                    for (int i = 0; i < pli.pieces().size(); i++) {
                        FichierStocke f = pli.pieces().get(i).fichier();
                        String relu = empreinteRelue(consultationId, pli.numero() + "/" + i, f.id());
                        fichiers.add(new ProcesVerbalOuverture.FichierVerifie(f.nom(), f.taille(), f.sha256(), relu,
                                f.sha256().equals(relu)));
                    }
                    plisDuLot.add(new ProcesVerbalOuverture.PliOuvert(pli.numero(), soumission.soumissionnaire().valeur(),
                            raisonSociale, pli.recuLe(), pli.statut(), pli.horsDelai(), fichiers));
                }
            }
            plisDuLot.sort(java.util.Comparator.comparing(ProcesVerbalOuverture.PliOuvert::recuLe));
            lots.add(new ProcesVerbalOuverture.LotOuvert(lot.numero(), lot.intitule(), plisDuLot));
        }
        return ProcesVerbalOuverture.de(consultationId, consultation.objet(), ouvertLe, ouvertPar, lots);
    }

    /** The SHA-256 of a stored file read back through the vault; "illisible" when it no longer decrypts. */
    private String empreinteRelue(String consultationId, String contexte, String fichier) {
        try (InputStream clair = stockage.ouvrir(BUCKET, fichier, coffre.enveloppe(consultationId, contexte))) {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            byte[] tampon = new byte[64 * 1024];
            for (int n; (n = clair.read(tampon)) > 0; ) {
                sha.update(tampon, 0, n);
            }
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (IOException | java.security.NoSuchAlgorithmException | RuntimeException e) {
            if (e instanceof fr.centraleachat.marche.pli.scellement.PlisScellesException scelles) {
                throw scelles;
            }
            LOG.warn("File {} of pli {} of consultation {} could not be read back: {}", fichier, contexte,
                    consultationId, e.getClass().getSimpleName());
            return "illisible";
        }
    }

    /** Each pli event joins the journal in the same write, without naming the supplier nor any content. */
    private List<MessageSortant> messagesJournal(Soumission soumission) {
        ConsultationId consultation = ConsultationId.de(soumission.consultationId());
        List<MessageSortant> messages = new ArrayList<>();
        for (EvenementPli evenement : soumission.evenementsEnAttente()) {
            ActionJournal action;
            String resume;
            if (evenement instanceof EvenementPli.PliDepose depose) {
                action = ActionJournal.PLI_DEPOSE;
                resume = "Pli " + depose.numero() + " reçu sur le lot " + soumission.lot()
                        + (depose.horsDelai() ? " hors délai." : " dans le délai.");
            } else if (evenement instanceof EvenementPli.PliRemplace remplace) {
                action = ActionJournal.PLI_REMPLACE;
                resume = "Pli " + remplace.numero() + " du lot " + soumission.lot() + " remplacé par le pli "
                        + remplace.remplacePar() + ".";
            } else {
                action = ActionJournal.PLI_RETIRE;
                resume = "Pli " + evenement.numero() + " du lot " + soumission.lot() + " retiré par son soumissionnaire.";
            }
            messages.add(journal.message(consultation, Auteur.SOUMISSIONNAIRE, action, resume));
        }
        return messages;
    }

    private List<PieceDeposee> stocker(String consultationId, String numero, List<FichierRecu> fichiers) {
        List<PieceDeposee> pieces = new ArrayList<>();
        try {
            for (int i = 0; i < fichiers.size(); i++) {
                FichierRecu recu = fichiers.get(i);
                String champ = recu.nature().name().toLowerCase(java.util.Locale.ROOT);
                try (InputStream flux = recu.contenu().ouvrir()) {
                    FichierStocke stocke = stockage.enregistrer(BUCKET, champ, recu.nom(), flux, tailleMaxFichier,
                            coffre.enveloppe(consultationId, numero + "/" + i));
                    pieces.add(new PieceDeposee(recu.nature(), stocke));
                }
            }
            return pieces;
        } catch (IOException e) {
            pieces.forEach(p -> stockage.supprimer(BUCKET, p.fichier().id()));
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // A refused file refuses the whole pli: nothing of it is kept.
            pieces.forEach(p -> stockage.supprimer(BUCKET, p.fichier().id()));
            throw e;
        }
    }

    private byte[] serialiser(OffreDeposee offre) {
        Map<String, Object> donnees = new LinkedHashMap<>();
        donnees.put("prixHt", offre.prixHt().valeurHt().toPlainString());
        donnees.put("raisonSociale", offre.raisonSociale());
        donnees.put("referenceDume", offre.referenceDume());
        donnees.put("prixUnitaires", offre.prixUnitaires().stream().map(p -> Map.of("reference", p.reference(),
                "prixUnitaireHt", p.prixUnitaireHt().valeurHt().toPlainString())).toList());
        return json.writeValueAsBytes(donnees);
    }

    private Consultation consultationPubliee(String consultationId) {
        return consultations.trouver(ConsultationId.de(consultationId)).map(f -> f.consultation())
                .filter(Consultation::aEtePubliee)
                .orElseThrow(() -> new RessourceIntrouvableException("Consultation " + consultationId + " introuvable."));
    }

    private static void exigerLot(Consultation consultation, int lot) {
        if (consultation.lots().liste().stream().noneMatch(l -> l.numero() == lot)) {
            throw new RessourceIntrouvableException("La consultation n'a pas de lot " + lot + ".");
        }
    }

    private Soumission soumissionDuFournisseur(String numero, Acteur acteur) {
        String siret = acteur.siret().map(Siret::valeur).orElse("");
        // Another supplier's pli is "not found": its existence is not the caller's business.
        return soumissions.parNumeroDePli(numero).filter(s -> s.soumissionnaire().valeur().equals(siret))
                .orElseThrow(() -> introuvable(numero));
    }

    private static RessourceIntrouvableException introuvable(String numero) {
        return new RessourceIntrouvableException("Pli " + numero + " introuvable.");
    }

    /** A receipt number hard to guess: 12 characters of an unambiguous alphabet (60 bits). */
    private String numeroDAccuse() {
        StringBuilder numero = new StringBuilder("PLI-");
        for (int i = 0; i < 12; i++) {
            numero.append(ALPHABET[aleatoire.nextInt(ALPHABET.length)]);
        }
        return numero.toString();
    }

}
