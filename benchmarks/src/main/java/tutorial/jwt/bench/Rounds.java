package tutorial.jwt.bench;

import java.util.Arrays;

/**
 * Ratios that hold on a noisy machine. A shared machine drifts by several percent within a minute, so
 * each endpoint is measured between two runs of the ceiling and compared with their mean, in several
 * rounds, and the median round is reported: one round slowed down by a neighbour moves it little.
 */
final class Rounds {

    private Rounds() { }

    /** {@code rate} over the mean of the ceiling measured just {@code before} and just {@code after} it. */
    static double toCeiling(double before, double rate, double after) {
        return rate / ((before + after) / 2);
    }

    static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no rounds");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The lowest and the highest round, e.g. {@code 0.84-0.88}: how far the machine let them wander. */
    static String range(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format("%.2f-%.2f", sorted[0], sorted[sorted.length - 1]);
    }
}
