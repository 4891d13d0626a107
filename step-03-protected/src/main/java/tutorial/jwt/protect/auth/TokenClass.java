package tutorial.jwt.protect.auth;

import java.util.List;
import tutorial.jwt.foundation.settings.SettingsException;
import tutorial.jwt.install.settings.JwtSettings;

/**
 * A kind of token that may authenticate a request: Simple JWT's {@code AUTH_TOKEN_CLASSES}. Its
 * class name and type appear in the {@code messages} of a refused token.
 */
public record TokenClass(String name, String type) {

    public static final TokenClass ACCESS = new TokenClass("AccessToken", "access");

    /**
     * The classes {@code JWT_AUTH_TOKEN_CLASSES} names (by default the access token alone), in its order,
     * from those this step has: {@code known}. Naming one the step lacks is a startup error.
     */
    public static List<TokenClass> configured(JwtSettings settings, TokenClass... known) {
        return settings.authTokenClasses().stream()
                .map(name -> List.of(known).stream().filter(c -> c.name().equals(name)).findFirst()
                        .orElseThrow(() -> new SettingsException("JWT_AUTH_TOKEN_CLASSES names " + name
                                + ", which this step does not have: sliding tokens come in step 4.")))
                .toList();
    }
}
