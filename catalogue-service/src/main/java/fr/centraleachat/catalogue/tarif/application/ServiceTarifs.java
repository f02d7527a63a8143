package fr.centraleachat.catalogue.tarif.application;

import fr.centraleachat.catalogue.tarif.application.format.AnalyseLignes;
import fr.centraleachat.catalogue.tarif.application.format.FichierIllisibleException;
import fr.centraleachat.catalogue.tarif.application.format.LecteurTarif;
import fr.centraleachat.catalogue.tarif.application.format.LectureCsv;
import fr.centraleachat.catalogue.tarif.application.format.LectureXlsx;
import fr.centraleachat.catalogue.tarif.application.format.LimitesLecture;
import fr.centraleachat.catalogue.tarif.domain.Coefficient;
import fr.centraleachat.catalogue.tarif.domain.HistoriqueTarif;
import fr.centraleachat.catalogue.tarif.domain.LigneTarif;
import fr.centraleachat.catalogue.tarif.domain.ReglesTarif;
import fr.centraleachat.catalogue.tarif.domain.SourceVersion;
import fr.centraleachat.catalogue.tarif.domain.VersionTarif;
import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.kernel.TransitionInterditeException;
import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.support.security.Acteur;
import fr.centraleachat.support.security.Role;
import fr.centraleachat.support.web.Problemes;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * Writes contracts' price lists, for the acheteur: a new version from a file (CSV or XLSX, told apart by content),
 * or from the version in force revised by a coefficient. All or nothing: the lines are written to an unpublished
 * version as they are read, and the version is published by one write only once the whole file was found valid;
 * otherwise it is removed and the caller gets every faulty cell (up to {@code centrale.tarifs.erreurs-max}).
 * Memory does not grow with the file: rows are read one at a time and written by batches of {@value #LOT} (one
 * batch written while the next is read); only the references met so far are kept, to refuse duplicates.
 */
@Service
public class ServiceTarifs {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceTarifs.class);

    static final int LOT = 1_000;
    private static final int ENTETE = 512;

    private final Tarifs tarifs;
    private final ContratsPourTarifs contrats;
    private final ProprietesTarifs proprietes;
    private final LimitesLecture limites;
    private final Clock horloge;
    private final Semaphore places;
    private final ApplicationEventPublisher evenements;

    public ServiceTarifs(Tarifs tarifs, ContratsPourTarifs contrats, ProprietesTarifs proprietes, Clock horloge,
            ApplicationEventPublisher evenements) {
        this.tarifs = tarifs;
        this.contrats = contrats;
        this.proprietes = proprietes;
        this.limites = new LimitesLecture(proprietes.lignesMax(), LimitesLecture.PAR_DEFAUT.longueurMaxCellule(),
                LimitesLecture.PAR_DEFAUT.longueurMaxLigne(), LimitesLecture.PAR_DEFAUT.textesPartagesMax(),
                LimitesLecture.PAR_DEFAUT.tailleMaxDecompressee());
        this.horloge = horloge;
        this.places = new Semaphore(proprietes.importsSimultanes());
        this.evenements = evenements;
    }

    /**
     * Imports a file as a new version of the contract's list, in force from {@code dateEffet}.
     *
     * @throws FichierTarifRefuseException when anything in the file is wrong: nothing was kept
     */
    public VersionTarif importer(String numeroContrat, LocalDate dateEffet, String nomFichier, InputStream flux,
            Acteur acteur) throws IOException {
        acteur.exiger(Role.ACHETEUR);
        exigerContrat(numeroContrat);
        if (dateEffet == null) {
            throw new ValeurInvalideException("dateEffet", "La date d'effet est obligatoire (AAAA-MM-JJ).");
        }
        String nom = nomAffiche(nomFichier);
        prendrePlace();
        try {
            BufferedInputStream entree = new BufferedInputStream(new FluxBorne(flux, nom,
                    proprietes.tailleMaxFichier().toBytes()), 64 * 1024);
            entree.mark(ENTETE);
            byte[] entete = entree.readNBytes(ENTETE);
            entree.reset();
            if (entete.length == 0) {
                throw new FichierTarifRefuseException(nom, List.of("Le fichier est vide."), 1);
            }
            if (!estUnClasseur(entete, nom)) {
                return importer(numeroContrat, dateEffet, nom, new LectureCsv(entree, limites), acteur);
            }
            Path copie = Files.createTempFile("tarif-", ".xlsx");
            try {
                try (OutputStream sortie = Files.newOutputStream(copie)) {
                    entree.transferTo(sortie);
                }
                return importer(numeroContrat, dateEffet, nom, new LectureXlsx(copie, limites), acteur);
            } finally {
                Files.deleteIfExists(copie);
            }
        } finally {
            places.release();
        }
    }

    /**
     * A new version whose prices are those of the version in force on {@code dateEffet} multiplied by the
     * coefficient (a price revision clause), rounded half up to 4 decimals.
     */
    public VersionTarif reviser(String numeroContrat, Coefficient coefficient, LocalDate dateEffet, String motif,
            Acteur acteur) {
        acteur.exiger(Role.ACHETEUR);
        exigerContrat(numeroContrat);
        HistoriqueTarif historique = tarifs.historique(numeroContrat).orElseThrow(() -> new TransitionInterditeException(
                "SANS_TARIF", "Le marché " + numeroContrat + " n'a pas encore de liste de prix à réviser : importez-en une."));
        VersionTarif base = historique.enVigueurLe(dateEffet).orElseThrow(() -> new TransitionInterditeException(
                "SANS_TARIF", "Aucune version de la liste de prix n'est en vigueur le " + dateEffet + " : la révision "
                        + "s'applique à la version en vigueur à sa date d'effet."));
        prendrePlace();
        try {
            String versionId = tarifs.ouvrir(numeroContrat, horloge.instant());
            boolean publiee = false;
            try (Lots lots = new Lots(versionId)) {
                List<String> erreurs = new ArrayList<>();
                long[] refusees = {0};
                tarifs.parcourir(base.id(), ligne -> {
                    try {
                        lots.ajouter(ligne.revisee(coefficient));
                    } catch (ValeurInvalideException e) {
                        if (++refusees[0] <= proprietes.erreursMax()) {
                            erreurs.add("référence « " + ReglesTarif.extrait(ligne.reference()) + " » : prix révisé "
                                    + "refusé : " + e.getMessage());
                        }
                    }
                });
                if (refusees[0] > 0) {
                    throw new ErrorResponseException(HttpStatus.BAD_REQUEST, avecTotal(Problemes.requeteInvalide(
                            "La révision est refusée : " + refusees[0] + " prix révisé(s) hors limites.",
                            erreurs.stream().map(m -> new Problemes.ErreurChamp("coefficient", m)).toList()),
                            refusees[0]), null);
                }
                long ecrites = lots.terminer();
                VersionTarif version = tarifs.publier(numeroContrat, versionId, new Tarifs.NouvelleVersion(dateEffet,
                        SourceVersion.REVISION, null, null, coefficient.valeur(), base.numero(), motif, ecrites,
                        horloge.instant(), acteur.sujet()));
                publiee = true;
                annoncer(numeroContrat, version);
                LOG.info("Price list of {}: version {} revised from version {} by {} ({} lines)", numeroContrat,
                        version.numero(), base.numero(), coefficient.valeur(), version.lignes());
                return version;
            } finally {
                if (!publiee) {
                    abandonner(numeroContrat, versionId);
                }
            }
        } finally {
            places.release();
        }
    }

    /** The winning pli's BPU prices, to start the contract's first list from. */
    public List<ContratsPourTarifs.PrixBpu> brouillon(String numeroContrat, Acteur acteur) {
        acteur.exiger(Role.ACHETEUR);
        exigerContrat(numeroContrat);
        return contrats.prixDuBpu(numeroContrat);
    }

    /** Removes the versions whose writer died before publishing them. */
    public int nettoyer() {
        return tarifs.nettoyer(horloge.instant().minus(proprietes.abandonApres()));
    }

    private VersionTarif importer(String numeroContrat, LocalDate dateEffet, String nom, LecteurTarif lecteur,
            Acteur acteur) throws IOException {
        long debut = System.nanoTime();
        AnalyseLignes analyse = new AnalyseLignes(proprietes.erreursMax());
        String versionId = tarifs.ouvrir(numeroContrat, horloge.instant());
        boolean publiee = false;
        try (Lots lots = new Lots(versionId)) {
            try {
                lecteur.lire((numero, cellules) -> analyse.analyser(numero, cellules).ifPresent(ligne -> {
                    // Past the first faulty line nothing more is written: the version will not be published.
                    if (analyse.nombreErreurs() == 0) {
                        lots.ajouter(ligne);
                    }
                }));
            } catch (FichierIllisibleException e) {
                throw new FichierTarifRefuseException(nom, List.of(e.getMessage()), 1);
            }
            if (analyse.nombreErreurs() > 0) {
                throw new FichierTarifRefuseException(nom, analyse.erreurs(), analyse.nombreErreurs());
            }
            if (!analyse.enteteLue() || analyse.lignes() == 0) {
                throw new FichierTarifRefuseException(nom, List.of(analyse.enteteLue()
                        ? "Le fichier ne contient aucune ligne de prix après l'en-tête."
                        : "Le fichier est vide : aucun en-tête ni aucune ligne."), 1);
            }
            long ecrites = lots.terminer();
            VersionTarif version = tarifs.publier(numeroContrat, versionId, new Tarifs.NouvelleVersion(dateEffet,
                    SourceVersion.IMPORT, lecteur.format(), nom, null, null, null, ecrites, horloge.instant(),
                    acteur.sujet()));
            publiee = true;
            annoncer(numeroContrat, version);
            LOG.info("Price list of {}: version {} imported from {} ({}, {} lines) in {} ms, {} ms of them writing",
                    numeroContrat, version.numero(), nom, lecteur.format(), version.lignes(),
                    (System.nanoTime() - debut) / 1_000_000, lots.millisEcriture());
            return version;
        } finally {
            if (!publiee) {
                abandonner(numeroContrat, versionId);
            }
        }
    }

    private void annoncer(String numeroContrat, VersionTarif version) {
        evenements.publishEvent(new VersionTarifPubliee(numeroContrat, version.numero(), version.id(),
                version.dateEffet()));
    }

    private void abandonner(String numeroContrat, String versionId) {
        try {
            tarifs.abandonner(numeroContrat, versionId);
        } catch (RuntimeException e) {
            // Left to the periodic removal of abandoned versions; unpublished, it is invisible meanwhile.
            LOG.warn("Unpublished price-list version {} of {} not removed now: {}", versionId, numeroContrat,
                    e.getMessage());
        }
    }

    private void exigerContrat(String numeroContrat) {
        ReglesTarif.numeroContrat(numeroContrat);
        if (!contrats.existe(numeroContrat)) {
            throw new RessourceIntrouvableException("Aucun marché de numéro " + numeroContrat + ".");
        }
    }

    private void prendrePlace() {
        boolean obtenue;
        try {
            obtenue = places.tryAcquire(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            obtenue = false;
        }
        if (!obtenue) {
            ErrorResponseException occupe = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS,
                    Problemes.probleme(HttpStatus.TOO_MANY_REQUESTS, "Trop de requêtes", "D'autres imports de listes "
                            + "de prix sont en cours : réessayez dans quelques instants."), null);
            occupe.getHeaders().set("Retry-After", "10");
            throw occupe;
        }
    }

    /**
     * Tells an Excel workbook (a ZIP archive) from text by the first bytes; refuses the other known formats with a
     * message saying what to do. Anything else is read as CSV, whose reader checks the encoding.
     */
    static boolean estUnClasseur(byte[] entete, String nom) {
        if (commencePar(entete, 'P', 'K', 3, 4)) {
            return true;
        }
        if (commencePar(entete, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            throw new FichierTarifRefuseException(nom, List.of("Le fichier est un classeur Excel 97-2003 (.xls) : "
                    + "enregistrez-le au format « Classeur Excel (.xlsx) » ou « CSV UTF-8 »."), 1);
        }
        boolean utf16 = commencePar(entete, 0xFF, 0xFE) || commencePar(entete, 0xFE, 0xFF);
        boolean binaire = commencePar(entete, '%', 'P', 'D', 'F') || commencePar(entete, 0x89, 'P', 'N', 'G')
                || commencePar(entete, 0xFF, 0xD8, 0xFF) || commencePar(entete, 'G', 'I', 'F', '8')
                || commencePar(entete, '7', 'z', 0xBC, 0xAF) || commencePar(entete, 'R', 'a', 'r', '!')
                || commencePar(entete, 'M', 'Z') || commencePar(entete, 0x7F, 'E', 'L', 'F')
                || commencePar(entete, 0x1F, 0x8B);
        if (!utf16) {
            for (byte octet : entete) {
                binaire |= octet == 0;
            }
        }
        if (binaire) {
            throw new FichierTarifRefuseException(nom, List.of("Le fichier n'est ni un CSV ni un classeur Excel "
                    + "(.xlsx) : son contenu a été examiné, pas son nom."), 1);
        }
        return false;
    }

    private static boolean commencePar(byte[] entete, int... signature) {
        if (entete.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((entete[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }

    /** The file name as the caller gave it, for messages and the history: no path, no control, 200 characters. */
    static String nomAffiche(String nomFichier) {
        if (nomFichier == null || nomFichier.isBlank()) {
            return "fichier";
        }
        String nom = nomFichier.substring(Math.max(nomFichier.lastIndexOf('/'), nomFichier.lastIndexOf('\\')) + 1)
                .replaceAll("[\\p{Cntrl}\\u202A-\\u202E\\u2066-\\u2069]", "").strip();
        if (nom.isEmpty()) {
            return "fichier";
        }
        return nom.length() <= 200 ? nom : nom.substring(0, 200);
    }

    private static ProblemDetail avecTotal(ProblemDetail probleme, long total) {
        probleme.setProperty("erreursTotal", total);
        return probleme;
    }

    /**
     * Lines written by batches to an unpublished version, on a thread of their own so that reading the next batch
     * overlaps writing the previous one: at most two batches are held, the one being filled and the one being
     * written. A write's failure is thrown to the reader at its next batch or at the end.
     */
    private final class Lots implements AutoCloseable {

        private final String versionId;
        private final ExecutorService ecrivain = Executors.newSingleThreadExecutor(tache -> {
            Thread fil = new Thread(tache, "tarif-ecriture");
            fil.setDaemon(true);
            return fil;
        });
        private final List<LigneTarif> lot = new ArrayList<>(LOT);
        private Future<?> enCours;
        private long ecrites;
        private long envoyees;
        private long nanosEcriture;

        Lots(String versionId) {
            this.versionId = versionId;
        }

        void ajouter(LigneTarif ligne) {
            lot.add(ligne);
            if (lot.size() >= LOT) {
                envoyer();
            }
        }

        /** Writes what is left and waits until every line is written; answers how many were. */
        long terminer() {
            envoyer();
            attendre();
            return ecrites;
        }

        long millisEcriture() {
            return nanosEcriture / 1_000_000;
        }

        private void envoyer() {
            if (lot.isEmpty()) {
                return;
            }
            attendre();
            List<LigneTarif> aEcrire = List.copyOf(lot);
            lot.clear();
            long rangPremiere = envoyees;
            envoyees += aEcrire.size();
            enCours = ecrivain.submit(() -> {
                long debut = System.nanoTime();
                tarifs.ajouter(versionId, rangPremiere, aEcrire);
                nanosEcriture += System.nanoTime() - debut;
                ecrites += aEcrire.size();
            });
        }

        private void attendre() {
            if (enCours == null) {
                return;
            }
            try {
                enCours.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing price-list lines", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException echec) {
                    throw echec;
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                enCours = null;
            }
        }

        /** Lets a write in progress end before the version is removed, so that none of its lines is left over. */
        @Override
        public void close() {
            try {
                attendre();
            } catch (RuntimeException ignoree) {
                // The version is being abandoned anyway.
            } finally {
                ecrivain.shutdownNow();
            }
        }
    }

    /** The upload as read, refused past its limit (the container's multipart limit comes first in practice). */
    private static final class FluxBorne extends FilterInputStream {

        private final String nom;
        private final long limite;
        private long lus;

        FluxBorne(InputStream source, String nom, long limite) {
            super(source);
            this.nom = nom;
            this.limite = limite;
        }

        @Override
        public int read() throws IOException {
            int octet = super.read();
            if (octet >= 0) {
                compter(1);
            }
            return octet;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                compter(n);
            }
            return n;
        }

        private void compter(int n) {
            lus += n;
            if (lus > limite) {
                throw new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE, Problemes.probleme(
                        HttpStatus.CONTENT_TOO_LARGE, "Fichier trop volumineux", "Le fichier « " + nom + " » dépasse "
                                + "la taille maximale acceptée (" + limite / (1024 * 1024) + " Mo)."), null);
            }
        }
    }
}
