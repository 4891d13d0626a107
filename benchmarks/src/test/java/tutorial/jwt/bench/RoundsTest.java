package tutorial.jwt.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RoundsTest {

    @Test
    void an_endpoint_is_compared_with_the_ceiling_measured_around_it() {
        // The machine slowed down by a fifth during the round: the endpoint is compared with 90, not 100.
        assertEquals(0.5, Rounds.toCeiling(100, 45, 80), 1e-9);
    }

    @Test
    void the_median_of_an_odd_count_is_the_middle_value() {
        assertEquals(0.8, Rounds.median(new double[] {0.9, 0.2, 0.8}), 1e-9);
    }

    @Test
    void the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assertEquals(0.85, Rounds.median(new double[] {0.9, 0.8, 0.1, 1.0}), 1e-9);
    }

    @Test
    void the_median_leaves_its_input_in_order() {
        double[] rounds = {0.9, 0.2, 0.8};
        Rounds.median(rounds);
        assertEquals(0.9, rounds[0]);
    }

    @Test
    void one_slow_round_moves_the_median_less_than_the_mean() {
        double[] rounds = {0.88, 0.89, 0.60};
        assertEquals(0.88, Rounds.median(rounds), 1e-9);
    }

    @Test
    void the_range_is_the_lowest_and_the_highest_round() {
        assertEquals("0.80-0.91", Rounds.range(new double[] {0.853, 0.8, 0.911}));
    }

    @Test
    void no_rounds_is_a_mistake() {
        assertThrows(IllegalArgumentException.class, () -> Rounds.median(new double[0]));
    }
}
