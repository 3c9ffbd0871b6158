package org.accesscentre.device.cli;

import static org.accesscentre.device.cli.PortalOutput.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.accesscentre.device.portal.EnvFileException;
import org.accesscentre.device.portal.PortalException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code kioskctl events}: what happened at the centres' desks, from the kiosks' journals, newest first. */
@Command(
        name = "events",
        description = "The kiosks' journals, newest first: sessions, the queue, help calls, sign-ins and cash.")
final class EventsCommand implements Callable<Integer> {
    @ParentCommand
    private KioskCtl ctl = new KioskCtl();

    @Option(names = "--device", paramLabel = "ID", description = "Only this device (dev_...).")
    @Nullable
    String device;

    @Option(
            names = "--kind",
            paramLabel = "KIND",
            description = "Only this kind (session.ended), or every kind under a prefix (payment.).")
    @Nullable
    String kind;

    @Option(
            names = "--since",
            paramLabel = "TIME",
            description = "Only events the portal received since then, such as 2026-11-22T14:00:00Z.")
    @Nullable
    Instant since;

    @Option(names = "--limit", paramLabel = "N", description = "How many, 1 to 500 (default 100).")
    @Nullable
    Integer limit;

    @Option(names = "--json", description = "Print the portal's answer as one line of JSON.")
    boolean json;

    @Mixin
    PortalOptions portal = new PortalOptions();

    @Override
    public Integer call() throws PortalException, IOException, EnvFileException {
        JsonNode events = portal.client(ctl).events(device, kind, since, limit);
        if (json) {
            PortalOutput.json(portal.out(), events);
            return 0;
        }
        Table table = new Table("RECEIVED", "KIOSK TIME", "KIOSK", "DEVICE", "KIND", "WHAT");
        for (JsonNode e : events) {
            table.row(
                    text(e, "receivedAt"),
                    text(e, "kioskTime"),
                    slot(e),
                    text(e, "deviceId"),
                    text(e, "kind"),
                    EventSummary.of(e.path("body")));
        }
        table.print(portal.out());
        return 0;
    }

    /** {@code SOU-03}: the centre and kiosk number, as on a reference. */
    private static @Nullable String slot(JsonNode e) {
        String centre = text(e, "centre");
        JsonNode kiosk = e.get("kiosk");
        if (centre == null || kiosk == null || !kiosk.canConvertToInt()) {
            return centre;
        }
        return centre + "-" + String.format(java.util.Locale.ROOT, "%02d", kiosk.asInt());
    }
}
