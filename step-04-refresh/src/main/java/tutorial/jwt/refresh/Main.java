package tutorial.jwt.refresh;

import java.util.List;
import java.util.Map;
import tutorial.jwt.endpoints.TokenRefreshView;
import tutorial.jwt.endpoints.TokenVerifyView;
import tutorial.jwt.foundation.Launch;
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
import tutorial.jwt.refresh.client.DemoCommand;

/**
 * Step 4: refresh. The tutorial's lifetimes (refresh tokens for 15 days) with rotation on, sliding
 * tokens, and {@code ./run 4 demo}: a client that refreshes by itself.
 */
public final class Main implements StepApp {

    public static void main(String[] args) {
        System.exit(Cli.run(new Main(), args));
    }

    @Override
    public String title() {
        return "Step 4 (refresh)";
    }

    @Override
    public String launcherName() {
        return "4";
    }

    /** As the tutorial's {@code SIMPLE_JWT}: come back within 15 days and you never log in again. */
    @Override
    public Map<String, String> settings() {
        return Map.of(
                "ACCESS_TOKEN_LIFETIME", "PT5M",
                "REFRESH_TOKEN_LIFETIME", "P15D",
                "ROTATE_REFRESH_TOKENS", "true");
    }

    @Override
    public List<WebModule> modules(Services services) {
        TokenFactory tokens = new TokenFactory(services.jwt(), services.site().clock());
        JwtAuthentication authentication = new JwtAuthentication(services,
                TokenClass.configured(services.jwt(), TokenClass.ACCESS, SlidingTokenViews.SLIDING_TOKEN));
        return List.of(
                new TokenObtainView(services, tokens),
                new TokenRefreshView(services, new RotatingRefreshExchange(tokens, services.codec(), services.jwt())),
                new TokenVerifyView(services.codec(), TokenVerifyView.Check.NONE),
                new SlidingTokenViews(services, tokens),
                new AuthGate(authentication, services),
                new TutorialViews());
    }

    @Override
    public List<Object> commands(Launch<Services> launch) {
        return List.of(new DemoCommand(launch));
    }
}
