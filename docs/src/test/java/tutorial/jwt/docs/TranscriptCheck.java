package tutorial.jwt.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tutorial.jwt.install.StepApp;
import tutorial.jwt.install.TestServer;

/**
 * {@code <!-- transcript: step N -->} (or {@code step N wait PT5M}) before a console block: its curl
 * commands, replayed against step N's real server, and its {@code ./run N ...} commands, run on that
 * server's database, print what the page shows.
 */
final class TranscriptCheck {

    /** The superuser the tutorial creates and logs in with. */
    static final String USERNAME = "your_username";
    static final String EMAIL = "you@example.com";
    static final String PASSWORD = "your_password";

    private static final Pattern MARKER = Pattern.compile("<!--\\s*transcript:\\s*step\\s+(\\d+)(?:\\s+wait\\s+(\\S+))?\\s*-->");
    private static final Pattern ANY_MARKER = Pattern.compile("<!--\\s*transcript\\b.*");

    /** A marked console block, and how long the reader waits before typing it. */
    private record Transcript(int markerLine, int step, Duration delay, FencedBlock block) {
    }

    List<Problem> check(Page page) {
        List<Problem> problems = new ArrayList<>();
        Map<Integer, List<Transcript>> byStep = new TreeMap<>();
        for (int line = 1; line <= page.lines().size(); line++) {
            String text = page.line(line).strip();
            Matcher marker = MARKER.matcher(text);
            if (marker.matches()) {
                int markerLine = line;
                int step = Integer.parseInt(marker.group(1));
                try {
                    Duration wait = marker.group(2) == null ? Duration.ZERO : Duration.parse(marker.group(2));
                    FencedBlock.after(page, line).ifPresentOrElse(
                            block -> byStep.computeIfAbsent(step, s -> new ArrayList<>())
                                    .add(new Transcript(markerLine, step, wait, block)),
                            () -> problems.add(page.problem(markerLine, "a transcript marker must be followed by a ```console block")));
                } catch (DateTimeParseException e) {
                    problems.add(page.problem(line, "wait " + marker.group(2) + " is not an ISO-8601 duration (PT5M, PT30S, P1D)"));
                }
            } else if (ANY_MARKER.matcher(text).matches()) {
                problems.add(page.problem(line, "malformed marker, expected <!-- transcript: step N --> or <!-- transcript: step N wait PT5M -->"));
            }
        }
        byStep.forEach((step, transcripts) -> problems.addAll(replay(page, step, transcripts)));
        problems.sort(Comparator.comparingInt(Problem::line));
        return problems;
    }

    /**
     * One server per page and step, its blocks replayed in page order: tokens from one block are
     * used by the next, and a wait moves the server's clock instead of sleeping.
     */
    private List<Problem> replay(Page page, int step, List<Transcript> transcripts) {
        Optional<StepApp> app = Steps.app(step);
        if (app.isEmpty()) {
            return List.of(page.problem(transcripts.get(0).markerLine(), "no server for step " + step + ": add it to Steps"));
        }
        List<Problem> problems = new ArrayList<>();
        Path terminal; // the reader's folder: the server and the ./run commands find the same local files there
        try {
            terminal = Files.createTempDirectory("docs-replay");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (TestServer server = TestServer.startIn(terminal, app.get(), Steps.environment(step))) {
            server.clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS)); // ./run commands live in real time
            server.services.site().users().create(USERNAME, EMAIL, server.services.site().passwords().hash(PASSWORD), true);
            ReplaySession session = new ReplaySession(page, server, terminal);
            for (Transcript transcript : transcripts) {
                FencedBlock block = transcript.block();
                if (!block.info().equals("console")) {
                    problems.add(page.problem(block.openLine(), "a transcript must be a ```console block, not ```" + block.info()));
                    continue;
                }
                firstLineIsNotACommand(page, block).ifPresent(problems::add);
                server.clock.advance(transcript.delay());
                for (Exchange exchange : Exchange.in(block)) {
                    session.run(exchange).ifPresent(problems::add);
                }
            }
        } finally {
            delete(terminal);
        }
        return problems;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Problem> firstLineIsNotACommand(Page page, FencedBlock block) {
        for (int i = 0; i < block.lines().size(); i++) {
            String line = block.lines().get(i);
            if (!line.isBlank()) {
                return line.startsWith(Exchange.PROMPT) ? Optional.empty()
                        : Optional.of(page.problem(block.lineOf(i), "a transcript starts with a command: \"$ curl ...\""));
            }
        }
        return Optional.of(page.problem(block.openLine(), "the transcript is empty"));
    }
}
