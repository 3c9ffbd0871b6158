package org.accesscentre.device.cli;

import static org.accesscentre.device.cli.PortalOutput.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import org.accesscentre.device.portal.EnvFileException;
import org.accesscentre.device.portal.PortalException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code kioskctl fleet list|show}: how the kiosks are doing, from their heartbeats. */
@Command(name = "fleet", description = "The fleet's health from the kiosks' heartbeats.")
final class FleetCommand implements Runnable {
    @Spec
    private CommandSpec spec = CommandSpec.create();

    @ParentCommand
    private KioskCtl ctl = new KioskCtl();

    /** A group alone is a usage error: it needs one of its commands. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    @Command(name = "list", description = "Every device with its state, versions, queue, disk and printer.")
    int list(
            @Option(names = "--json", description = "Print the portal's answer as one line of JSON.") boolean json,
            @Mixin PortalOptions portal)
            throws PortalException, IOException, EnvFileException {
        JsonNode devices = portal.client(ctl).devices();
        if (json) {
            PortalOutput.json(portal.out(), devices);
            return 0;
        }
        Table table = new Table(
                "DEVICE",
                "CENTRE",
                "KIOSK",
                "STATE",
                "LAST SEEN",
                "APP",
                "CATALOGUE",
                "CONFIG",
                "QUEUED",
                "OLDEST (S)",
                "DISK FREE",
                "PRINTER",
                "LAST ERROR");
        for (JsonNode d : devices) {
            table.row(
                    text(d, "deviceId"),
                    text(d, "centre"),
                    text(d, "kiosk"),
                    text(d, "state"),
                    text(d, "lastSeenAt"),
                    text(d, "appVersion"),
                    text(d, "catalogueVersion"),
                    text(d, "configVersion"),
                    text(d, "queueDepth"),
                    text(d, "oldestUnsentSeconds"),
                    PortalOutput.bytes(text(d, "diskFreeBytes")),
                    text(d, "printerState"),
                    text(d, "lastError"));
        }
        table.print(portal.out());
        return 0;
    }

    @Command(name = "show", description = "One device: everything its last heartbeat said, and its commands.")
    int show(
            @Parameters(paramLabel = "ID", description = "The device id, dev_...") String id,
            @Option(names = "--json", description = "Print the portal's answer as one line of JSON.") boolean json,
            @Mixin PortalOptions portal)
            throws PortalException, IOException, EnvFileException {
        JsonNode answer = portal.client(ctl).device(id);
        PrintWriter out = portal.out();
        if (json) {
            PortalOutput.json(out, answer);
            return 0;
        }
        PortalOutput.fields(out, answer.path("device"));
        out.println();
        JsonNode commands = answer.path("commands");
        if (commands.isEmpty()) {
            out.println("commands: none");
            return 0;
        }
        out.println("commands:");
        Table table = new Table("COMMAND", "TYPE", "ARGS", "CREATED", "DELIVERED", "DONE", "RESULT", "MESSAGE");
        for (JsonNode c : commands) {
            JsonNode args = c.path("args");
            table.row(
                    text(c, "id"),
                    text(c, "type"),
                    args.isEmpty() ? null : PortalOutput.compact(args),
                    text(c, "createdAt"),
                    text(c, "deliveredAt"),
                    text(c, "doneAt"),
                    text(c, "done") == null ? null : c.path("done").asBoolean() ? "done" : "failed",
                    text(c, "message"));
        }
        table.print(out);
        return 0;
    }
}
