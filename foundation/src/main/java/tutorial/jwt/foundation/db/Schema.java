package tutorial.jwt.foundation.db;

import java.util.ArrayList;
import java.util.List;

/**
 * The statements that create some of Django's tables, once per database: the tables Django's own
 * migrations leave on SQLite and on PostgreSQL, so a Django project can share them.
 */
public record Schema(List<String> sqlite, List<String> postgresql) {

    /** No tables at all (a service that reads none, such as step 3b in stateless mode). */
    public static final Schema NONE = new Schema(List.of(), List.of());

    public List<String> on(Dialect dialect) {
        return dialect == Dialect.SQLITE ? sqlite : postgresql;
    }

    /** These tables, then {@code more}'s (which may refer to these). */
    public Schema and(Schema more) {
        return new Schema(concat(sqlite, more.sqlite), concat(postgresql, more.postgresql));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
