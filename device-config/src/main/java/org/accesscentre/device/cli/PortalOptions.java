package org.accesscentre.device.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import org.accesscentre.device.portal.Connection;
import org.accesscentre.device.portal.ConnectionSettings;
import org.accesscentre.device.portal.EnvFileException;
import org.accesscentre.device.portal.PortalClient;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options of every command that calls the portal: which portal, which token, and where to find them. */
final class PortalOptions {
    /** The command these options are part of: usage errors show its help, not its group's. */
    @Spec(Spec.Target.MIXEE)
    private CommandSpec command = CommandSpec.create();

    @Option(
            names = "--portal",
            paramLabel = "URL",
            description = "The portal, https://... (default: $KIOSK_PORTAL, else KIOSK_PORTAL in the env file).")
    @Nullable
    String portal;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            description = "An API token (default: $KIOSK_TOKEN, else KIOSK_TOKEN in the env file)."
                    + " Prefer the env file: other users can see command lines.")
    @Nullable
    String token;

    @Option(
            names = "--env",
            paramLabel = "FILE",
            description = "A file of lines KIOSK_PORTAL=... and KIOSK_TOKEN=..., readable by its owner only"
                    + " (default: $KIOSKCTL_ENV, else ~/.config/kioskctl/env).")
    @Nullable
    Path env;

    @Option(
            names = "--insecure",
            description = "Allow http:// to another machine: the token travels in clear. Never over a public network.")
    boolean insecure;

    /**
     * A client for the portal these options name. A missing or malformed setting is a usage error (exit 2);
     * an env file kioskctl will not use is a refusal (exit 1).
     */
    PortalClient client(KioskCtl ctl) throws IOException, EnvFileException {
        ConnectionSettings.Found found = ConnectionSettings.find(portal, token, env, ctl.environment(), ctl.home());
        String defaultFile = ConnectionSettings.defaultEnvFile(ctl.home()).toString();
        ConnectionSettings.Value url = found.portal()
                .orElseThrow(() -> new ParameterException(
                        command.commandLine(),
                        "which portal? give --portal URL, set KIOSK_PORTAL, or write KIOSK_PORTAL=https://... in "
                                + defaultFile));
        ConnectionSettings.Value secret = found.token()
                .orElseThrow(() -> new ParameterException(
                        command.commandLine(),
                        "no API token: set KIOSK_TOKEN, write KIOSK_TOKEN=... in " + defaultFile
                                + " (chmod 600), or give --token"));
        URI uri;
        try {
            uri = Connection.portalUri(url.text(), insecure);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), url.source() + ": " + e.getMessage());
        }
        try {
            Connection.checkToken(secret.text());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), secret.source() + ": " + e.getMessage());
        }
        return PortalClient.connect(new Connection(uri, secret.text()));
    }

    /** Where results go. */
    PrintWriter out() {
        return command.commandLine().getOut();
    }

    /** A usage error of the command these options are part of: exit 2, with its help. */
    ParameterException usage(String message) {
        return new ParameterException(command.commandLine(), message);
    }
}
