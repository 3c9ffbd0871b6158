package org.accesscentre.device.cli;

import static org.accesscentre.device.cli.PortalOutput.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.accesscentre.device.portal.EnvFileException;
import org.accesscentre.device.portal.PortalException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code kioskctl publish FILE}: a signed bundle to the portal, for the kiosks to fetch. */
@Command(
        name = "publish",
        description = {
            "Send a signed bundle to the portal, which checks its signature against the keys it trusts",
            "(see signing-key) and offers it to the kiosks. A catalogue is always for every device."
        })
final class PublishCommand implements Callable<Integer> {
    /** The portal checks the details (centre code, device id); this only catches a mistyped form. */
    private static final Pattern TARGET = Pattern.compile("all|centre:\\S+|device:\\S+");

    @ParentCommand
    private KioskCtl ctl = new KioskCtl();

    @Parameters(paramLabel = "FILE", description = "The signed bundle.")
    private Path file = Path.of("");

    @Option(
            names = "--target",
            paramLabel = "TARGET",
            defaultValue = "all",
            description = "all, centre:SOU or device:dev_... (default ${DEFAULT-VALUE}).")
    private String target = "all";

    @Option(names = "--json", description = "Print the portal's answer as one line of JSON.")
    private boolean json;

    @Mixin
    private PortalOptions portal = new PortalOptions();

    @Override
    public Integer call() throws PortalException, IOException, EnvFileException {
        if (!TARGET.matcher(target).matches()) {
            throw portal.usage("--target is all, centre:<CODE> or device:<device id>");
        }
        JsonNode published = portal.client(ctl).publish(file, target);
        if (json) {
            PortalOutput.json(portal.out(), published);
        } else {
            portal.out()
                    .println("ok: published " + Table.cell(text(published, "kind")) + " version "
                            + Table.cell(text(published, "version")) + " for " + Table.cell(text(published, "target"))
                            + " (bundle " + Table.cell(text(published, "id")) + ", "
                            + Table.cell(text(published, "size")) + " bytes, signed by "
                            + Table.cell(text(published, "signedBy")) + ")");
        }
        return 0;
    }
}
