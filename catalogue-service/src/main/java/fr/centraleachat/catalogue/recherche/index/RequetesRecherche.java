package fr.centraleachat.catalogue.recherche.index;

import fr.centraleachat.catalogue.contrat.application.Contrats;
import fr.centraleachat.catalogue.contrat.domain.StatutContrat;
import fr.centraleachat.catalogue.recherche.domain.CritereRecherche;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a search into a Lucene query, never through a query parser: the text is analysed like the index, and each
 * word must be found (in the designation, the reference, the contract's objet, the titulaire's name, the famille or
 * CPV division's name...). A word of the designation or reference matches as written (weighs most), by its stem
 * ("fournitures": fourniture), or, when the index knows it in neither form, from 5 letters and without digits, with a
 * typo (1 edit up to 8 letters, 2 beyond; the first letter must be right); the other fields match by stem, the broad
 * CPV division's name weighing least.
 * Visibility, status, filters and price range are non-scoring filters.
 */
final class RequetesRecherche {

    static final float POIDS_MOT_EXACT = 4f;
    static final float POIDS_DESIGNATION = 3f;
    static final float POIDS_TEXTE = 1f;
    static final float POIDS_CPV = 0.3f;
    static final float POIDS_APPROCHE = 0.5f;
    static final float POIDS_REFERENCE = 10f;
    static final int LONGUEUR_MIN_APPROCHE = 5;
    static final int LONGUEUR_MAX_UNE_FAUTE = 8;
    private static final int PREFIXE_EXACT = 1;
    private static final int EXPANSIONS_MAX = 50;

    /** The query, and what to highlight in the designations (null without text). */
    record Requete(Query requete, Query surlignage) {
    }

    /** A word of the search as written (folded) and its stem. */
    record Mot(String exact, String racine) {
    }

    private final Analyzer sansRacinisation;
    private final Analyzer complet;

    RequetesRecherche(Analyzer sansRacinisation, Analyzer complet) {
        this.sansRacinisation = sansRacinisation;
        this.complet = complet;
    }

    /** @param lecteur tells which words the index knows: only an unknown word is matched with a typo */
    Requete construire(CritereRecherche critere, Contrats.Perimetre perimetre, LocalDate aujourdhui,
            IndexReader lecteur) throws IOException {
        BooleanQuery.Builder requete = new BooleanQuery.Builder();
        requete.add(new TermQuery(new Term(IndexLucene.TYPE, IndexLucene.ARTICLE)), Occur.FILTER);
        Query surlignage = null;
        List<Mot> mots = critere.aUnTexte() ? mots(critere.texte()) : List.of();
        if (!mots.isEmpty()) {
            BooleanQuery.Builder texte = new BooleanQuery.Builder();
            BooleanQuery.Builder surligner = new BooleanQuery.Builder();
            for (Mot mot : mots) {
                boolean inconnu = lecteur.docFreq(new Term(IndexLucene.MOTS, mot.exact())) == 0
                        && lecteur.docFreq(new Term(IndexLucene.TEXTE, mot.racine())) == 0;
                texte.add(clauseDuMot(mot, inconnu), Occur.MUST);
                surligner.add(new TermQuery(new Term(IndexLucene.DESIGNATION, mot.racine())), Occur.SHOULD);
                if (inconnu) {
                    approche(IndexLucene.DESIGNATION, mot.racine(), mot).ifPresent(q -> surligner.add(q, Occur.SHOULD));
                }
            }
            // A search that is an item's reference as a whole puts that item first.
            texte.add(new BoostQuery(new TermQuery(new Term(IndexLucene.REFERENCE_EXACTE,
                    critere.texte().toLowerCase(Locale.ROOT))), POIDS_REFERENCE), Occur.SHOULD);
            requete.add(texte.build(), Occur.MUST);
            surlignage = surligner.build();
        }
        if (perimetre.beneficiaire() != null) {
            requete.add(terme(IndexLucene.BENEFICIAIRE, perimetre.beneficiaire().valeur()), Occur.FILTER);
        }
        if (perimetre.titulaire() != null) {
            requete.add(terme(IndexLucene.TITULAIRE, perimetre.titulaire().valeur()), Occur.FILTER);
        }
        statut(requete, critere.statut(), aujourdhui.toEpochDay());
        if (critere.famille() != null) {
            requete.add(terme(IndexLucene.FAMILLE, critere.famille().name()), Occur.FILTER);
        }
        if (critere.divisionCpv() != null) {
            requete.add(terme(IndexLucene.DIVISION, critere.divisionCpv()), Occur.FILTER);
        }
        if (critere.titulaire() != null) {
            requete.add(terme(IndexLucene.TITULAIRE, critere.titulaire()), Occur.FILTER);
        }
        if (critere.contrat() != null) {
            requete.add(terme(IndexLucene.CONTRAT, critere.contrat()), Occur.FILTER);
        }
        if (critere.unite() != null) {
            requete.add(terme(IndexLucene.UNITE, critere.unite()), Occur.FILTER);
        }
        if (critere.prixMin() != null || critere.prixMax() != null) {
            requete.add(LongPoint.newRangeQuery(IndexLucene.PRIX,
                    critere.prixMin() == null ? Long.MIN_VALUE : IndexLucene.dixMilliemes(critere.prixMin()),
                    critere.prixMax() == null ? Long.MAX_VALUE : IndexLucene.dixMilliemes(critere.prixMax())),
                    Occur.FILTER);
        }
        return new Requete(requete.build(), surlignage);
    }

    /** One word: as written in the designation or reference, by its stem anywhere, or, unknown, close to it. */
    private Query clauseDuMot(Mot mot, boolean inconnu) {
        BooleanQuery.Builder clause = new BooleanQuery.Builder();
        clause.add(new BoostQuery(new TermQuery(new Term(IndexLucene.MOTS, mot.exact())), POIDS_MOT_EXACT),
                Occur.SHOULD);
        clause.add(new BoostQuery(new TermQuery(new Term(IndexLucene.DESIGNATION, mot.racine())), POIDS_DESIGNATION),
                Occur.SHOULD);
        clause.add(new BoostQuery(new TermQuery(new Term(IndexLucene.TEXTE, mot.racine())), POIDS_TEXTE),
                Occur.SHOULD);
        clause.add(new BoostQuery(new TermQuery(new Term(IndexLucene.CPV, mot.racine())), POIDS_CPV), Occur.SHOULD);
        if (inconnu) {
            approche(IndexLucene.MOTS, mot.exact(), mot)
                    .ifPresent(q -> clause.add(new BoostQuery(q, POIDS_APPROCHE), Occur.SHOULD));
        }
        return clause.build();
    }

    /**
     * Typo tolerance, for words long enough that one or two wrong letters still say which word was meant: on the
     * words as written ({@code terme} = the word), or on the stems to highlight them ({@code terme} = its stem), the
     * number of edits following the length of the word as typed.
     */
    static java.util.Optional<Query> approche(String champ, String terme, Mot mot) {
        int longueur = mot.exact().length();
        if (longueur < LONGUEUR_MIN_APPROCHE || mot.exact().chars().anyMatch(Character::isDigit)) {
            return java.util.Optional.empty();
        }
        int fautes = longueur <= LONGUEUR_MAX_UNE_FAUTE ? 1 : 2;
        return java.util.Optional.of(new FuzzyQuery(new Term(champ, terme), fautes, PREFIXE_EXACT,
                EXPANSIONS_MAX, true));
    }

    /**
     * The status on the day of the search, from the dates: terminated from the termination day, before the start
     * date to come, after the end date expired, else in force. Without a status asked: those not ended.
     */
    private static void statut(BooleanQuery.Builder requete, StatutContrat statut, long jour) {
        if (statut == StatutContrat.RESILIE) {
            requete.add(LongPoint.newRangeQuery(IndexLucene.RESILIE, Long.MIN_VALUE, jour), Occur.FILTER);
            return;
        }
        requete.add(LongPoint.newRangeQuery(IndexLucene.RESILIE, jour + 1, Long.MAX_VALUE), Occur.FILTER);
        if (statut == null) {
            requete.add(LongPoint.newRangeQuery(IndexLucene.FIN, jour, Long.MAX_VALUE), Occur.FILTER);
            return;
        }
        switch (statut) {
            case A_VENIR -> requete.add(LongPoint.newRangeQuery(IndexLucene.DEBUT, jour + 1, Long.MAX_VALUE),
                    Occur.FILTER);
            case EXPIRE -> {
                requete.add(LongPoint.newRangeQuery(IndexLucene.DEBUT, Long.MIN_VALUE, jour), Occur.FILTER);
                requete.add(LongPoint.newRangeQuery(IndexLucene.FIN, Long.MIN_VALUE, jour - 1), Occur.FILTER);
            }
            case ACTIF -> {
                requete.add(LongPoint.newRangeQuery(IndexLucene.DEBUT, Long.MIN_VALUE, jour), Occur.FILTER);
                requete.add(LongPoint.newRangeQuery(IndexLucene.FIN, jour, Long.MAX_VALUE), Occur.FILTER);
            }
            default -> throw new IllegalStateException("statut " + statut);
        }
    }

    private static Query terme(String champ, String valeur) {
        return new TermQuery(new Term(champ, valeur));
    }

    /** The words of the search as the index holds them: stop words dropped, at most {@value CritereRecherche#MOTS_MAX}. */
    List<Mot> mots(String texte) {
        List<Mot> mots = new ArrayList<>();
        for (String exact : jetons(sansRacinisation, texte)) {
            if (mots.size() == CritereRecherche.MOTS_MAX) {
                break;
            }
            List<String> racine = jetons(complet, exact);
            Mot mot = new Mot(exact, racine.isEmpty() ? exact : racine.get(0));
            if (!mots.contains(mot)) {
                mots.add(mot);
            }
        }
        return mots;
    }

    static List<String> jetons(Analyzer analyseur, String texte) {
        List<String> jetons = new ArrayList<>();
        try (TokenStream flux = analyseur.tokenStream(IndexLucene.TEXTE, texte)) {
            CharTermAttribute terme = flux.addAttribute(CharTermAttribute.class);
            flux.reset();
            while (flux.incrementToken()) {
                jetons.add(terme.toString());
            }
            flux.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jetons;
    }
}
