package tutorial.jwt.endpoints;

import java.util.List;
import tutorial.jwt.foundation.cli.Cli;
import tutorial.jwt.foundation.web.WebModule;
import tutorial.jwt.install.Services;
import tutorial.jwt.install.StepApp;
import tutorial.jwt.install.tokens.TokenFactory;
import tutorial.jwt.install.web.TokenObtainView;

/**
 * Step 2: endpoints. The tutorial's three URLs: obtain a pair (step 1), refresh an access token,
 * and verify a token.
 */
public final class Main implements StepApp {

    public static void main(String[] args) {
        System.exit(Cli.run(new Main(), args));
    }

    @Override
    public String title() {
        return "Step 2 (endpoints)";
    }

    @Override
    public String launcherName() {
        return "2";
    }

    @Override
    public List<WebModule> modules(Services services) {
        TokenFactory tokens = new TokenFactory(services.jwt(), services.site().clock());
        return List.of(
                new TokenObtainView(services, tokens),
                new TokenRefreshView(services, new RefreshExchange(tokens, services.codec())),
                new TokenVerifyView(services.codec(), TokenVerifyView.Check.NONE));
    }
}
