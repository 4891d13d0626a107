package tutorial.jwt.docs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import tutorial.jwt.install.CliRunner;
import tutorial.jwt.install.StepApp;
import tutorial.jwt.install.TestServer;

/**
 * A reader typing a page's commands into one terminal: each curl command runs against the server,
 * with the tokens it handed out earlier, each {@code ./run N command} runs on the server's database,
 * and the output must be what the page shows.
 */
final class ReplaySession {

    private final Page page;
    private final TestServer server;
    private final Path workingDir;
    private final CurlClient client;
    private final TokenMemory tokens = new TokenMemory();

    /** {@code workingDir} is where the reader's terminal is: ./run commands run there, on the server's database. */
    ReplaySession(Page page, TestServer server, Path workingDir) {
        this.page = page;
        this.server = server;
        this.workingDir = workingDir;
        this.client = new CurlClient(server.port());
    }

    Optional<Problem> run(Exchange exchange) {
        String command = tokens.substitute(exchange.command());
        List<String> expected;
        List<String> actual;
        try {
            if (RunCommand.looksLikeOne(command)) {
                String output = launch(RunCommand.parse(command));
                expected = ConsoleOutput.normaliseCommand(exchange.expected());
                actual = ConsoleOutput.normaliseCommand(output);
            } else {
                CurlCommand curl = CurlCommand.parse(command);
                CurlResponse response = client.send(curl);
                tokens.recordFrom(exchange.expected(), response.body());
                expected = ConsoleOutput.normalise(exchange.expected(), curl.include());
                actual = ConsoleOutput.normalise(response.output(curl.include()), curl.include());
            }
        } catch (IllegalArgumentException | IOException e) {
            return Optional.of(page.problem(exchange.line(), e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(page.problem(exchange.line(), "interrupted"));
        }
        if (expected.equals(actual)) {
            return Optional.empty();
        }
        return Optional.of(page.problem(exchange.line(), "the server's output differs from the page's"
                + "\n    $ " + Jwt.mask(exchange.command())
                + "\n    expected:" + indented(expected)
                + "\n    actual:" + indented(actual)));
    }

    /** Runs a launcher line in this JVM, as the reader's terminal would: what it printed, errors first. */
    private String launch(RunCommand command) {
        StepApp app = Steps.app(command.step())
                .orElseThrow(() -> new IllegalArgumentException("no app for step " + command.step() + ": add it to Steps"));
        CliRunner cli = new CliRunner(app, workingDir).env("DATABASE_URL", server.services.site().server().databaseUrl());
        Steps.environment(command.step()).forEach(cli::env);
        command.environment().forEach(cli::env);
        cli.run("", command.args().toArray(String[]::new));
        return cli.err + cli.out;
    }

    private static String indented(List<String> lines) {
        return lines.stream().map(line -> "\n      " + line).collect(Collectors.joining());
    }
}
