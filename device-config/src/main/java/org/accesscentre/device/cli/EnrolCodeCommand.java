package org.accesscentre.device.cli;

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
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code kioskctl enrol-code create}: the one-time code a new kiosk enrols with. */
@Command(name = "enrol-code", description = "One-time codes that enrol a kiosk with the portal.")
final class EnrolCodeCommand implements Runnable {
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
            name = "create",
            description = {
                "A code for one kiosk slot (centre and number), typed once on the kiosk at installation.",
                "A device that enrols into a taken slot retires the one there. Prints the code and its expiry."
            })
    int create(
            @Option(names = "--centre", required = true, paramLabel = "CODE", description = "Centre code, such as SOU.")
                    String centre,
            @Option(names = "--kiosk", required = true, paramLabel = "N", description = "Kiosk number, 1 to 99.")
                    int kiosk,
            @Option(
                            names = "--valid-days",
                            paramLabel = "DAYS",
                            description = "How long the code works, 1 to 90 days (default 7).")
                    @Nullable
                    Integer validDays,
            @Option(names = "--json", description = "Print the portal's answer as one line of JSON.") boolean json,
            @Mixin PortalOptions portal)
            throws PortalException, IOException, EnvFileException {
        JsonNode code = portal.client(ctl).createEnrolmentCode(centre, kiosk, validDays);
        if (json) {
            PortalOutput.json(portal.out(), code);
        } else {
            portal.out()
                    .println(Table.cell(PortalOutput.text(code, "code")) + "  for "
                            + Table.cell(PortalOutput.text(code, "centre"))
                            + " kiosk " + Table.cell(PortalOutput.text(code, "kiosk")) + ", expires "
                            + Table.cell(PortalOutput.text(code, "expiresAt")));
        }
        return 0;
    }
}
