package tutorial.jwt.claims;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tutorial.jwt.foundation.Launch;
import tutorial.jwt.foundation.cli.Cli;
import tutorial.jwt.foundation.json.StrictJson;
import tutorial.jwt.install.Services;
import tutorial.jwt.install.tokens.Token;
import tutorial.jwt.install.tokens.TokenError;
import tutorial.jwt.refresh.client.Tokens;

/**
 * {@code ./run 5 decode <token>}: what anyone can read in a token (header and payload, with times made
 * readable), and what only the key holder can tell (whether the signature checks out).
 */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = "Prints a token's header and payload, and whether it checks out with the configured key.")
public final class DecodeCommand implements Callable<Integer> {

    private static final Set<String> TIME_CLAIMS = Set.of("exp", "iat", "nbf", "refresh_exp");

    private final Launch<Services> launch;
    private final Clock clock;

    @Parameters(paramLabel = "TOKEN", description = "The token, e.g. the access token from POST /api/token/.")
    String token;

    public DecodeCommand(Launch<Services> launch, Clock clock) {
        this.launch = launch;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        String[] parts = token.trim().split("\\.", -1);
        if (parts.length != 3) {
            throw new Cli.CommandFailed("not a JWT: expected three base64url parts separated by dots.");
        }
        print("Header", part(parts[0]));
        print("Payload", part(parts[1]));
        Services services = launch.services();
        try {
            services.codec().verify(token.trim(), null);
            launch.out().println("Signature: checks out with the configured key (" + services.jwt().algorithm() + ").");
            launch.out().println("Verdict: valid.");
            return 0;
        } catch (TokenError e) {
            launch.out().println(e.reason() == TokenError.Reason.INVALID
                    ? "Signature: does NOT check out with the configured key, or the token is malformed."
                    : "Signature: checks out with the configured key (" + services.jwt().algorithm() + ").");
            launch.out().println("Verdict: refused: " + e.getMessage() + ".");
            return 1;
        }
    }

    private static Map<String, Object> part(String encoded) {
        try {
            return Tokens.readPart(encoded);
        } catch (IllegalArgumentException e) {
            throw new Cli.CommandFailed("not a JWT: a part is not base64url-encoded JSON.");
        }
    }

    private void print(String title, Map<String, Object> claims) {
        launch.out().println(title + ":");
        claims.forEach((name, value) -> launch.out().println("  " + name + ": " + StrictJson.write(value)
                + (TIME_CLAIMS.contains(name) ? Token.time(value).map(at -> "  (" + when(at) + ")").orElse("") : "")));
    }

    /** {@code 2026-11-22T10:47:09Z, in 4m 58s} or {@code ..., 3m 2s ago}. */
    private String when(Instant at) {
        Duration delta = Duration.between(Instant.ofEpochSecond(clock.instant().getEpochSecond()), at);
        String span = human(delta.abs());
        return at + (delta.isZero() ? ", now" : delta.isNegative() ? ", " + span + " ago" : ", in " + span);
    }

    private static String human(Duration duration) {
        long days = duration.toDays();
        long hours = duration.toHoursPart();
        long minutes = duration.toMinutesPart();
        long seconds = duration.toSecondsPart();
        if (days > 0) {
            return days + "d " + hours + "h";
        }
        return hours > 0 ? hours + "h " + minutes + "m" : minutes > 0 ? minutes + "m " + seconds + "s" : seconds + "s";
    }
}
