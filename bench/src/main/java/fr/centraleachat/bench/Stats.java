package fr.centraleachat.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Latency samples in milliseconds; nearest-rank percentiles (with 40 samples, p99 is the largest). */
final class Stats {

    private final List<Double> millis = new ArrayList<>();

    synchronized void add(double value) {
        millis.add(value);
    }

    synchronized int count() {
        return millis.size();
    }

    synchronized double percentile(double p) {
        if (millis.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    double max() {
        return percentile(100);
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    String summary() {
        return "p50 " + format(percentile(50)) + " ms, p99 " + format(percentile(99)) + " ms, max " + format(max())
                + " ms over " + count();
    }
}
