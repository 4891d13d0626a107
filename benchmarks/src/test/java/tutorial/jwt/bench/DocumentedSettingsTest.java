package tutorial.jwt.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/performance.md lists exactly the settings the benchmark reads. */
class DocumentedSettingsTest {

    @Test
    void the_docs_name_every_setting_the_benchmark_reads_and_no_other() throws IOException {
        Set<String> read = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                read.addAll(names(Files.readString(source), "\"(bench\\.[a-z.]+)\""));
            }
        }
        Set<String> documented = names(Files.readString(Path.of("../docs/performance.md")), "`(bench\\.[a-z.]+)`");
        assertFalse(read.isEmpty());
        assertEquals(read, documented);
    }

    private static Set<String> names(String text, String pattern) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = Pattern.compile(pattern).matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
