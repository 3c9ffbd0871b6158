package org.accesscentre.device.bundle;

import static org.accesscentre.device.bundle.BundleException.Reason.INVALID_INPUT;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Lists the files of a directory to be bundled: regular files only, with names a bundle allows. A symbolic
 * link, a device or a pipe is refused rather than skipped or followed, so what is signed is exactly what the
 * ICT officer sees in the directory.
 */
final class InputScanner {
    /** A file to bundle: its path inside the bundle, where it is now, and its size when listed. */
    record Source(String path, Path file, long size) {}

    private InputScanner() {}

    static List<Source> scan(Path root) throws IOException, BundleException {
        List<Source> sources = new ArrayList<>();
        List<BundleException> problems = new ArrayList<>();
        // No FOLLOW_LINKS: links are reported as what they are, never walked into.
        Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class), 64, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.equals(root) || check(relative(root, dir))
                        ? FileVisitResult.CONTINUE
                        : FileVisitResult.TERMINATE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String path = relative(root, file);
                if (attrs.isSymbolicLink()) {
                    return fail(path + " is a symbolic link; a bundle holds regular files only");
                }
                if (attrs.isDirectory()) {
                    return fail(path + " is nested too deeply");
                }
                if (!attrs.isRegularFile()) {
                    return fail(path + " is not a regular file (a device, pipe or socket)");
                }
                if (!check(path)) {
                    return FileVisitResult.TERMINATE;
                }
                sources.add(new Source(path, file, attrs.size()));
                if (sources.size() > BundleLimits.MAX_FILES) {
                    return fail("there are more than " + BundleLimits.MAX_FILES + " files");
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return fail(relative(root, file) + " cannot be read: " + e.getMessage());
            }

            private boolean check(String path) {
                Optional<String> problem = BundlePaths.problem(path);
                problem.ifPresent(p -> fail("'" + path + "' cannot be in a bundle: " + p));
                return problem.isEmpty();
            }

            private FileVisitResult fail(String detail) {
                problems.add(BundleException.cannot("build", INVALID_INPUT, detail));
                return FileVisitResult.TERMINATE;
            }
        });
        if (!problems.isEmpty()) {
            throw problems.getFirst();
        }
        sources.sort(Comparator.comparing(Source::path));
        Optional<String> conflict =
                BundlePaths.conflict(sources.stream().map(Source::path).toList());
        if (conflict.isPresent()) {
            throw BundleException.cannot("build", INVALID_INPUT, conflict.get());
        }
        return sources;
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }
}
