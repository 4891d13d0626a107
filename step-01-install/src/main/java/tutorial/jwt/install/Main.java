package tutorial.jwt.install;

import java.util.List;
import tutorial.jwt.foundation.cli.Cli;
import tutorial.jwt.foundation.web.WebModule;
import tutorial.jwt.install.tokens.TokenFactory;
import tutorial.jwt.install.web.TokenObtainView;

/**
 * Step 1: install. Users with Django's password hashes, the token core, and one endpoint:
 * {@code POST /api/token/} turns a username and password into a refresh and an access token.
 */
public final class Main implements StepApp {

    public static void main(String[] args) {
        System.exit(Cli.run(new Main(), args));
    }

    @Override
    public String title() {
        return "Step 1 (install)";
    }

    @Override
    public String launcherName() {
        return "1";
    }

    @Override
    public List<WebModule> modules(Services services) {
        return List.of(new TokenObtainView(services, new TokenFactory(services.jwt(), services.site().clock())));
    }
}
