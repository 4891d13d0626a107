package tutorial.jwt.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import tutorial.jwt.foundation.settings.Settings;
import tutorial.jwt.foundation.users.PasswordHasher;
import tutorial.jwt.install.Services;
import tutorial.jwt.install.tokens.Token;
import tutorial.jwt.install.tokens.TokenFactory;

/**
 * The three costs under every request, alone: signing a token (login, refresh), checking one (every
 * authenticated request) and hashing a password (login only). Run by {@link Bench}; the time, forks
 * and iterations are set there.
 */
public class CryptoBenchmarks {

    /** Step 1's real token code, with the settings a server reads (HS256, the default lifetimes). */
    @State(Scope.Benchmark)
    public static class Tokens {
        Path dir;
        Services services;
        TokenFactory factory;
        Token access;
        String signed;

        @Setup
        public void open() throws IOException {
            dir = Files.createTempDirectory("jwt-jmh");
            services = new tutorial.jwt.install.Main().open(new Settings(Map.of(
                    "DATABASE_URL", "jdbc:sqlite:" + dir.resolve("db.sqlite3"),
                    "JWT_SIGNING_KEY", "jmh-signing-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ"), Map.of()),
                    dir, Clock.systemUTC(), line -> { });
            factory = new TokenFactory(services.jwt(), services.site().clock());
            access = factory.newToken(TokenFactory.ACCESS, Duration.ofMinutes(5), Map.of("user_id", 1L));
            signed = services.codec().encode(access);
        }

        @TearDown
        public void close() throws IOException {
            services.close();
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** A hasher at Django's default count (600,000, what a server uses) and at a low one, to show it is linear. */
    @State(Scope.Benchmark)
    public static class Passwords {
        @Param({"600000", "10000"})
        int iterations;
        PasswordHasher hasher;
        String stored;

        @Setup
        public void make() {
            hasher = new PasswordHasher(iterations);
            stored = hasher.hash("correct horse battery staple");
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public String sign_access_token(Tokens tokens) {
        return tokens.services.codec().encode(tokens.access);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Token verify_access_token(Tokens tokens) {
        return tokens.services.codec().verify(tokens.signed, TokenFactory.ACCESS);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public boolean check_password(Passwords passwords) {
        return passwords.hasher.verify("correct horse battery staple", passwords.stored);
    }
}
