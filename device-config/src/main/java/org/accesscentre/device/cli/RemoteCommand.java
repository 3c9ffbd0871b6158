package org.accesscentre.device.cli;

import static org.accesscentre.device.cli.PortalOutput.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/** {@code kioskctl command send}: a remote command a kiosk picks up with its next heartbeat. */
@Command(name = "command", description = "Remote commands for a kiosk, delivered with its next heartbeat.")
final class RemoteCommand implements Runnable {
    static final List<String> TYPES = List.of("lock", "unlock", "sync_now", "wipe");

    @Spec
    private CommandSpec spec = CommandSpec.create();

    @ParentCommand
    private KioskCtl ctl = new KioskCtl();

    /** A group alone is a usage error: it needs one of its commands. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    @Command(name = "send", description = "Queue a command for one device; fleet show ID says when it ran.")
    int send(
            @Parameters(paramLabel = "ID", description = "The device id, dev_...") String deviceId,
            @Option(
                            names = "--type",
                            required = true,
                            paramLabel = "TYPE",
                            completionCandidates = Types.class,
                            description = "lock, unlock, sync_now or wipe.")
                    String type,
            @Option(
                            names = "--arg",
                            paramLabel = "NAME=VALUE",
                            description = "An argument, such as includeUnsent=false for wipe; repeat for several.")
                    Map<String, String> args,
            @Option(names = "--json", description = "Print the portal's answer as one line of JSON.") boolean json,
            @Mixin PortalOptions portal)
            throws PortalException, IOException, EnvFileException {
        if (!TYPES.contains(type)) {
            throw portal.usage("--type is one of " + String.join(", ", TYPES));
        }
        Map<String, String> arguments = args == null ? Map.of() : new LinkedHashMap<>(args);
        JsonNode command = portal.client(ctl).sendCommand(deviceId, type, arguments);
        if (json) {
            PortalOutput.json(portal.out(), command);
        } else {
            portal.out().println("ok: queued " + type + " for " + deviceId + " as " + Table.cell(text(command, "id")));
        }
        return 0;
    }

    /** Completion candidates for {@code --type}. */
    static final class Types implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return TYPES.iterator();
        }
    }
}
