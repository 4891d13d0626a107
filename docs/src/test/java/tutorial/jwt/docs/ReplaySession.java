package tutorial.jwt.docs;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A reader typing a page's commands into one terminal: each curl command runs against the server,
 * with the tokens it handed out earlier, and its output must be what the page shows.
 */
final class ReplaySession {

    private final Page page;
    private final CurlClient client;
    private final TokenMemory tokens = new TokenMemory();

    ReplaySession(Page page, int port) {
        this.page = page;
        this.client = new CurlClient(port);
    }

    Optional<Problem> run(Exchange exchange) {
        CurlCommand curl;
        CurlResponse response;
        try {
            curl = CurlCommand.parse(tokens.substitute(exchange.command()));
            response = client.send(curl);
        } catch (IllegalArgumentException | IOException e) {
            return Optional.of(page.problem(exchange.line(), e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(page.problem(exchange.line(), "interrupted"));
        }
        tokens.recordFrom(exchange.expected(), response.body());

        List<String> expected = ConsoleOutput.normalise(exchange.expected(), curl.include());
        List<String> actual = ConsoleOutput.normalise(response.output(curl.include()), curl.include());
        if (expected.equals(actual)) {
            return Optional.empty();
        }
        return Optional.of(page.problem(exchange.line(), "the server's output differs from the page's"
                + "\n    $ " + Jwt.mask(exchange.command())
                + "\n    expected:" + indented(expected)
                + "\n    actual:" + indented(actual)));
    }

    private static String indented(List<String> lines) {
        return lines.stream().map(line -> "\n      " + line).collect(Collectors.joining());
    }
}
