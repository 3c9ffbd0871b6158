package org.accesscentre.device.cli;

import static org.accesscentre.device.cli.PortalOutput.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
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

/**
 * {@code kioskctl case list|show|status}: an agency officer's cases. An officer's token sees its own
 * agency's cases only; the ICT office's sees all and may pick one with {@code --agency}.
 */
@Command(name = "case", description = "Citizens' requests as cases: read them, and set their status.")
final class CaseCommand implements Runnable {
    @Spec
    private CommandSpec spec = CommandSpec.create();

    @ParentCommand
    private KioskCtl ctl = new KioskCtl();

    /** A group alone is a usage error: it needs one of its commands. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    @Command(name = "list", description = "Cases, oldest first.")
    int list(
            @Option(
                            names = "--status",
                            paramLabel = "STATUS",
                            description = "Only this status, such as received or in_progress.")
                    @Nullable
                    String status,
            @Option(names = "--agency", paramLabel = "ID", description = "Only this agency's cases.") @Nullable
                    String agency,
            @Option(names = "--limit", paramLabel = "N", description = "At most N cases, 1 to 500 (default 100).")
                    @Nullable
                    Integer limit,
            @Option(
                            names = "--after",
                            paramLabel = "ID",
                            description =
                                    "The next page: the cases after this one (the id the page before ended with).")
                    @Nullable
                    String after,
            @Option(names = "--json", description = "Print the portal's answer as one line of JSON.") boolean json,
            @Mixin PortalOptions portal)
            throws PortalException, IOException, EnvFileException {
        JsonNode cases = portal.client(ctl).cases(status, agency, after, limit);
        if (json) {
            PortalOutput.json(portal.out(), cases);
            return 0;
        }
        Table table = new Table("REFERENCE", "SERVICE", "AGENCY", "STATUS", "CASE NUMBER", "RECEIVED", "FEE");
        for (JsonNode c : cases) {
            table.row(
                    text(c, "reference"),
                    text(c, "serviceId"),
                    text(c, "agencyId"),
                    text(c, "status"),
                    text(c, "caseNumber"),
                    text(c, "receivedAt"),
                    PortalOutput.money(text(c, "feeCents"), text(c, "currency")));
        }
        table.print(portal.out());
        int page = limit == null ? 100 : Math.clamp(limit, 1, 500);
        if (cases.size() == page) {
            portal.out()
                    .println("more: the next page is --after " + text(cases.get(cases.size() - 1), "transactionId"));
        }
        return 0;
    }

    @Command(name = "show", description = "One case with the citizen's answers.")
    int show(
            @Parameters(paramLabel = "ID_OR_REFERENCE", description = "Its reference (SOU-03-000123-7) or id.")
                    String id,
            @Option(names = "--json", description = "Print the portal's answer as one line of JSON.") boolean json,
            @Mixin PortalOptions portal)
            throws PortalException, IOException, EnvFileException {
        JsonNode detail = portal.client(ctl).caseDetail(id);
        PrintWriter out = portal.out();
        if (json) {
            PortalOutput.json(out, detail);
            return 0;
        }
        ObjectNode head = JsonNodeFactory.instance.objectNode();
        detail.path("summary").properties().forEach(e -> head.set(e.getKey(), e.getValue()));
        head.set("locale", detail.path("locale"));
        head.set("statusMessage", detail.path("statusMessage"));
        PortalOutput.fields(out, head);
        out.println();
        Table answers = new Table("QUESTION", "ENTERED BY", "ANSWER");
        for (JsonNode a : detail.path("answers")) {
            answers.row(text(a, "question"), text(a, "enteredBy"), text(a, "answer"));
        }
        answers.print(out);
        return 0;
    }

    @Command(
            name = "status",
            description = "Set a case's status; the kiosk shows it to the citizen who looks up the reference.")
    int status(
            @Parameters(paramLabel = "ID_OR_REFERENCE", description = "Its reference (SOU-03-000123-7) or id.")
                    String id,
            @Option(
                            names = "--status",
                            required = true,
                            paramLabel = "STATUS",
                            description = "received, in_progress, needs_information, approved, rejected,"
                                    + " ready_to_collect or completed.")
                    String status,
            @Option(names = "--message", paramLabel = "TEXT", description = "A message to the citizen.") @Nullable
                    String message,
            @Option(names = "--case-number", paramLabel = "N", description = "The agency's own case number.") @Nullable
                    String caseNumber,
            @Option(names = "--json", description = "Print the portal's answer as one line of JSON.") boolean json,
            @Mixin PortalOptions portal)
            throws PortalException, IOException, EnvFileException {
        JsonNode answer = portal.client(ctl).setCaseStatus(id, status, message, caseNumber);
        if (json) {
            PortalOutput.json(portal.out(), answer);
        } else {
            portal.out()
                    .println("ok: " + id + " is " + Table.cell(text(answer, "status")) + " (status version "
                            + Table.cell(text(answer, "version")) + ")");
        }
        return 0;
    }
}
