package tutorial.jwt.blacklist;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import tutorial.jwt.foundation.Launch;
import tutorial.jwt.install.Services;

/** Simple JWT's {@code flushexpiredtokens}: the blacklist only needs tokens that could still be used. */
@Command(name = "flushexpiredtokens", mixinStandardHelpOptions = true,
        description = "Deletes expired outstanding tokens and their blacklist entries (run it daily, e.g. from cron).")
final class FlushExpiredTokensCommand implements Callable<Integer> {

    private final Launch<Services> launch;

    FlushExpiredTokensCommand(Launch<Services> launch) {
        this.launch = launch;
    }

    @Override
    public Integer call() {
        Services services = launch.services();
        TokenBlacklist.Flushed flushed = Main.blacklist(services).flushExpired();
        launch.out().println("Deleted " + flushed.outstanding() + " expired outstanding token"
                + (flushed.outstanding() == 1 ? "" : "s") + " and " + flushed.blacklisted() + " blacklist entr"
                + (flushed.blacklisted() == 1 ? "y" : "ies") + ".");
        return 0;
    }
}
