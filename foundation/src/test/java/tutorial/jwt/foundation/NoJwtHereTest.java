package tutorial.jwt.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The foundation is what Django and DRF give a project: JWT is what the steps add on top. */
class NoJwtHereTest {

    /** "JWT" as a word or in a name, except the course's root package {@code tutorial.jwt}. */
    private static final Pattern JWT = Pattern.compile("(?i)(?<!tutorial[./])jwt");

    @Test
    void jjwt_is_not_on_the_foundations_class_path() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.jsonwebtoken.Jwts"));
    }

    @Test
    void no_source_file_mentions_jwt_or_imports_a_step() throws IOException {
        List<Path> sources = sources();
        assertFalse(sources.isEmpty(), "no sources found under src/main");
        for (Path source : sources) {
            List<String> lines = Files.readAllLines(source);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String where = source + ":" + (i + 1) + ": " + line.trim();
                assertFalse(JWT.matcher(line).find(), where);
                assertFalse(line.contains("tutorial.jwt.install"), where);
            }
        }
    }

    @Test
    void the_check_sees_a_mention() {
        assertEquals(List.of(true, true, false), Stream.of("JWT_SIGNING_KEY", "a jwt", "import tutorial.jwt.foundation.Site;")
                .map(line -> JWT.matcher(line).find()).toList());
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
