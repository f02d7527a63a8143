package fr.centraleachat.catalogue.recherche.index;

import fr.centraleachat.catalogue.contrat.application.Contrats;
import fr.centraleachat.catalogue.recherche.application.IndexArticles;
import fr.centraleachat.catalogue.recherche.application.ProprietesRecherche;
import fr.centraleachat.catalogue.recherche.domain.ContratIndexe;
import fr.centraleachat.catalogue.recherche.domain.CritereRecherche;
import fr.centraleachat.catalogue.recherche.domain.DivisionsCpv;
import fr.centraleachat.catalogue.recherche.domain.ResultatRecherche;
import fr.centraleachat.catalogue.recherche.domain.ResultatRecherche.Article;
import fr.centraleachat.catalogue.recherche.domain.ResultatRecherche.Facettes;
import fr.centraleachat.catalogue.recherche.domain.ResultatRecherche.Tranche;
import fr.centraleachat.catalogue.recherche.domain.ResultatRecherche.Valeur;
import fr.centraleachat.catalogue.recherche.domain.TranchePrix;
import fr.centraleachat.catalogue.tarif.domain.LigneTarif;
import fr.centraleachat.kernel.FamilleAchat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.range.LongRange;
import org.apache.lucene.facet.range.LongRangeFacetCounts;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The index on this instance's disk: one Lucene document per item of a price list in force (its contract's fields
 * copied in, for the text, the filters and the facets), plus one per contract recording what was indexed for it (its
 * description and fingerprint), which is how a restarted instance knows what it holds. A near-real-time reader
 * ({@link SearcherManager}) serves the searches; only {@link #publier} opens a new one, so a contract's items change
 * for searches all at once. Memory stays bounded whatever the catalogue: the writer flushes past
 * {@code centrale.recherche.memoire-ecriture}, a search keeps at most 10 000 hits, the facets count through doc values.
 */
@Component
class IndexLucene implements IndexArticles, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(IndexLucene.class);

    /** How documents are laid out: an index written with another layout is rebuilt. */
    static final String SCHEMA = "2";
    private static final String CLE_SCHEMA = "schema";
    private static final String CLE_COMPLET = "complet";
    private static final String ILLISIBLE = "illisible";
    private static final String PREFIXE_TEMPORAIRE = "catalogue-recherche-";

    static final String TYPE = "type";
    static final String ARTICLE = "article";
    static final String CONTRAT = "contrat";
    static final String TITULAIRE = "titulaire";
    static final String BENEFICIAIRE = "beneficiaire";
    static final String FAMILLE = "familleAchat";
    static final String DIVISION = "divisionCpv";
    static final String UNITE = "unite";
    static final String DEBUT = "debut";
    static final String FIN = "fin";
    static final String RESILIE = "resilie";
    static final String PRIX = "prix";
    static final String CLE = "cle";
    static final String REFERENCE_EXACTE = "referenceExacte";
    /** The designation, stemmed, with offsets for highlighting. */
    static final String DESIGNATION = "designation";
    /** Designation and reference, unstemmed: an exact word ranks above its family. */
    static final String MOTS = "mots";
    /** What else an item is found by: designation, reference, packing, contract's objet and lot, titulaire, famille. */
    static final String TEXTE = "texte";
    /** The name of the item's CPV division: broad, so it weighs least. */
    static final String CPV = "cpvLibelle";

    private static final String S_REFERENCE = "s.reference";
    private static final String S_UNITE = "s.unite";
    private static final String S_CONDITIONNEMENT = "s.conditionnement";
    private static final String S_PRIX = "s.prix";
    private static final String S_TVA = "s.tva";
    private static final String S_CPV = "s.cpv";
    private static final String S_EMPREINTE = "s.empreinte";
    private static final String S_OBJET = "s.objet";
    private static final String S_LOT = "s.intituleLot";
    private static final String S_TITULAIRE_NOM = "s.titulaireNom";
    private static final String S_DATE_DEBUT = "s.dateDebut";
    private static final String S_DATE_FIN = "s.dateFin";
    private static final String S_RESILIE = "s.resilieLe";
    private static final String S_TITULAIRE = "s.titulaireSiret";
    private static final String S_BENEFICIAIRE = "s.beneficiaire";
    private static final String S_FAMILLE = "s.familleAchat";
    private static final Set<String> CHAMPS_ARTICLE = Set.of(CONTRAT, S_REFERENCE, DESIGNATION, S_UNITE,
            S_CONDITIONNEMENT, S_PRIX, S_TVA, S_CPV);

    private static final FieldType TEXTE_SURLIGNABLE = new FieldType(TextField.TYPE_STORED);
    private static final LongRange[] TRANCHES = Arrays.stream(TranchePrix.values()).map(IndexLucene::intervalle)
            .toArray(LongRange[]::new);

    static {
        TEXTE_SURLIGNABLE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXTE_SURLIGNABLE.freeze();
    }

    private final Path dossier;
    private final boolean temporaire;
    private final Directory repertoire;
    private final IndexWriter ecrivain;
    private final SearcherManager lecteurs;
    private final FacetsConfig facettes = new FacetsConfig();
    private final Analyzer analyseur = AnalyseurFrancais.complet();
    private final Analyzer analyseurMots = AnalyseurFrancais.sansRacinisation();
    private final RequetesRecherche requetes = new RequetesRecherche(analyseurMots, analyseur);
    private final int facettesMax;
    private final Map<String, String> empreintes = new ConcurrentHashMap<>();
    private final Map<String, ContratIndexe> contrats = new ConcurrentHashMap<>();
    private final Map<String, String> nomsTitulaires = new ConcurrentHashMap<>();
    private volatile boolean pret;

    @Autowired
    IndexLucene(ProprietesRecherche proprietes, @Value("${server.port:8083}") String port) throws IOException {
        this(ouvrir(dossier(proprietes, port)), proprietes.repertoire().isBlank(),
                proprietes.memoireEcriture().toMegabytes(), proprietes.facettesMax());
    }

    private IndexLucene(FSDirectory repertoire, boolean temporaire, double memoireMo, int facettesMax)
            throws IOException {
        this(repertoire, repertoire.getDirectory(), temporaire, memoireMo, facettesMax);
    }

    /**
     * @param dossier where the directory is, for the logs; removed on close when {@code temporaire}
     */
    IndexLucene(Directory repertoire, Path dossier, boolean temporaire, double memoireMo, int facettesMax)
            throws IOException {
        this.dossier = dossier;
        this.temporaire = temporaire;
        this.facettesMax = facettesMax;
        this.repertoire = repertoire;
        Map<String, String> donnees = donnees(repertoire, dossier);
        if (ILLISIBLE.equals(donnees.get(CLE_SCHEMA))) {
            vider(repertoire, dossier);
        }
        boolean compatible = SCHEMA.equals(donnees.get(CLE_SCHEMA));
        Map<String, Analyzer> parChamp = Map.of(MOTS, analyseurMots);
        IndexWriterConfig configuration = new IndexWriterConfig(new PerFieldAnalyzerWrapper(analyseur, parChamp))
                .setOpenMode(compatible ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(memoireMo)
                // Segments kept in contract-then-reference order: browsing in that order stops after the page.
                .setIndexSort(new Sort(new SortField(CLE, SortField.Type.STRING)));
        try {
            this.ecrivain = new IndexWriter(repertoire, configuration);
        } catch (LockObtainFailedException e) {
            repertoire.close();
            throw new IllegalStateException("The search index " + dossier + " is used by another process: give each "
                    + "instance its own centrale.recherche.instance", e);
        }
        this.pret = compatible && "true".equals(donnees.get(CLE_COMPLET));
        donneesDeCommit(pret);
        if (!compatible) {
            ecrivain.commit();
            LOG.info("Search index created in {}{}", dossier, donnees.isEmpty() ? "" : " (another layout was there: "
                    + "rebuilt)");
        }
        this.lecteurs = new SearcherManager(ecrivain, new FabriqueChercheurs(facettes));
        charger();
        LOG.info("Search index {} opened: {} contracts{}", dossier, contrats.size(),
                pret ? "" : ", to be built from the store before searches are answered");
    }

    /** What the last commit says of the index; an unreadable index (corrupt, another Lucene) is rebuilt. */
    private static Map<String, String> donnees(Directory repertoire, Path dossier) {
        try {
            return DirectoryReader.indexExists(repertoire) ? SegmentInfos.readLatestCommit(repertoire).getUserData()
                    : Map.of();
        } catch (IOException illisible) {
            LOG.warn("Search index {} unreadable, rebuilt from the store: {}", dossier, illisible.toString());
            return Map.of(CLE_SCHEMA, ILLISIBLE);
        }
    }

    /** Removes an unreadable index's files (even a new writer reads the last commit), under the index's lock. */
    private static void vider(Directory repertoire, Path dossier) throws IOException {
        try (Lock verrou = repertoire.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            verrou.ensureValid();
            for (String fichier : repertoire.listAll()) {
                if (!fichier.equals(IndexWriter.WRITE_LOCK_NAME)) {
                    repertoire.deleteFile(fichier);
                }
            }
        } catch (LockObtainFailedException e) {
            throw new IllegalStateException("The search index " + dossier + " is used by another process: give each "
                    + "instance its own centrale.recherche.instance", e);
        }
    }

    private static FSDirectory ouvrir(Path dossier) throws IOException {
        Files.createDirectories(dossier);
        return FSDirectory.open(dossier);
    }

    private static Path dossier(ProprietesRecherche proprietes, String port) throws IOException {
        if (proprietes.repertoire().isBlank()) {
            Path temporaires = Path.of(System.getProperty("java.io.tmpdir"));
            nettoyerOrphelins(temporaires, Duration.ofMinutes(10));
            return Files.createTempDirectory(temporaires, PREFIXE_TEMPORAIRE);
        }
        String instance = proprietes.instance().isBlank() ? hote() + "-" + port : proprietes.instance();
        return Path.of(proprietes.repertoire()).resolve("index-" + instance.replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    /**
     * Removes the temporary indexes that no process uses any more (one whose service was killed before it could
     * remove its own): those whose lock can be taken, untouched for {@code age}, so that a folder another process has
     * just created is left alone. An index in use holds its lock as long as its process lives.
     */
    static void nettoyerOrphelins(Path temporaires, Duration age) {
        Instant avant = Instant.now().minus(age);
        try (DirectoryStream<Path> dossiers = Files.newDirectoryStream(temporaires, PREFIXE_TEMPORAIRE + "*")) {
            for (Path dossier : dossiers) {
                if (!Files.isDirectory(dossier) || Files.getLastModifiedTime(dossier).toInstant().isAfter(avant)) {
                    continue;
                }
                try (FSDirectory orphelin = FSDirectory.open(dossier);
                     Lock verrou = orphelin.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
                    verrou.ensureValid();
                } catch (LockObtainFailedException enUsage) {
                    continue;
                }
                supprimerDossier(dossier);
                LOG.info("Temporary search index {} left by a stopped process removed", dossier);
            }
        } catch (IOException e) {
            LOG.warn("Temporary search indexes left by stopped processes not removed: {}", e.toString());
        }
    }

    private static String hote() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "local";
        }
    }

    // ------------------------------------------------------------------ state

    @Override
    public boolean pret() {
        return pret;
    }

    @Override
    public void marquerPret() {
        donneesDeCommit(true);
        try {
            ecrivain.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pret = true;
    }

    @Override
    public Map<String, String> empreintes() {
        return Collections.unmodifiableMap(empreintes);
    }

    @Override
    public Optional<ContratIndexe> contrat(String numero) {
        return Optional.ofNullable(contrats.get(numero));
    }

    private void donneesDeCommit(boolean complet) {
        ecrivain.setLiveCommitData(Map.of(CLE_SCHEMA, SCHEMA, CLE_COMPLET, String.valueOf(complet)).entrySet());
    }

    /** Reads back what each contract's record says was indexed. */
    private void charger() throws IOException {
        IndexSearcher chercheur = lecteurs.acquire();
        try {
            TermQuery marqueurs = new TermQuery(new Term(TYPE, CONTRAT));
            int nombre = chercheur.count(marqueurs);
            if (nombre == 0) {
                return;
            }
            StoredFields champs = chercheur.storedFields();
            for (ScoreDoc trouve : chercheur.search(marqueurs, nombre).scoreDocs) {
                Document d = champs.document(trouve.doc);
                ContratIndexe contrat = contratDe(d);
                retenir(contrat);
                empreintes.put(contrat.numero(), d.get(S_EMPREINTE));
            }
        } finally {
            lecteurs.release(chercheur);
        }
    }

    // ------------------------------------------------------------------ writing (one thread)

    @Override
    public long remplacer(ContratIndexe contrat, String empreinte, Consumer<Consumer<LigneTarif>> source) {
        Term cle = new Term(CONTRAT, contrat.numero());
        long[] lignes = {0};
        try {
            ecrivain.deleteDocuments(cle);
            String texteContrat = texteDuContrat(contrat);
            source.accept(ligne -> {
                try {
                    ecrivain.addDocument(facettes.build(article(contrat, texteContrat, ligne)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                lignes[0]++;
            });
            ecrivain.addDocument(marqueur(contrat, empreinte));
        } catch (IOException | RuntimeException e) {
            // Nothing partial is left: without its record the contract is found stale and indexed again.
            empreintes.remove(contrat.numero());
            contrats.remove(contrat.numero());
            try {
                ecrivain.deleteDocuments(cle);
            } catch (IOException suppression) {
                e.addSuppressed(suppression);
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        retenir(contrat);
        empreintes.put(contrat.numero(), empreinte);
        return lignes[0];
    }

    private void retenir(ContratIndexe contrat) {
        contrats.put(contrat.numero(), contrat);
        if (contrat.titulaireNom() != null) {
            nomsTitulaires.put(contrat.titulaireSiret(), contrat.titulaireNom());
        }
    }

    @Override
    public void supprimer(String numero) {
        try {
            ecrivain.deleteDocuments(new Term(CONTRAT, numero));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        empreintes.remove(numero);
        contrats.remove(numero);
    }

    @Override
    public void publier(boolean durable) {
        try {
            lecteurs.maybeRefreshBlocking();
            if (durable) {
                ecrivain.commit();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String texteDuContrat(ContratIndexe c) {
        List<String> textes = new ArrayList<>();
        textes.add(c.objet());
        textes.add(c.intituleLot());
        textes.add(c.titulaireNom());
        if (c.familleAchat() != null) {
            textes.add(c.familleAchat().libelle());
        }
        return String.join(" ; ", textes.stream().filter(t -> t != null && !t.isBlank()).toList());
    }

    private Document article(ContratIndexe c, String texteContrat, LigneTarif ligne) {
        Document d = new Document();
        d.add(new StringField(TYPE, ARTICLE, Field.Store.NO));
        d.add(new StringField(CONTRAT, c.numero(), Field.Store.YES));
        d.add(new StringField(TITULAIRE, c.titulaireSiret(), Field.Store.NO));
        for (String beneficiaire : c.beneficiaires()) {
            d.add(new StringField(BENEFICIAIRE, beneficiaire, Field.Store.NO));
        }
        dates(d, c);
        d.add(new SortedSetDocValuesFacetField(CONTRAT, c.numero()));
        d.add(new SortedSetDocValuesFacetField(TITULAIRE, c.titulaireSiret()));
        if (c.familleAchat() != null) {
            d.add(new StringField(FAMILLE, c.familleAchat().name(), Field.Store.NO));
            d.add(new SortedSetDocValuesFacetField(FAMILLE, c.familleAchat().name()));
        }
        String cpv = ligne.cpv() != null ? ligne.cpv().valeur() : c.cpv();
        String division = cpv == null ? null : cpv.substring(0, 2);
        if (DivisionsCpv.existe(division)) {
            d.add(new StringField(DIVISION, division, Field.Store.NO));
            d.add(new SortedSetDocValuesFacetField(DIVISION, division));
        }
        String unite = CritereRecherche.normaliserUnite(ligne.unite());
        d.add(new StringField(UNITE, unite, Field.Store.NO));
        d.add(new SortedSetDocValuesFacetField(UNITE, unite));
        long prix = dixMilliemes(ligne.prixUnitaireHt());
        d.add(new LongPoint(PRIX, prix));
        d.add(new NumericDocValuesField(PRIX, prix));
        d.add(new SortedDocValuesField(CLE, new BytesRef(c.numero() + '\u0000' + ligne.reference())));
        d.add(new StringField(REFERENCE_EXACTE, ligne.reference().toLowerCase(java.util.Locale.ROOT), Field.Store.NO));

        d.add(new Field(DESIGNATION, ligne.designation(), TEXTE_SURLIGNABLE));
        d.add(new TextField(MOTS, ligne.designation(), Field.Store.NO));
        d.add(new TextField(MOTS, ligne.reference(), Field.Store.NO));
        d.add(new TextField(TEXTE, ligne.designation(), Field.Store.NO));
        d.add(new TextField(TEXTE, ligne.reference(), Field.Store.NO));
        if (ligne.conditionnement() != null) {
            d.add(new TextField(TEXTE, ligne.conditionnement(), Field.Store.NO));
        }
        if (!texteContrat.isEmpty()) {
            d.add(new TextField(TEXTE, texteContrat, Field.Store.NO));
        }
        DivisionsCpv.libelle(division).ifPresent(libelle -> d.add(new TextField(CPV, libelle, Field.Store.NO)));

        d.add(new StoredField(S_REFERENCE, ligne.reference()));
        d.add(new StoredField(S_UNITE, ligne.unite()));
        if (ligne.conditionnement() != null) {
            d.add(new StoredField(S_CONDITIONNEMENT, ligne.conditionnement()));
        }
        d.add(new StoredField(S_PRIX, ligne.prixUnitaireHt().toPlainString()));
        d.add(new StoredField(S_TVA, ligne.tauxTva().toPlainString()));
        if (cpv != null) {
            d.add(new StoredField(S_CPV, cpv));
        }
        return d;
    }

    /** The dates in days since 1970, so that the contract's status on the day of a search is a range query. */
    private static void dates(Document d, ContratIndexe c) {
        d.add(new LongPoint(DEBUT, c.dateDebut().toEpochDay()));
        d.add(new LongPoint(FIN, c.dateFin().toEpochDay()));
        d.add(new LongPoint(RESILIE, c.resilieLe() == null ? Long.MAX_VALUE : c.resilieLe().toEpochDay()));
    }

    private static Document marqueur(ContratIndexe c, String empreinte) {
        Document d = new Document();
        d.add(new StringField(TYPE, CONTRAT, Field.Store.NO));
        d.add(new StringField(CONTRAT, c.numero(), Field.Store.YES));
        d.add(new StoredField(S_EMPREINTE, empreinte));
        stocker(d, S_OBJET, c.objet());
        stocker(d, S_LOT, c.intituleLot());
        d.add(new StoredField(S_TITULAIRE, c.titulaireSiret()));
        stocker(d, S_TITULAIRE_NOM, c.titulaireNom());
        for (String beneficiaire : c.beneficiaires()) {
            d.add(new StoredField(S_BENEFICIAIRE, beneficiaire));
        }
        stocker(d, S_CPV, c.cpv());
        stocker(d, S_FAMILLE, c.familleAchat() == null ? null : c.familleAchat().name());
        d.add(new StoredField(S_DATE_DEBUT, c.dateDebut().toString()));
        d.add(new StoredField(S_DATE_FIN, c.dateFin().toString()));
        stocker(d, S_RESILIE, c.resilieLe() == null ? null : c.resilieLe().toString());
        return d;
    }

    private static void stocker(Document d, String champ, String valeur) {
        if (valeur != null) {
            d.add(new StoredField(champ, valeur));
        }
    }

    private static ContratIndexe contratDe(Document d) {
        String famille = d.get(S_FAMILLE);
        String resilie = d.get(S_RESILIE);
        return new ContratIndexe(d.get(CONTRAT), d.get(S_OBJET), d.get(S_LOT), d.get(S_TITULAIRE),
                d.get(S_TITULAIRE_NOM), List.of(d.getValues(S_BENEFICIAIRE)), d.get(S_CPV),
                famille == null ? null : FamilleAchat.valueOf(famille), LocalDate.parse(d.get(S_DATE_DEBUT)),
                LocalDate.parse(d.get(S_DATE_FIN)), resilie == null ? null : LocalDate.parse(resilie));
    }

    /** Prices have 4 decimals at most: kept exactly as ten-thousandths of a euro. */
    static long dixMilliemes(BigDecimal prix) {
        return prix.movePointRight(4).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    }

    private static LongRange intervalle(TranchePrix tranche) {
        long min = tranche.min() == null ? Long.MIN_VALUE : dixMilliemes(tranche.min());
        boolean borne = tranche.max() != null;
        return new LongRange(tranche.valeur(), min, true, borne ? dixMilliemes(tranche.max()) : Long.MAX_VALUE,
                !borne);
    }

    // ------------------------------------------------------------------ searching

    @Override
    public ResultatRecherche rechercher(CritereRecherche critere, Contrats.Perimetre perimetre,
            LocalDate aujourdhui) {
        int premiers = critere.decalage() + critere.taille();
        ChercheurAvecFacettes chercheur;
        try {
            chercheur = (ChercheurAvecFacettes) lecteurs.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            RequetesRecherche.Requete requete = requetes.construire(critere, perimetre, aujourdhui,
                    chercheur.getIndexReader());
            Query q = requete.requete();
            // Browsing and filtering without words may go over the whole catalogue: their count and facets are kept
            // for as long as this reader serves (until the index next changes).
            Comptage connu = critere.aUnTexte() ? null : chercheur.comptages.get(q);
            TopFieldDocs trouves;
            Comptage comptage;
            if (connu != null) {
                trouves = chercheur.search(q, new TopFieldCollectorManager(tri(critere), premiers, null, premiers,
                        false));
                comptage = connu;
            } else {
                Object[] resultats = chercheur.search(q, new MultiCollectorManager(
                        new TopFieldCollectorManager(tri(critere), premiers, null, Integer.MAX_VALUE, false),
                        new FacetsCollectorManager()));
                trouves = (TopFieldDocs) resultats[0];
                comptage = new Comptage(trouves.totalHits.value, facettes(chercheur, (FacetsCollector) resultats[1]));
                if (!critere.aUnTexte()) {
                    chercheur.comptages.put(q, comptage);
                }
            }
            ScoreDoc[] page = Arrays.copyOfRange(trouves.scoreDocs, Math.min(critere.decalage(),
                    trouves.scoreDocs.length), trouves.scoreDocs.length);
            List<Article> articles = articles(chercheur, page, requete.surlignage());
            return new ResultatRecherche(articles, comptage.total(), comptage.facettes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                lecteurs.release(chercheur);
            } catch (IOException e) {
                LOG.warn("Search index reader not released: {}", e.getMessage());
            }
        }
    }

    /** How many results a query has and their facets. */
    private record Comptage(long total, Facettes facettes) {
    }

    private static Sort tri(CritereRecherche critere) {
        SortField departage = new SortField(CLE, SortField.Type.STRING);
        return switch (critere.tri()) {
            case PRIX_CROISSANT -> new Sort(new SortField(PRIX, SortField.Type.LONG), departage);
            case PRIX_DECROISSANT -> new Sort(new SortField(PRIX, SortField.Type.LONG, true), departage);
            case PERTINENCE -> critere.aUnTexte() ? new Sort(SortField.FIELD_SCORE, departage) : new Sort(departage);
        };
    }

    private List<Article> articles(IndexSearcher chercheur, ScoreDoc[] page, Query surlignage) throws IOException {
        if (page.length == 0) {
            return List.of();
        }
        int[] ids = Arrays.stream(page).mapToInt(s -> s.doc).toArray();
        String[] surlignes = null;
        if (surlignage != null) {
            UnifiedHighlighter surligneur = UnifiedHighlighter.builder(chercheur, analyseur)
                    .withBreakIterator(WholeBreakIterator::new)
                    .withFormatter(new DefaultPassageFormatter("<em>", "</em>", " … ", true))
                    .withMaxLength(1_000).withHandleMultiTermQuery(true).build();
            int[] passages = {1};
            surlignes = surligneur.highlightFields(new String[] {DESIGNATION}, surlignage, ids, passages)
                    .get(DESIGNATION);
        }
        StoredFields champs = chercheur.storedFields();
        List<Article> articles = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            Document d = champs.document(ids[i], CHAMPS_ARTICLE);
            String designation = d.get(DESIGNATION);
            String surligne = surlignes != null && surlignes[i] != null ? surlignes[i] : echapper(designation);
            articles.add(new Article(d.get(CONTRAT), d.get(S_REFERENCE), designation, d.get(S_UNITE),
                    d.get(S_CONDITIONNEMENT), new BigDecimal(d.get(S_PRIX)), new BigDecimal(d.get(S_TVA)),
                    d.get(S_CPV), surligne));
        }
        return articles;
    }

    /** The designation as HTML text, for an item that matched on another field than its designation. */
    static String echapper(String texte) {
        StringBuilder echappe = new StringBuilder(texte.length() + 16);
        for (char c : texte.toCharArray()) {
            switch (c) {
                case '&' -> echappe.append("&amp;");
                case '<' -> echappe.append("&lt;");
                case '>' -> echappe.append("&gt;");
                case '"' -> echappe.append("&quot;");
                case '\'' -> echappe.append("&#x27;");
                case '/' -> echappe.append("&#x2F;");
                default -> echappe.append(c);
            }
        }
        return echappe.toString();
    }

    private Facettes facettes(ChercheurAvecFacettes chercheur, FacetsCollector collecte) throws IOException {
        List<Tranche> tranches = new ArrayList<>();
        FacetResult prix = new LongRangeFacetCounts(PRIX, collecte, TRANCHES).getAllChildren(PRIX);
        Map<String, Number> parTranche = new HashMap<>();
        if (prix != null) {
            for (LabelAndValue lv : prix.labelValues) {
                parTranche.put(lv.label, lv.value);
            }
        }
        for (TranchePrix tranche : TranchePrix.values()) {
            long nombre = parTranche.getOrDefault(tranche.valeur(), 0).longValue();
            if (nombre > 0) {
                tranches.add(new Tranche(tranche, nombre));
            }
        }
        SortedSetDocValuesReaderState etat = chercheur.etat;
        if (etat == null) {
            return new Facettes(List.of(), List.of(), List.of(), List.of(), List.of(), tranches);
        }
        SortedSetDocValuesFacetCounts comptes = new SortedSetDocValuesFacetCounts(etat, collecte);
        return new Facettes(
                valeurs(comptes, FAMILLE, v -> Stream.of(FamilleAchat.values()).filter(f -> f.name().equals(v))
                        .findFirst().map(FamilleAchat::libelle).orElse(null)),
                valeurs(comptes, DIVISION, v -> DivisionsCpv.libelle(v).orElse(null)),
                valeurs(comptes, TITULAIRE, nomsTitulaires::get),
                valeurs(comptes, CONTRAT, v -> contrat(v).map(ContratIndexe::objet).orElse(null)),
                valeurs(comptes, UNITE, v -> null), tranches);
    }

    private List<Valeur> valeurs(SortedSetDocValuesFacetCounts comptes, String dimension,
            java.util.function.Function<String, String> libelle) throws IOException {
        FacetResult resultat;
        try {
            resultat = comptes.getTopChildren(facettesMax, dimension);
        } catch (IllegalArgumentException dimensionAbsente) {
            // No document of this reader has a value for it.
            return List.of();
        }
        if (resultat == null) {
            return List.of();
        }
        return Arrays.stream(resultat.labelValues)
                .sorted(Comparator.comparing((LabelAndValue lv) -> -lv.value.longValue()).thenComparing(lv -> lv.label))
                .map(lv -> new Valeur(lv.label, libelle.apply(lv.label), lv.value.longValue())).toList();
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public void destroy() throws IOException {
        try {
            lecteurs.close();
            ecrivain.close();
            repertoire.close();
        } finally {
            if (temporaire && dossier != null) {
                supprimerDossier(dossier);
            }
        }
    }

    private static void supprimerDossier(Path dossier) throws IOException {
        if (!Files.exists(dossier)) {
            return;
        }
        try (Stream<Path> chemins = Files.walk(dossier)) {
            for (Path chemin : chemins.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(chemin);
            }
        }
    }

    /**
     * Each new reader comes with its facets' ordinals, computed once for all the searches it serves, and the counts
     * of the last {@value #COMPTAGES_MAX} searches without words.
     */
    static final class ChercheurAvecFacettes extends IndexSearcher {

        private static final int COMPTAGES_MAX = 256;

        final SortedSetDocValuesReaderState etat;
        final Map<Query, Comptage> comptages = Collections.synchronizedMap(
                new java.util.LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<Query, Comptage> plusAncien) {
                        return size() > COMPTAGES_MAX;
                    }
                });

        ChercheurAvecFacettes(IndexReader lecteur, SortedSetDocValuesReaderState etat) {
            super(lecteur);
            this.etat = etat;
        }
    }

    private static final class FabriqueChercheurs extends SearcherFactory {

        private final FacetsConfig facettes;

        FabriqueChercheurs(FacetsConfig facettes) {
            this.facettes = facettes;
        }

        @Override
        public IndexSearcher newSearcher(IndexReader lecteur, IndexReader precedent) throws IOException {
            SortedSetDocValuesReaderState etat;
            try {
                etat = new DefaultSortedSetDocValuesReaderState(lecteur, facettes);
            } catch (IllegalArgumentException aucuneFacette) {
                // An index without any item yet.
                etat = null;
            }
            return new ChercheurAvecFacettes(lecteur, etat);
        }
    }
}
