package fr.centraleachat.marche.document.domain;

import fr.centraleachat.kernel.RegleMetierException;
import fr.centraleachat.kernel.RessourceIntrouvableException;
import fr.centraleachat.kernel.TransitionInterditeException;
import fr.centraleachat.kernel.ValeurInvalideException;
import fr.centraleachat.marche.consultation.domain.ConsultationId;
import fr.centraleachat.marche.consultation.domain.Rectificatif;
import fr.centraleachat.marche.consultation.domain.StatutConsultation;
import fr.centraleachat.marche.fichier.domain.FichierStocke;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The dossier de consultation des entreprises (DCE) of one consultation: its documents and their versions. The
 * whole DCE is one stored document, so its limits (number of documents, total size) hold under concurrent uploads.
 *
 * <p>While the consultation is a draft the acheteur adds and deletes documents freely. Once it is published a
 * document may still be added, but replacing or withdrawing one takes a rectificatif: the change is a new version,
 * the earlier ones are kept. A rectificatif's versions are staged here first, tagged with the rectificatif's id, and
 * are part of the DCE only once that rectificatif is recorded on the consultation (another document, no
 * transaction): a reader resolves them against the consultation's rectificatifs. Versions staged by a rectificatif
 * that was never recorded are dropped after {@link #DELAI_ABANDON}, at the next change.
 */
public final class Dce {

    /** Staged versions whose rectificatif was not recorded by then are abandoned. */
    public static final Duration DELAI_ABANDON = Duration.ofHours(1);

    private final ConsultationId consultationId;
    private int dernierNumero;
    private final List<Document> documents;
    private final long version;
    private final boolean nouveau;
    private final List<FichierStocke> aLiberer = new ArrayList<>();

    private Dce(ConsultationId consultationId, int dernierNumero, List<Document> documents, long version,
            boolean nouveau) {
        this.consultationId = Objects.requireNonNull(consultationId, "consultationId");
        this.dernierNumero = dernierNumero;
        this.documents = new ArrayList<>(documents);
        this.version = version;
        this.nouveau = nouveau;
        if (documents.stream().anyMatch(d -> d.numero() > dernierNumero)) {
            throw new IllegalArgumentException("DCE of " + consultationId + " numbers a document past its counter");
        }
    }

    /** The DCE of a consultation that has none yet. */
    public static Dce nouveau(ConsultationId consultationId) {
        return new Dce(consultationId, 0, List.of(), 0, true);
    }

    public static Dce reconstituer(ConsultationId consultationId, int dernierNumero, List<Document> documents,
            long version) {
        return new Dce(consultationId, dernierNumero, documents, version, false);
    }

    /**
     * Checks that documents may be added to the DCE of a consultation in this state: a draft or a published one.
     *
     * @throws TransitionInterditeException otherwise
     */
    public static void exigerDepotPossible(StatutConsultation statut) {
        if (statut != StatutConsultation.BROUILLON && statut != StatutConsultation.PUBLIEE) {
            throw new TransitionInterditeException(statut.name(), "Impossible d'ajouter un document au dossier de"
                    + " consultation : l'état actuel est " + statut.name() + ".");
        }
    }

    /**
     * Adds a document (outside any rectificatif) to the DCE of a draft or published consultation.
     *
     * @param rectificatifs those recorded on the consultation, to tell staged versions from abandoned ones
     * @throws DceTropVolumineuxException past the total size
     * @throws RegleMetierException past the number of documents
     */
    public Document deposer(TypeDocument type, String titre, FichierStocke fichier, StatutConsultation statut,
            Collection<Rectificatif> rectificatifs, Instant maintenant, LimitesDce limites) {
        exigerDepotPossible(statut);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(fichier, "fichier");
        String titreValide = Document.titreValide(titre);
        abandonnerCeQuiNAPasAbouti(rectificatifs, maintenant);
        exigerPlace(1, fichier.taille(), limites);
        Document document = new Document(++dernierNumero, type, titreValide,
                List.of(new VersionDocument(1, fichier, maintenant, null)));
        documents.add(document);
        return document;
    }

    /**
     * Deletes a document of a draft, every file of it with it. A published DCE keeps its history: a rectificatif
     * replaces or withdraws a document instead.
     *
     * @throws TransitionInterditeException unless the consultation is a draft
     */
    public void supprimer(int numero, StatutConsultation statut) {
        if (statut != StatutConsultation.BROUILLON) {
            throw new TransitionInterditeException(statut.name(), "Impossible de supprimer un document du dossier d'une"
                    + " consultation " + statut.name() + " : un rectificatif le remplace ou le retire, ses versions"
                    + " précédentes restant consultables.");
        }
        Document document = document(numero);
        documents.remove(document);
        document.versions().forEach(v -> v.contenu().ifPresent(aLiberer::add));
    }

    /**
     * Stages what a rectificatif changes, tagged with its id: documents added, replaced (a new version) or withdrawn
     * (a version without a file). A document replaced or withdrawn must be in the DCE now.
     *
     * @param rectificatifs those recorded on the consultation
     * @throws ValeurInvalideException naming a document that is not in the DCE
     * @throws DceTropVolumineuxException past the total size
     * @throws RegleMetierException past the number of documents or versions
     */
    public void preparerRectificatif(String rectificatifId, ChangementsDuDce changements,
            Collection<Rectificatif> rectificatifs, Instant maintenant, LimitesDce limites) {
        Objects.requireNonNull(rectificatifId, "rectificatifId");
        abandonnerCeQuiNAPasAbouti(rectificatifs, maintenant);
        Map<String, Integer> connus = numeros(rectificatifs);
        for (int numero : changements.remplacements().keySet()) {
            exigerEnVigueur(numero, connus, "remplacements", "remplacer");
        }
        for (int numero : changements.retraits()) {
            exigerEnVigueur(numero, connus, "retraits", "retirer");
        }
        long tailleAjoutee = changements.fichiers().stream().mapToLong(FichierStocke::taille).sum();
        exigerPlace(changements.ajouts().size(), tailleAjoutee, limites);
        changements.remplacements().forEach((numero, fichier) -> ajouterVersion(numero, fichier, maintenant,
                rectificatifId));
        changements.retraits().stream().sorted().forEach(numero -> ajouterVersion(numero, null, maintenant,
                rectificatifId));
        for (NouveauDocument ajout : changements.ajouts()) {
            documents.add(new Document(++dernierNumero, ajout.type(), ajout.titre(),
                    List.of(new VersionDocument(1, ajout.fichier(), maintenant, rectificatifId))));
        }
    }

    /** Drops what a rectificatif staged, when it could not be recorded on the consultation. */
    public void abandonnerRectificatif(String rectificatifId) {
        retirerVersions(v -> rectificatifId.equals(v.rectificatif()));
    }

    /** The documents in the DCE now, by number, each with its earlier versions. */
    public List<DocumentEnVigueur> enVigueur(Collection<Rectificatif> rectificatifs) {
        Map<String, Integer> connus = numeros(rectificatifs);
        List<DocumentEnVigueur> vigueur = new ArrayList<>();
        for (Document document : documents) {
            List<VersionPubliee> publiees = publiees(document, connus);
            if (publiees.isEmpty() || publiees.get(publiees.size() - 1).estUnRetrait()) {
                continue;
            }
            vigueur.add(new DocumentEnVigueur(document.numero(), document.type(), document.titre(),
                    publiees.get(publiees.size() - 1), publiees.subList(0, publiees.size() - 1)));
        }
        return vigueur;
    }

    /**
     * One version of a document, if it is part of the DCE: the current one when {@code version} is empty (none
     * when the document was withdrawn), otherwise that version if it carries a file.
     */
    public Optional<VersionPubliee> version(int numero, Optional<Integer> version,
            Collection<Rectificatif> rectificatifs) {
        Optional<Document> document = documents.stream().filter(d -> d.numero() == numero).findFirst();
        if (document.isEmpty()) {
            return Optional.empty();
        }
        List<VersionPubliee> publiees = publiees(document.get(), numeros(rectificatifs));
        Optional<VersionPubliee> trouvee = version.isEmpty()
                ? publiees.stream().reduce((premiere, derniere) -> derniere)
                : publiees.stream().filter(v -> v.version() == version.get()).findFirst();
        return trouvee.filter(v -> !v.estUnRetrait());
    }

    /** Files no version refers to any more since this DCE was read: to delete from storage once it is saved. */
    public List<FichierStocke> fichiersALiberer() {
        return List.copyOf(aLiberer);
    }

    private static List<VersionPubliee> publiees(Document document, Map<String, Integer> connus) {
        return document.versions().stream()
                .filter(v -> v.rectificatif() == null || connus.containsKey(v.rectificatif()))
                .map(v -> new VersionPubliee(v.version(), v.fichier(), v.date(),
                        v.rectificatif() == null ? null : connus.get(v.rectificatif())))
                .toList();
    }

    private void exigerEnVigueur(int numero, Map<String, Integer> connus, String champ, String action) {
        Optional<Document> document = documents.stream().filter(d -> d.numero() == numero).findFirst();
        List<VersionPubliee> publiees = document.map(d -> publiees(d, connus)).orElse(List.of());
        if (publiees.isEmpty() || publiees.get(publiees.size() - 1).estUnRetrait()) {
            throw new ValeurInvalideException(champ, "Impossible de " + action + " le document n° " + numero
                    + " : il n'est pas dans le dossier de consultation.");
        }
        if (document.get().versions().size() >= LimitesDce.VERSIONS_MAX) {
            throw new RegleMetierException(champ, "Le document n° " + numero + " a déjà " + LimitesDce.VERSIONS_MAX
                    + " versions.");
        }
    }

    private void ajouterVersion(int numero, FichierStocke fichier, Instant maintenant, String rectificatifId) {
        Document document = document(numero);
        documents.set(documents.indexOf(document), document.avec(new VersionDocument(document.prochaineVersion(),
                fichier, maintenant, rectificatifId)));
    }

    private void exigerPlace(int documentsAjoutes, long tailleAjoutee, LimitesDce limites) {
        if (documents.size() + documentsAjoutes > limites.documentsMax()) {
            throw new RegleMetierException("fichier", "Le dossier de consultation compte au plus "
                    + limites.documentsMax() + " documents (" + documents.size() + " déjà, retirés compris).");
        }
        long occupee = documents.stream().mapToLong(Document::taille).sum();
        if (occupee + tailleAjoutee > limites.tailleMaxTotale()) {
            throw new DceTropVolumineuxException(limites.tailleMaxTotale(), occupee, tailleAjoutee);
        }
    }

    /** Versions staged by a rectificatif not recorded after {@link #DELAI_ABANDON}: the attempt failed. */
    private void abandonnerCeQuiNAPasAbouti(Collection<Rectificatif> rectificatifs, Instant maintenant) {
        Set<String> connus = numeros(rectificatifs).keySet();
        Instant limite = maintenant.minus(DELAI_ABANDON);
        retirerVersions(v -> v.rectificatif() != null && !connus.contains(v.rectificatif())
                && v.date().isBefore(limite));
    }

    private void retirerVersions(java.util.function.Predicate<VersionDocument> aRetirer) {
        List<Document> restants = new ArrayList<>();
        for (Document document : documents) {
            document.versions().stream().filter(aRetirer).forEach(v -> v.contenu().ifPresent(aLiberer::add));
            Document reste = document.sans(aRetirer);
            if (reste != null) {
                restants.add(reste);
            }
        }
        documents.clear();
        documents.addAll(restants);
    }

    private Document document(int numero) {
        return documents.stream().filter(d -> d.numero() == numero).findFirst()
                .orElseThrow(() -> new RessourceIntrouvableException("Le dossier de consultation n'a pas de document n° "
                        + numero + "."));
    }

    private static Map<String, Integer> numeros(Collection<Rectificatif> rectificatifs) {
        return rectificatifs.stream().collect(Collectors.toMap(Rectificatif::id, Rectificatif::numero, (a, b) -> a));
    }

    public ConsultationId consultationId() {
        return consultationId;
    }

    public int dernierNumero() {
        return dernierNumero;
    }

    /** Every document as stored, staged versions included. */
    public List<Document> documents() {
        return List.copyOf(documents);
    }

    /** Not stored yet: its first save is an insert, which fails if another first upload got there before. */
    public boolean estNouveau() {
        return nouveau;
    }

    public long version() {
        return version;
    }
}
