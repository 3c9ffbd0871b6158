package org.accesscentre.device.cli;

import java.nio.file.Path;
import org.accesscentre.core.catalogue.Catalogue;
import org.accesscentre.core.catalogue.CatalogueReader;
import org.accesscentre.core.json.JsonInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kioskctl catalogue validate FILE}. */
@Command(name = "catalogue", description = "Check service catalogue files.")
final class CatalogueCommand implements Runnable {
    @Spec
    private CommandSpec spec = CommandSpec.create();

    /** A group alone is a usage error: it needs one of its commands. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    @Command(name = "validate", description = "Check a catalogue.json strictly; unknown properties are errors.")
    int validate(@Parameters(paramLabel = "FILE", description = "The catalogue file.") Path file)
            throws JsonInputException {
        Catalogue catalogue = CatalogueReader.strict().read(file);
        int services = catalogue.services().size();
        spec.commandLine()
                .getOut()
                .printf(
                        "ok: catalogue version %d, %d service%s, locales %s%n",
                        catalogue.version(),
                        services,
                        services == 1 ? "" : "s",
                        String.join(", ", catalogue.locales()));
        return 0;
    }
}
