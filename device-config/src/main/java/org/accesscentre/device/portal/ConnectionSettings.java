package org.accesscentre.device.portal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where kioskctl finds the portal's URL and the token: a command-line option wins, then an environment
 * variable, then the env file. The env file is read when it is named ({@code --env} or
 * {@code $KIOSKCTL_ENV}), or when the default one exists and something is still missing.
 */
public final class ConnectionSettings {
    public static final String PORTAL_VARIABLE = "KIOSK_PORTAL";
    public static final String TOKEN_VARIABLE = "KIOSK_TOKEN";
    public static final String ENV_FILE_VARIABLE = "KIOSKCTL_ENV";
    /** Under the user's home directory. */
    public static final String DEFAULT_ENV_FILE = ".config/kioskctl/env";

    private ConnectionSettings() {}

    /** A setting and where it came from, so an error can say which one to fix. */
    public record Value(String text, String source) {
        @Override
        public String toString() {
            return source; // the text may be a token
        }
    }

    /** What was found; either may be missing. */
    public record Found(Optional<Value> portal, Optional<Value> token) {}

    public static Found find(
            @Nullable String portalOption,
            @Nullable String tokenOption,
            @Nullable Path envOption,
            Map<String, String> environment,
            Path home)
            throws IOException, EnvFileException {
        Optional<Value> portal = given(portalOption, "--portal").or(() -> variable(environment, PORTAL_VARIABLE));
        Optional<Value> token = given(tokenOption, "--token").or(() -> variable(environment, TOKEN_VARIABLE));
        Optional<Path> named = Optional.ofNullable(envOption)
                .or(() -> variable(environment, ENV_FILE_VARIABLE).map(v -> Path.of(v.text())));
        Path file = named.orElseGet(() -> defaultEnvFile(home));
        boolean missing = portal.isEmpty() || token.isEmpty();
        // A named file must exist and be sound even if the options cover it: the user asked for it.
        if (named.isPresent() || (missing && Files.exists(file))) {
            Map<String, String> values = EnvFile.read(file);
            portal = portal.or(() -> fromFile(values, PORTAL_VARIABLE, file));
            token = token.or(() -> fromFile(values, TOKEN_VARIABLE, file));
        }
        return new Found(portal, token);
    }

    public static Path defaultEnvFile(Path home) {
        return home.resolve(DEFAULT_ENV_FILE);
    }

    /** An option given empty is still given: {@code --portal ""} is a mistake to report, not to skip. */
    private static Optional<Value> given(@Nullable String option, String name) {
        return Optional.ofNullable(option).map(v -> new Value(v, name));
    }

    /** An empty variable counts as unset, as {@code KIOSK_TOKEN= kioskctl ...} means in a shell. */
    private static Optional<Value> variable(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name))
                .filter(v -> !v.isBlank())
                .map(v -> new Value(v, name));
    }

    private static Optional<Value> fromFile(Map<String, String> values, String name, Path file) {
        return Optional.ofNullable(values.get(name))
                .filter(v -> !v.isBlank())
                .map(v -> new Value(v, name + " in " + file));
    }
}
