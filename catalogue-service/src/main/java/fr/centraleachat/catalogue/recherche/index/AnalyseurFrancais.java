package fr.centraleachat.catalogue.recherche.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * French analysis of the catalogue's texts, the same for the index and the queries: words as Unicode splits them,
 * the elided article dropped ("l'agrafeuse", "d’encre": agrafeuse, encre), lower case, French stop words dropped
 * ("fournitures de bureau": fournitures, bureau), accents folded ("café", "cafe": cafe) and, for the complete
 * analysis, a light stemming (plural and common endings: "fournitures", "fourniture": fournitur). Accents are folded
 * before stemming, so that a word typed without its accents gets the same stem as the written one.
 */
final class AnalyseurFrancais extends Analyzer {

    private final boolean racinisation;

    private AnalyseurFrancais(boolean racinisation) {
        this.racinisation = racinisation;
    }

    /** Elision, lower case, stop words, folding and light stemming: what matches "fourniture" to "fournitures". */
    static AnalyseurFrancais complet() {
        return new AnalyseurFrancais(true);
    }

    /** The same without stemming: words as written (folded), so that an exact word ranks above its family. */
    static AnalyseurFrancais sansRacinisation() {
        return new AnalyseurFrancais(false);
    }

    @Override
    protected TokenStreamComponents createComponents(String champ) {
        Tokenizer mots = new StandardTokenizer();
        TokenStream flux = new ElisionFilter(mots, FrenchAnalyzer.DEFAULT_ARTICLES);
        flux = new LowerCaseFilter(flux);
        flux = new StopFilter(flux, FrenchAnalyzer.getDefaultStopSet());
        flux = new ASCIIFoldingFilter(flux);
        if (racinisation) {
            flux = new FrenchLightStemFilter(flux);
        }
        return new TokenStreamComponents(mots, flux);
    }

    @Override
    protected TokenStream normalize(String champ, TokenStream entree) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(new ElisionFilter(entree, FrenchAnalyzer.DEFAULT_ARTICLES)));
    }
}
