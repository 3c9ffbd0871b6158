package org.accesscentre.device.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accesscentre.core.io.AtomicFiles;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.keys.KeyFormatException;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.core.wire.SignedOrder;
import org.accesscentre.device.bundle.BundleBuilder;
import org.accesscentre.device.bundle.BundleException;
import org.accesscentre.device.bundle.BundleInspection;
import org.accesscentre.device.bundle.BundleKind;
import org.accesscentre.device.bundle.BundleSigner;
import org.accesscentre.device.bundle.BundleSpec;
import org.accesscentre.device.bundle.BundleVerifier;
import org.accesscentre.device.bundle.Manifest;
import org.accesscentre.device.bundle.ManifestFile;
import org.accesscentre.device.bundle.ReleaseAssembler;
import org.accesscentre.device.bundle.ReleaseInfo;
import org.accesscentre.device.bundle.ReleaseLayout;
import org.accesscentre.device.bundle.RollbackOrder;
import org.accesscentre.device.bundle.VerifiedBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code kioskctl bundle build|sign|verify|inspect|release-dir|rollback-order}. */
@Command(name = "bundle", description = "Build, sign, verify and inspect signed bundles.")
final class BundleCommand implements Runnable {
    @Spec
    private CommandSpec spec = CommandSpec.create();

    /** A group alone is a usage error: it needs one of its commands. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    @ParentCommand
    private KioskCtl ctl = new KioskCtl();

    @Command(name = "build", description = "Build an unsigned bundle from the files of a directory.")
    int build(
            @Option(
                            names = "--kind",
                            required = true,
                            paramLabel = "KIND",
                            converter = KindConverter.class,
                            completionCandidates = KindConverter.class,
                            description = "catalogue, config or release.")
                    BundleKind kind,
            @Option(names = "--version", required = true, paramLabel = "N", description = "Bundle version, 1 or more.")
                    long version,
            @Option(names = "--in", required = true, paramLabel = "DIR", description = "Directory of the files.")
                    Path in,
            @Option(names = "--out", required = true, paramLabel = "FILE", description = "The bundle to write.")
                    Path out,
            @Option(
                            names = "--min-app-version",
                            paramLabel = "M",
                            defaultValue = "0",
                            description = "Oldest kiosk app that can use it (default 0).")
                    long minAppVersion,
            @Option(names = "--label", paramLabel = "TEXT", description = "A one-line note for people.")
                    Optional<String> label)
            throws IOException, BundleException {
        BundleSpec bundleSpec = new BundleSpec(kind, version, minAppVersion, label);
        Manifest manifest = new BundleBuilder(ctl.clock()).build(bundleSpec, in, out);
        out().println("ok: wrote " + out + ": " + summary(manifest) + ", unsigned");
        return 0;
    }

    @Command(
            name = "release-dir",
            description =
                    "Lay out a release's input directory from this repository's Maven build, for build --kind release.")
    int releaseDir(
            @Option(
                            names = "--from-build",
                            paramLabel = "ROOT",
                            defaultValue = ".",
                            description = "The repository root after ./mvnw package (default: here).")
                    Path root,
            @Option(names = "--version", required = true, paramLabel = "N", description = "Release version, 1 or more.")
                    long version,
            @Option(names = "--notes", required = true, paramLabel = "TEXT", description = "Release notes for people.")
                    String notes,
            @Option(names = "--min-catalogue-version", paramLabel = "N", defaultValue = "0") long minCatalogue,
            @Option(names = "--min-config-version", paramLabel = "N", defaultValue = "0") long minConfig,
            @Option(names = "--min-store-version", paramLabel = "N", defaultValue = "0") long minStore,
            @Option(names = "--out", required = true, paramLabel = "DIR", description = "A new, empty directory.")
                    Path out)
            throws IOException, BundleException {
        ReleaseInfo info;
        try {
            info = new ReleaseInfo(version, minCatalogue, minConfig, minStore, notes.replace("\\n", "\n"));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        List<ReleaseLayout.Item> items = ReleaseAssembler.assemble(root, out, info);
        long bytes = items.stream().mapToLong(ReleaseLayout.Item::size).sum();
        out().println("ok: wrote " + out + ": release " + version + ", " + items.size() + " files, " + bytes
                + " bytes; next: kioskctl bundle build --kind release --version " + version + " --in " + out);
        return 0;
    }

    @Command(name = "sign", description = "Add a signature to a bundle, or replace this key's signature.")
    int sign(
            @Option(names = "--key", required = true, paramLabel = "KEYFILE", description = "signing.key (PEM).")
                    Path keyFile,
            @Parameters(paramLabel = "FILE", description = "The bundle, rewritten in place.") Path file)
            throws IOException, BundleException, KeyFormatException {
        PrivateKey key = Keys.readPrivate(keyFile, Keys.ED25519);
        String keyId = BundleSigner.sign(file, key);
        out().println("ok: signed " + file + " with key " + keyId);
        return 0;
    }

    @Command(
            name = "rollback-order",
            description = "Sign an order that lets a release rollout take devices back to an older release.")
    int rollbackOrder(
            @Option(names = "--key", required = true, paramLabel = "KEYFILE", description = "signing.key (PEM).")
                    Path keyFile,
            @Option(names = "--release", required = true, paramLabel = "N", description = "The release to go back to.")
                    long release,
            @Option(
                            names = "--up-to",
                            required = true,
                            paramLabel = "M",
                            description = "The newest release it takes back; devices on a newer one stay.")
                    long upTo,
            @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why, for people.")
                    String reason,
            @Option(names = "--out", required = true, paramLabel = "FILE", description = "The order (JSON) to write.")
                    Path out)
            throws IOException, KeyFormatException {
        RollbackOrder order;
        try {
            order = new RollbackOrder(release, upTo, reason, ctl.clock().instant());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrivateKey key = Keys.readPrivate(keyFile, Keys.ED25519);
        SignedOrder signed = order.sign(key);
        AtomicFiles.write(out, Json.wire().writerWithDefaultPrettyPrinter().writeValueAsBytes(signed));
        out().println("ok: wrote " + out + ": " + order.describe() + ", signed with key " + signed.keyId()
                + "; next: kioskctl rollout create --bundle ID --rollback-order " + out);
        return 0;
    }

    @Command(name = "verify", description = "Check a bundle as a kiosk does; exit 0 only if it would be used.")
    int verify(
            @Option(
                            names = "--trust",
                            required = true,
                            paramLabel = "PUBFILE",
                            description = "A trusted public key (PEM); repeat for several.")
                    List<Path> trust,
            @Option(
                            names = "--min-version",
                            paramLabel = "N",
                            defaultValue = "1",
                            description = "Refuse versions below N (default 1).")
                    long minVersion,
            @Parameters(paramLabel = "FILE", description = "The bundle.") Path file)
            throws IOException, BundleException, KeyFormatException {
        List<PublicKey> keys = new ArrayList<>();
        for (Path p : trust) {
            keys.add(Keys.readPublic(p, Keys.ED25519));
        }
        VerifiedBundle bundle = new BundleVerifier(keys).verify(file, minVersion);
        out().println("ok: " + summary(bundle.manifest()) + ", signed by " + bundle.signedBy());
        return 0;
    }

    @Command(name = "inspect", description = "Show a bundle's manifest, files and signatures, signed or not.")
    int inspect(@Parameters(paramLabel = "FILE", description = "The bundle.") Path file)
            throws IOException, BundleException {
        BundleInspection inspection = BundleInspection.of(file);
        Manifest m = inspection.manifest();
        PrintWriter out = out();
        out.println(m.kind() + " bundle, version " + m.version() + ", minimum app version " + m.minAppVersion());
        m.label().ifPresent(l -> out.println("label: " + OneLineErrors.oneLine(l)));
        m.createdAt().ifPresent(t -> out.println("created: " + t + " (as the builder's clock said)"));
        out.println("files: " + m.fileCount() + ", " + m.totalSize() + " bytes");
        for (ManifestFile f : m.files()) {
            out.println("  " + f.sha256() + "  " + f.size() + "  " + f.path());
        }
        out.println("signatures: "
                + (inspection.signatureKeyIds().isEmpty()
                        ? "none (unsigned)"
                        : String.join(", ", inspection.signatureKeyIds()) + " (not checked; use bundle verify)"));
        if (inspection.contentProblem().isPresent()) {
            out.println("contents: DAMAGED: " + inspection.contentProblem().get());
            out.flush();
            spec.commandLine()
                    .getErr()
                    .println("damaged: " + inspection.contentProblem().get());
            return 1;
        }
        out.println("contents: match the manifest");
        return 0;
    }

    private static String summary(Manifest manifest) {
        return manifest.kind() + " version " + manifest.version() + ", " + manifest.fileCount();
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
