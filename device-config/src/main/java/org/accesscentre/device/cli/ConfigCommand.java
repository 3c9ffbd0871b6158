package org.accesscentre.device.cli;

import java.nio.file.Path;
import org.accesscentre.core.json.JsonInputException;
import org.accesscentre.device.config.DeviceConfig;
import org.accesscentre.device.config.DeviceConfigReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kioskctl config validate FILE}. */
@Command(name = "config", description = "Check device configuration files.")
final class ConfigCommand implements Runnable {
    @Spec
    private CommandSpec spec = CommandSpec.create();

    /** A group alone is a usage error: it needs one of its commands. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    @Command(name = "validate", description = "Check a config.json strictly; unknown properties are errors.")
    int validate(@Parameters(paramLabel = "FILE", description = "The configuration file.") Path file)
            throws JsonInputException {
        DeviceConfig config = DeviceConfigReader.strict().read(file);
        int keys = config.trustedSigningKeys().size();
        int attendants = config.attendants().size();
        spec.commandLine()
                .getOut()
                .printf(
                        "ok: %s kiosk %d, portal %s, %d trusted signing key%s, %d attendant%s%n",
                        config.centre(),
                        config.kiosk(),
                        config.portal().url(),
                        keys,
                        keys == 1 ? "" : "s",
                        attendants,
                        attendants == 1 ? "" : "s");
        return 0;
    }
}
