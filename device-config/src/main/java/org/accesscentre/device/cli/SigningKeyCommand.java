package org.accesscentre.device.cli;

import static org.accesscentre.device.cli.PortalOutput.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.accesscentre.core.keys.KeyFormatException;
import org.accesscentre.core.keys.Keys;
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

/** {@code kioskctl signing-key add|list}: the bundle signing keys the portal trusts. */
@Command(name = "signing-key", description = "The bundle signing keys the portal trusts when bundles are published.")
final class SigningKeyCommand implements Runnable {
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
            name = "add",
            description = "Trust a public key (signing.pub from keys create); its private half stays offline.")
    int add(
            @Parameters(paramLabel = "PUBFILE", description = "The public key (PEM).") Path file,
            @Option(names = "--label", paramLabel = "TEXT", description = "A note for people, such as who holds it.")
                    @Nullable
                    String label,
            @Mixin PortalOptions portal)
            throws PortalException, IOException, EnvFileException, KeyFormatException {
        String publicKey = Keys.toBase64(Keys.readPublic(file, Keys.ED25519));
        JsonNode added = portal.client(ctl).addSigningKey(publicKey, label);
        portal.out().println("ok: the portal trusts signing key " + Table.cell(text(added, "keyId")));
        return 0;
    }

    @Command(name = "list", description = "The keys the portal trusts.")
    int list(
            @Option(names = "--json", description = "Print the portal's answer as one line of JSON.") boolean json,
            @Mixin PortalOptions portal)
            throws PortalException, IOException, EnvFileException {
        JsonNode keys = portal.client(ctl).signingKeys();
        if (json) {
            PortalOutput.json(portal.out(), keys);
            return 0;
        }
        Table table = new Table("KEY ID", "LABEL", "ADDED", "ADDED BY");
        for (JsonNode k : keys) {
            table.row(text(k, "keyId"), text(k, "label"), text(k, "addedAt"), text(k, "addedBy"));
        }
        table.print(portal.out());
        return 0;
    }
}
