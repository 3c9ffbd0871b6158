package org.accesscentre.device.bundle;

import static org.accesscentre.device.bundle.BundleException.Reason.INVALID_INPUT;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Lays out a release's input directory ({@link ReleaseLayout}) from a Maven build of this repository: each
 * module's jar from {@code <module>/target/<module>-*.jar} and its libraries from {@code <module>/target/lib},
 * plus a release.json. The result is what {@code kioskctl bundle build --kind release --in DIR} takes.
 */
public final class ReleaseAssembler {
    private ReleaseAssembler() {}

    /**
     * Writes the release directory {@code out}, which must not exist yet or be empty.
     *
     * @param buildRoot the repository root after {@code ./mvnw package}
     * @return the files written, as the release layout names them
     */
    public static List<ReleaseLayout.Item> assemble(Path buildRoot, Path out, ReleaseInfo info)
            throws IOException, BundleException {
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
                throw invalid(out + " exists and is not a directory");
            }
            try (Stream<Path> listing = Files.list(out)) {
                if (listing.findAny().isPresent()) {
                    throw invalid(out + " is not empty; give a new directory");
                }
            }
        }
        List<Source> sources = new ArrayList<>();
        for (String module : ReleaseLayout.MODULES) {
            Path target = buildRoot.resolve(module).resolve("target");
            sources.add(new Source(moduleJar(target, module), module + "/" + module + ".jar"));
            for (Path lib : libraries(target.resolve("lib"), module)) {
                sources.add(new Source(lib, module + "/lib/" + lib.getFileName()));
            }
        }
        List<ReleaseLayout.Item> items = new ArrayList<>();
        items.add(new ReleaseLayout.Item(ReleaseInfo.FILE, info.write().length));
        for (Source s : sources) {
            items.add(new ReleaseLayout.Item(s.path(), Files.size(s.file())));
        }
        Optional<String> problem = ReleaseLayout.problem(items);
        if (problem.isPresent()) {
            throw invalid(problem.get());
        }
        Files.createDirectories(out);
        Files.write(out.resolve(ReleaseInfo.FILE), info.write());
        for (Source s : sources) {
            Path destination = out.resolve(s.path());
            Files.createDirectories(destination.getParent());
            Files.copy(s.file(), destination, LinkOption.NOFOLLOW_LINKS);
        }
        return items;
    }

    private record Source(Path file, String path) {}

    private static Path moduleJar(Path target, String module) throws IOException, BundleException {
        List<Path> jars = new ArrayList<>();
        if (Files.isDirectory(target)) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(target, module + "-*.jar")) {
                for (Path p : s) {
                    String name = p.getFileName().toString();
                    if (!name.endsWith("-tests.jar")
                            && !name.endsWith("-sources.jar")
                            && !name.endsWith("-javadoc.jar")) {
                        jars.add(p);
                    }
                }
            }
        }
        if (jars.size() != 1) {
            throw invalid("expected one " + target.resolve(module + "-*.jar") + " but found " + jars.size()
                    + "; build with ./mvnw package first");
        }
        return regular(jars.getFirst());
    }

    private static List<Path> libraries(Path lib, String module) throws IOException, BundleException {
        if (!Files.isDirectory(lib)) {
            throw invalid(lib + " is missing; build " + module + " with ./mvnw package first");
        }
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(lib, "*.jar")) {
            for (Path p : s) {
                jars.add(regular(p));
            }
        }
        jars.sort(null);
        return jars;
    }

    private static Path regular(Path file) throws BundleException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw invalid(file + " is not a regular file");
        }
        return file;
    }

    private static BundleException invalid(String detail) {
        return BundleException.cannot("assemble a release", INVALID_INPUT, detail);
    }
}
