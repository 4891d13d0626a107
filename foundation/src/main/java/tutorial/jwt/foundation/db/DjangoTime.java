package tutorial.jwt.foundation.db;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/** Datetimes as Django writes them to SQLite: UTC, {@code 2024-05-01 10:20:30.123456}. */
public final class DjangoTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    /** Django's form, ISO's {@code T} or an offset: ISO's date and time, with an offset or without (then UTC). */
    private static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffsetId().optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(IsoChronology.INSTANCE);

    private DjangoTime() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /** Reads Django's format, with or without the fraction or an offset; null for none or garbage. */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            TemporalAccessor read = READ.parse(text.trim().replace(' ', 'T'));
            ZoneOffset offset = read.isSupported(ChronoField.OFFSET_SECONDS) ? ZoneOffset.from(read) : ZoneOffset.UTC;
            return LocalDateTime.from(read).toInstant(offset);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
