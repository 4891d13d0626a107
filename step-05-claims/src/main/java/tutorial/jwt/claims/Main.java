package tutorial.jwt.claims;

import java.time.Clock;
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
import tutorial.jwt.refresh.RotatingRefreshExchange;
import tutorial.jwt.refresh.SlidingTokenViews;
import tutorial.jwt.refresh.client.DemoCommand;

/**
 * Step 5: claims. Tokens carry the username, email and staff flag ({@link ClaimsTokenFactory}),
 * {@code GET /api/me/} answers from the token alone, and {@code ./run 5 decode} shows what is inside.
 */
public final class Main implements StepApp {

    public static void main(String[] args) {
        System.exit(Cli.run(new Main(), args));
    }

    @Override
    public String title() {
        return "Step 5 (claims)";
    }

    @Override
    public String launcherName() {
        return "5";
    }

    /** Step 4's lifetimes and rotation, unchanged. */
    @Override
    public Map<String, String> settings() {
        return new tutorial.jwt.refresh.Main().settings();
    }

    @Override
    public List<WebModule> modules(Services services) {
        TokenFactory tokens = new ClaimsTokenFactory(services.jwt(), services.site().clock()); // the one change to token making
        JwtAuthentication authentication = new JwtAuthentication(services,
                TokenClass.configured(services.jwt(), TokenClass.ACCESS, SlidingTokenViews.SLIDING_TOKEN));
        return List.of(
                new TokenObtainView(services, tokens),
                new TokenRefreshView(services, new RotatingRefreshExchange(tokens, services.codec(), services.jwt())),
                new TokenVerifyView(services.codec(), TokenVerifyView.Check.NONE),
                new SlidingTokenViews(services, tokens),
                new AuthGate(authentication, services),
                new TutorialViews(),
                new MeView(new StatelessAuthentication(authentication)));
    }

    @Override
    public List<Object> commands(Launch<Services> launch) {
        return List.of(new DemoCommand(launch), new DecodeCommand(launch, Clock.systemUTC()));
    }
}
