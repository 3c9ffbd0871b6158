package org.accesscentre.device.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.KeyPair;
import org.accesscentre.core.keys.Keys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kioskctl keys create --out DIR}: a new bundle signing key pair. */
@Command(name = "keys", description = "Make the ICT office's bundle signing keys.")
final class KeysCommand implements Runnable {
    static final String PRIVATE_FILE = "signing.key";
    static final String PUBLIC_FILE = "signing.pub";

    @Spec
    private CommandSpec spec = CommandSpec.create();

    /** A group alone is a usage error: it needs one of its commands. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    @Command(
            name = "create",
            description = {
                "Write a new Ed25519 key pair: DIR/signing.key (mode 0600; keep it offline, never on the portal)",
                "and DIR/signing.pub (goes into every kiosk's trustedSigningKeys). Never overwrites a key."
            })
    int create(
            @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the key files.")
                    Path dir)
            throws IOException {
        Path privateFile = dir.resolve(PRIVATE_FILE);
        Path publicFile = dir.resolve(PUBLIC_FILE);
        // Both checked before either is written: a half-replaced pair would sign with a key nobody trusts.
        for (Path file : new Path[] {privateFile, publicFile}) {
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(file.toString(), null, "refusing to overwrite a key");
            }
        }
        Files.createDirectories(dir);
        KeyPair pair = Keys.generate(Keys.ED25519);
        Keys.writePrivate(privateFile, pair.getPrivate());
        Keys.writePublic(publicFile, pair.getPublic());
        spec.commandLine()
                .getOut()
                .println("ok: wrote " + privateFile + " (keep it secret) and " + publicFile + ", key id "
                        + Keys.keyId(pair.getPublic()));
        return 0;
    }
}
