package org.accesscentre.device.cli;

import static org.accesscentre.device.cli.PortalOutput.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
import org.accesscentre.device.portal.EnvFileException;
import org.accesscentre.device.portal.PortalException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code kioskctl tx stats|daily}: the figures of what the kiosks sent. */
@Command(name = "tx", description = "Figures of the requests the kiosks sent.")
final class TxCommand implements Runnable {
    @Spec
    private CommandSpec spec = CommandSpec.create();

    @ParentCommand
    private KioskCtl ctl = new KioskCtl();

    /** A group alone is a usage error: it needs one of its commands. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    @Command(
            name = "stats",
            description = "Totals since the start: received, accepted, rejected, duplicates, conflicts.")
    int stats(
            @Option(names = "--json", description = "Print the portal's answer as one line of JSON.") boolean json,
            @Mixin PortalOptions portal)
            throws PortalException, IOException, EnvFileException {
        JsonNode totals = portal.client(ctl).transactionTotals();
        if (json) {
            PortalOutput.json(portal.out(), totals);
            return 0;
        }
        Table table = new Table("", "");
        totals.properties().forEach(e -> table.row(PortalOutput.words(e.getKey()), text(totals, e.getKey())));
        table.print(portal.out());
        return 0;
    }

    @Command(name = "daily", description = "Counts per day, centre, service and outcome (default: the last 30 days).")
    int daily(
            @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day.") @Nullable LocalDate from,
            @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day (default today).") @Nullable
                    LocalDate to,
            @Option(names = "--json", description = "Print the portal's answer as one line of JSON.") boolean json,
            @Mixin PortalOptions portal)
            throws PortalException, IOException, EnvFileException {
        JsonNode rows = portal.client(ctl).transactionsByDay(from, to);
        if (json) {
            PortalOutput.json(portal.out(), rows);
            return 0;
        }
        Table table = new Table("DAY", "CENTRE", "SERVICE", "OUTCOME", "COUNT");
        for (JsonNode r : rows) {
            table.row(text(r, "day"), text(r, "centre"), text(r, "serviceId"), text(r, "outcome"), text(r, "count"));
        }
        table.print(portal.out());
        return 0;
    }
}
