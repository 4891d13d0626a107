package tutorial.jwt.protect;

import java.util.List;
import tutorial.jwt.endpoints.RefreshExchange;
import tutorial.jwt.endpoints.TokenRefreshView;
import tutorial.jwt.endpoints.TokenVerifyView;
import tutorial.jwt.foundation.cli.Cli;
import tutorial.jwt.foundation.web.WebModule;
import tutorial.jwt.install.Services;
import tutorial.jwt.install.StepApp;
import tutorial.jwt.install.tokens.TokenFactory;
import tutorial.jwt.install.web.TokenObtainView;
import tutorial.jwt.protect.auth.JwtAuthentication;
import tutorial.jwt.protect.auth.TokenClass;
import tutorial.jwt.protect.web.AuthGate;
import tutorial.jwt.protect.web.TutorialViews;

/**
 * Step 3: protected views. JWT authentication for every view (Simple JWT's {@code JWTAuthentication}
 * as DRF's default), a permission on each, and the tutorial's public and protected views.
 */
public final class Main implements StepApp {

    public static void main(String[] args) {
        System.exit(Cli.run(new Main(), args));
    }

    @Override
    public String title() {
        return "Step 3 (protected)";
    }

    @Override
    public String launcherName() {
        return "3";
    }

    @Override
    public List<WebModule> modules(Services services) {
        TokenFactory tokens = new TokenFactory(services.jwt(), services.site().clock());
        JwtAuthentication authentication = new JwtAuthentication(services,
                TokenClass.configured(services.jwt(), TokenClass.ACCESS));
        return List.of(
                new TokenObtainView(services, tokens),
                new TokenRefreshView(services, new RefreshExchange(tokens, services.codec())),
                new TokenVerifyView(services.codec(), TokenVerifyView.Check.NONE),
                new AuthGate(authentication, services),
                new TutorialViews());
    }
}
