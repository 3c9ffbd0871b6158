package org.accesscentre.device.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.accesscentre.core.json.JsonInputException;

/**
 * Which configuration is in force on a kiosk, for both of its processes. A kiosk starts from the file given
 * with {@code --config}. Once the app has applied a configuration the ICT office pushed (a signed config
 * bundle), it keeps that one's {@code config.json} as {@code <dataDir>/config/config-<version>.json}, with the
 * one before it; from then on the newest kept file that reads, and still names the centre, kiosk, portal,
 * envelope key and data directory the file given with {@code --config} names, is in force. The enrolment code
 * always comes from that file.
 *
 * <p>Nothing here writes: the app sets a refused file aside (renamed with {@link #REFUSED}) and reports it, so
 * the daemon, which only reads, agrees with it from its next start.
 */
public final class DeviceConfigs {
    public static final String DIR = "config";
    /** The suffix of a kept file the app refused at start; neither process reads it again. */
    public static final String REFUSED = ".refused";

    private static final Pattern KEPT = Pattern.compile("config-([1-9][0-9]{0,17})\\.json");

    private DeviceConfigs() {}

    /**
     * A configuration that could be in force.
     *
     * @param version the bundle version it came in; 0 for the file given with {@code --config}
     * @param file the kept file, empty for the file given with {@code --config}
     */
    public record Candidate(DeviceConfig config, long version, Optional<Path> file) {
        public boolean pushed() {
            return version > 0;
        }
    }

    /** A kept file that cannot be in force, and why. */
    public record Refused(long version, Path file, String reason) {}

    /**
     * What is on disk, judged.
     *
     * @param usable newest first; the last is always the file given with {@code --config}
     * @param refused kept files that are not usable, newest first
     */
    public record Resolution(List<Candidate> usable, List<Refused> refused) {
        public Resolution {
            usable = List.copyOf(usable);
            refused = List.copyOf(refused);
            if (usable.isEmpty() || usable.getLast().pushed()) {
                throw new IllegalArgumentException("the file given with --config is always the last resort");
            }
        }

        public Candidate inForce() {
            return usable.getFirst();
        }

        /** The one to fall back on if the one in force fails. */
        public Optional<Candidate> previous() {
            return usable.size() > 1 ? Optional.of(usable.get(1)) : Optional.empty();
        }

        /** The same, with the configuration in force (a pushed one) refused: the one before it is in force. */
        public Resolution refuseInForce(String reason) {
            Candidate failed = inForce();
            if (failed.file().isEmpty()) {
                throw new IllegalStateException("the file given with --config has nothing to fall back on");
            }
            List<Refused> more = new ArrayList<>(refused);
            more.add(new Refused(failed.version(), failed.file().get(), reason));
            more.sort(Comparator.comparingLong(Refused::version).reversed());
            return new Resolution(usable.subList(1, usable.size()), more);
        }
    }

    /** Where applied configurations are kept: {@code <dataDir>/config}. */
    public static Path dir(Path dataDir) {
        return dataDir.resolve(DIR);
    }

    /** The kept {@code config.json} of a version. */
    public static Path kept(Path dataDir, long version) {
        if (version < 1) {
            throw new IllegalArgumentException("a kept configuration has a version of 1 or more, not " + version);
        }
        return dir(dataDir).resolve("config-" + version + ".json");
    }

    /** The version a kept file's name says, or empty for any other file (a refused one included). */
    public static OptionalLong versionOf(Path file) {
        Path name = file.getFileName();
        Matcher m = name == null ? null : KEPT.matcher(name.toString());
        return m != null && m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    /**
     * The configuration in force: the newest kept one that is usable, or {@code fromFile}. Never fails because
     * of a kept file; a problem with one leaves the next in line in force.
     *
     * @param fromFile the file given with {@code --config}, as read
     */
    public static DeviceConfig inForce(DeviceConfig fromFile) {
        return resolve(fromFile).inForce().config();
    }

    /** Every kept file judged against {@code fromFile}, newest first. */
    public static Resolution resolve(DeviceConfig fromFile) {
        List<Candidate> usable = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        for (long version : keptVersions(dir(fromFile.dataDir()))) {
            Path file = kept(fromFile.dataDir(), version);
            try {
                // Lenient, as a kiosk reads its file: an app put back to an older release keeps working.
                DeviceConfig config = DeviceConfigReader.lenient().read(file);
                Optional<String> other = ConfigChange.identity(fromFile, config);
                if (other.isPresent()) {
                    refused.add(new Refused(
                            version, file, "it no longer matches the file given with --config: " + other.get()));
                } else {
                    usable.add(new Candidate(
                            config.withEnrolmentCode(fromFile.enrolmentCode()), version, Optional.of(file)));
                }
            } catch (JsonInputException e) {
                refused.add(new Refused(version, file, e.getMessage()));
            }
        }
        usable.add(new Candidate(fromFile, 0, Optional.empty()));
        return new Resolution(usable, refused);
    }

    /** The versions kept in {@code dir}, newest first; none if it cannot be listed. */
    private static List<Long> keptVersions(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(DeviceConfigs::versionOf)
                    .filter(OptionalLong::isPresent)
                    .map(OptionalLong::getAsLong)
                    .sorted(Comparator.reverseOrder())
                    .toList();
        } catch (IOException e) {
            // The file given with --config still works: better that than no kiosk.
            return List.of();
        }
    }
}
