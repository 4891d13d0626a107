package tutorial.jwt.blacklist;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tutorial.jwt.claims.DecodeCommand;
import tutorial.jwt.claims.MeView;
import tutorial.jwt.claims.StatelessAuthentication;
import tutorial.jwt.endpoints.TokenRefreshView;
import tutorial.jwt.endpoints.TokenVerifyView;
import tutorial.jwt.foundation.Launch;
import tutorial.jwt.foundation.cli.Cli;
import tutorial.jwt.foundation.db.Migrations;
import tutorial.jwt.foundation.db.Schema;
import tutorial.jwt.foundation.users.User;
import tutorial.jwt.foundation.web.WebModule;
import tutorial.jwt.install.Services;
import tutorial.jwt.install.StepApp;
import tutorial.jwt.install.web.TokenObtainView;
import tutorial.jwt.protect.auth.JwtAuthentication;
import tutorial.jwt.protect.auth.TokenClass;
import tutorial.jwt.protect.web.AuthGate;
import tutorial.jwt.protect.web.TutorialViews;
import tutorial.jwt.refresh.SlidingTokenViews;
import tutorial.jwt.refresh.client.DemoCommand;

/**
 * Step 6: blacklist. Every refresh token is recorded; logout blacklists one, rotation blacklists
 * the old one, logout everywhere (and {@code changepassword}) blacklists them all.
 */
public final class Main implements StepApp {

    public static void main(String[] args) {
        System.exit(Cli.run(new Main(), args));
    }

    @Override
    public String title() {
        return "Step 6 (blacklist)";
    }

    @Override
    public String launcherName() {
        return "6";
    }

    /** Step 4's lifetimes and rotation, and now the rotated token is blacklisted. */
    @Override
    public Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>(new tutorial.jwt.refresh.Main().settings());
        settings.put("BLACKLIST_AFTER_ROTATION", "true");
        return settings;
    }

    @Override
    public Schema migrations() {
        return Migrations.AUTH_USER.and(BlacklistTables.CREATE);
    }

    static TokenBlacklist blacklist(Services services) {
        return new TokenBlacklist(services.site().database(), services.site().clock(), services.jwt(), services.codec());
    }

    @Override
    public List<WebModule> modules(Services services) {
        TokenBlacklist blacklist = blacklist(services);
        RecordingTokenFactory tokens = new RecordingTokenFactory(services.jwt(), services.site().clock(), blacklist,
                services.codec());
        BlacklistingRefreshExchange exchange = new BlacklistingRefreshExchange(tokens, services.codec(), services.jwt(),
                blacklist);
        return views(services, blacklist, tokens, exchange, AuthGate.header(services.jwt().authHeaderName()));
    }

    /**
     * This step's views, around the blacklist, the token factory and the exchange they share, with the
     * gate reading {@code credentials}: the seam for step 8, whose pieces also record token families.
     */
    public static List<WebModule> views(Services services, TokenBlacklist blacklist, RecordingTokenFactory tokens,
                                        BlacklistingRefreshExchange exchange, AuthGate.Credentials credentials) {
        JwtAuthentication authentication = new JwtAuthentication(services,
                TokenClass.configured(services.jwt(), TokenClass.ACCESS, SlidingTokenViews.SLIDING_TOKEN));
        BlacklistViews logout = new BlacklistViews(exchange, blacklist);
        return List.of(
                new TokenObtainView(services, tokens),
                new TokenRefreshView(services, exchange),
                new TokenVerifyView(services.codec(), logout.refuseBlacklisted()),
                new SlidingTokenViews(services, tokens),
                new AuthGate(authentication, services, credentials),
                new TutorialViews(),
                new MeView(new StatelessAuthentication(authentication)),
                logout);
    }

    /** A new password logs the user out everywhere: a thief's refresh token dies with the old password. */
    @Override
    public void passwordChanged(Launch<Services> launch, User user) {
        int count = blacklist(launch.services()).blacklistAll(user.id());
        launch.out().println("Blacklisted " + count + " refresh token" + (count == 1 ? "" : "s") + " of '"
                + user.username() + "': logged out everywhere.");
    }

    @Override
    public List<Object> commands(Launch<Services> launch) {
        return List.of(new DemoCommand(launch), new DecodeCommand(launch, Clock.systemUTC()),
                new FlushExpiredTokensCommand(launch));
    }
}
