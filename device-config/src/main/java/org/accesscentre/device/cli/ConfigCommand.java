package org.accesscentre.device.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.accesscentre.core.json.JsonInputException;
import org.accesscentre.device.config.DeviceConfig;
import org.accesscentre.device.config.DeviceConfigReader;
import org.accesscentre.device.config.NewKioskConfig;
import org.accesscentre.device.portal.EnvFileException;
import org.accesscentre.device.portal.PortalClient;
import org.accesscentre.device.portal.PortalException;
import org.accesscentre.device.portal.Provisioning;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code kioskctl config validate FILE} and {@code kioskctl config create}. */
@Command(
        name = "config",
        description = "Make and check device configuration files.",
        subcommands = AddAttendantCommand.class)
final class ConfigCommand implements Runnable {
    @Spec
    private CommandSpec spec = CommandSpec.create();

    @ParentCommand
    private KioskCtl ctl = new KioskCtl();

    KioskCtl ctl() {
        return ctl;
    }

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

    @Command(
            name = "create",
            description = {
                "Writes a new kiosk's config.json: the portal's address and envelope key, the signing keys it"
                        + " trusts, and a fresh one-time enrolment code for the slot.",
                "The file is readable by its owner only and is never overwritten."
            })
    int create(
            @Option(names = "--centre", required = true, paramLabel = "CODE", description = "Centre code, such as SOU.")
                    String centre,
            @Option(names = "--kiosk", required = true, paramLabel = "N", description = "Kiosk number, 1 to 99.")
                    int kiosk,
            @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write it.") Path out,
            @Option(
                            names = "--kiosk-portal",
                            paramLabel = "URL",
                            description = "The portal as the kiosk reaches it (default: the --portal address).")
                    @Nullable
                    URI kioskPortal,
            @Option(
                            names = "--locale",
                            paramLabel = "TAG",
                            description = "A language the kiosk offers, first the default (default: en).")
                    @Nullable
                    List<String> locales,
            @Option(
                            names = "--time-zone",
                            paramLabel = "ZONE",
                            description = "The centre's time zone (default: America/St_Lucia).")
                    @Nullable
                    ZoneId timeZone,
            @Option(
                            names = "--data-dir",
                            paramLabel = "DIR",
                            description = "The kiosk's data directory (default: /var/lib/kiosk).")
                    @Nullable
                    Path dataDir,
            @Option(
                            names = "--valid-days",
                            paramLabel = "DAYS",
                            description = "How long the enrolment code works, 1 to 90 days (default 7).")
                    @Nullable
                    Integer validDays,
            @Mixin PortalOptions portal)
            throws PortalException, IOException, EnvFileException, JsonInputException {
        if (Files.exists(out)) {
            throw new ParameterException(spec.commandLine(), out + " exists already; it is never overwritten");
        }
        PortalClient client = portal.client(ctl);
        NewKioskConfig config = Provisioning.newKiosk(
                client,
                centre,
                kiosk,
                kioskPortal == null ? client.portal() : kioskPortal,
                locales == null || locales.isEmpty() ? List.of("en") : locales,
                timeZone == null ? ZoneId.of("America/St_Lucia") : timeZone,
                dataDir == null ? Path.of("/var/lib/kiosk") : dataDir,
                validDays);
        config.write(out);
        portal.out().printf("wrote %s for %s kiosk %d (enrols with its one-time code)%n", out, centre, kiosk);
        return 0;
    }
}
