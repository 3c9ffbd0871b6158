package org.accesscentre.sync.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.accesscentre.core.io.AtomicFiles;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.json.JsonInputException;
import org.accesscentre.core.json.JsonLimits;
import org.accesscentre.core.json.Node;

/**
 * {@code releases/install.json}: the step an install has reached, written atomically (temporary file, fsync,
 * rename) before the step starts, so a restart knows what a crash interrupted.
 *
 * @param from the version running when the install started; 0 if none
 * @param to the version being installed
 * @param running the version {@code current} points at, as of this entry; 0 if none
 * @param note why it ended, for a final step; empty otherwise
 */
public record InstallJournal(Step step, long from, long to, long running, String note) {
    public static final String FILE = "install.json";
    private static final JsonLimits LIMITS = new JsonLimits(64 * 1024, 4, 4 * 1024, 32, 20);
    private static final ObjectMapper MAPPER = Json.mapper(LIMITS);

    /** The steps, in the order an install goes through them; the last three are final. */
    public enum Step {
        DOWNLOADING,
        VERIFYING,
        UNPACKING,
        SWITCHING,
        RESTART_REQUESTED,
        HEALTH_CHECK,
        COMMITTED,
        ROLLED_BACK,
        ABORTED;

        public boolean isFinal() {
            return this == COMMITTED || this == ROLLED_BACK || this == ABORTED;
        }
    }

    public InstallJournal {
        if (note.length() > 2_000) {
            note = note.substring(0, 2_000);
        }
    }

    InstallJournal next(Step step, long running) {
        return new InstallJournal(step, from, to, running, "");
    }

    InstallJournal end(Step step, long running, String note) {
        return new InstallJournal(step, from, to, running, note);
    }

    static Optional<InstallJournal> read(Path releases) throws IOException {
        Path file = releases.resolve(FILE);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            Node root = Node.root(Json.readTree(new ByteArrayInputStream(bytes), FILE, LIMITS), FILE, false);
            Node stepNode = root.required("step");
            String name = stepNode.asText();
            Step step = Arrays.stream(Step.values())
                    .filter(s -> s.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> stepNode.error("unknown step '" + Node.clip(name) + "'"));
            return Optional.of(new InstallJournal(
                    step,
                    root.integer("from", 0, Long.MAX_VALUE),
                    root.integer("to", 1, Long.MAX_VALUE),
                    root.integer("running", 0, Long.MAX_VALUE),
                    root.optionalText("note").orElse("")));
        } catch (JsonInputException e) {
            // Written atomically, so only a person or a failing card makes it unreadable; say so and stop.
            throw new IOException(file + " cannot be read (" + e.getMessage() + "); the links in " + releases
                    + " say what runs: move the file away to carry on");
        }
    }

    void write(Path releases) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("step", step.name());
        root.put("from", from);
        root.put("to", to);
        root.put("running", running);
        if (!note.isEmpty()) {
            root.put("note", note);
        }
        try {
            AtomicFiles.write(
                    releases.resolve(FILE),
                    (MAPPER.writeValueAsString(root) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the install journal", e);
        }
    }
}
