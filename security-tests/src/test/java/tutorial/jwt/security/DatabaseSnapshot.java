package tutorial.jwt.security;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tutorial.jwt.install.TestServer;

/** Every row of the users, blacklist and family tables, to prove a refused request wrote nothing. */
record DatabaseSnapshot(Map<String, List<List<Object>>> tables) {

    static final List<String> TABLES = List.of(
            "auth_user", "token_blacklist_outstandingtoken", "token_blacklist_blacklistedtoken", "token_family_member");

    static DatabaseSnapshot of(TestServer server) {
        return server.services.site().database().withConnection(connection -> {
            Map<String, List<List<Object>>> tables = new LinkedHashMap<>();
            for (String table : TABLES) {
                try (ResultSet exists = connection.getMetaData().getTables(null, null, table, null)) {
                    if (!exists.next()) {
                        continue; // before step 6 there is no blacklist
                    }
                }
                List<List<Object>> rows = new ArrayList<>();
                try (ResultSet row = connection.createStatement().executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
                    int columns = row.getMetaData().getColumnCount();
                    while (row.next()) {
                        List<Object> values = new ArrayList<>();
                        for (int i = 1; i <= columns; i++) {
                            values.add(row.getObject(i));
                        }
                        rows.add(values);
                    }
                }
                tables.put(table, rows);
            }
            return new DatabaseSnapshot(tables);
        });
    }
}
