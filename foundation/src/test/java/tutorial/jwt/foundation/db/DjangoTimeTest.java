package tutorial.jwt.foundation.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import tutorial.jwt.foundation.db.DjangoTime;

/** Datetimes in SQLite, as Django writes them and as other tools may have: read back to the same instant. */
class DjangoTimeTest {

    @ParameterizedTest
    @CsvSource({
            "2024-05-01 10:20:30.123456,       2024-05-01T10:20:30.123456Z", // Django's own
            "2024-05-01 10:20:30,              2024-05-01T10:20:30Z",        // no fraction
            "2024-05-01T10:20:30.5,            2024-05-01T10:20:30.500Z",    // ISO's T
            "2024-05-01 10:20:30.123456+00:00, 2024-05-01T10:20:30.123456Z", // with an offset
            "2024-05-01 12:20:30+02:00,        2024-05-01T10:20:30Z",        // another offset
            "' 2024-05-01 10:20:30 ',          2024-05-01T10:20:30Z",        // white space around
            "2024-02-29 23:59:59.000001,       2024-02-29T23:59:59.000001Z", // a leap day
            "2024-05-01 10:20:30.1234567,      2024-05-01T10:20:30.1234567Z"}) // more digits than Django writes
    void reads_what_django_and_iso_write(String stored, Instant expected) {
        assertEquals(expected, DjangoTime.parse(stored));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "yesterday", "2024-13-01 10:20:30", "2024-02-30 10:20:30",
            "2023-02-29 10:20:30", "2024-05-01 24:00:00", "2024-05-01 10:60:30.123456", "2024-05-01 10:20:30.12345x", "2024-05-01", "10:20:30"})
    void reads_nothing_or_garbage_as_no_time(String stored) {
        assertNull(DjangoTime.parse(stored));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-05-01T10:20:30.123456Z", "1970-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z"})
    void writes_django_format_and_reads_it_back(Instant instant) {
        assertEquals(instant, DjangoTime.parse(DjangoTime.format(instant)));
    }
}
