package fr.centraleachat.support.web;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list as served by every list endpoint: the elements, the page asked for and the total number of
 * elements, so that a client can page through a list whose order is stable (every list is sorted on a unique key).
 */
public record PageVue<T>(List<T> elements, int page, int taille, long total) {

    public PageVue {
        elements = List.copyOf(elements);
    }

    /** Pages a list already in memory and already sorted. */
    public static <T> PageVue<T> de(List<T> tries, PageDemandee demande) {
        int debut = (int) Math.min(demande.decalage(), tries.size());
        int fin = (int) Math.min((long) debut + demande.taille(), tries.size());
        return new PageVue<>(tries.subList(debut, fin), demande.page(), demande.taille(), tries.size());
    }

    /** Sorts then pages a list in memory. */
    public static <T> PageVue<T> de(List<T> elements, Comparator<? super T> ordre, PageDemandee demande) {
        return de(elements.stream().sorted(ordre).toList(), demande);
    }

    public <R> PageVue<R> map(Function<? super T, ? extends R> conversion) {
        return new PageVue<>(elements.stream().<R>map(conversion).toList(), page, taille, total);
    }
}
