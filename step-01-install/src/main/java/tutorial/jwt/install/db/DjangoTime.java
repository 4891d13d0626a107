package tutorial.jwt.install.db;

import java.time.DateTimeException;
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
    /** Where Django's form has a digit ({@code #}) and which separator it has elsewhere. */
    private static final String DJANGO_FORM = "####-##-## ##:##:##.######";
    /**
     * Anything else (ISO's {@code T}, an offset, white space around) as ISO's date and time, with an
     * offset or without (then UTC), in one pass: trying one format and then the other threw an
     * exception per read (docs/performance.md).
     */
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
        if (isDjangoForm(text)) { // read by hand: java.time's parser was half the time of loading a user
            try {
                int micros = text.length() == 19 ? 0 : number(text, 20, 26);
                return LocalDateTime.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10),
                        number(text, 11, 13), number(text, 14, 16), number(text, 17, 19), micros * 1000)
                        .toInstant(ZoneOffset.UTC);
            } catch (DateTimeException impossible) { // 2024-02-30, 25:00:00
                return null;
            }
        }
        try {
            TemporalAccessor read = READ.parse(text.trim().replace(' ', 'T'));
            ZoneOffset offset = read.isSupported(ChronoField.OFFSET_SECONDS) ? ZoneOffset.from(read) : ZoneOffset.UTC;
            return LocalDateTime.from(read).toInstant(offset);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    /** {@code yyyy-MM-dd HH:mm:ss}, with or without {@code .ffffff}: exactly what Django writes. */
    private static boolean isDjangoForm(String text) {
        if (text.length() != 19 && text.length() != DJANGO_FORM.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean fits = DJANGO_FORM.charAt(i) == '#' ? c >= '0' && c <= '9' : c == DJANGO_FORM.charAt(i);
            if (!fits) {
                return false;
            }
        }
        return true;
    }

    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }
}
