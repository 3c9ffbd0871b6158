package org.accesscentre.device.cli;

import static org.accesscentre.device.cli.PortalOutput.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.accesscentre.device.portal.EnvFileException;
import org.accesscentre.device.portal.PortalException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code kioskctl device list|revoke}: the enrolled devices, as identities. */
@Command(name = "device", description = "Enrolled devices: list them, revoke one.")
final class DeviceCommand implements Runnable {
    @Spec
    private CommandSpec spec = CommandSpec.create();

    @ParentCommand
    private KioskCtl ctl = new KioskCtl();

    /** A group alone is a usage error: it needs one of its commands. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    @Command(name = "list", description = "Every device the portal has enrolled, revoked ones too.")
    int list(
            @Option(names = "--json", description = "Print the portal's answer as one line of JSON.") boolean json,
            @Mixin PortalOptions portal)
            throws PortalException, IOException, EnvFileException {
        JsonNode devices = portal.client(ctl).devices();
        if (json) {
            PortalOutput.json(portal.out(), devices);
            return 0;
        }
        Table table = new Table("DEVICE", "CENTRE", "KIOSK", "STATE", "ENROLLED", "LAST SEEN", "REVOKED");
        for (JsonNode d : devices) {
            String revoked = text(d, "revokedAt");
            table.row(
                    text(d, "deviceId"),
                    text(d, "centre"),
                    text(d, "kiosk"),
                    text(d, "state"),
                    text(d, "enrolledAt"),
                    text(d, "lastSeenAt"),
                    revoked == null ? null : revoked + " " + Table.cell(text(d, "revokedReason")));
        }
        table.print(portal.out());
        return 0;
    }

    @Command(
            name = "revoke",
            description = "Refuse a device everywhere from now on: a stolen or retired kiosk. It cannot be undone.")
    int revoke(
            @Parameters(paramLabel = "ID", description = "The device id, dev_...") String id,
            @Option(
                            names = "--reason",
                            paramLabel = "TEXT",
                            description = "Why, for the record (up to 200 characters).")
                    @Nullable
                    String reason,
            @Mixin PortalOptions portal)
            throws PortalException, IOException, EnvFileException {
        JsonNode answer = portal.client(ctl).revokeDevice(id, reason);
        boolean changed = answer.path("changed").asBoolean(true);
        portal.out().println(changed ? "ok: revoked " + id : "ok: " + id + " was revoked already");
        return 0;
    }
}
