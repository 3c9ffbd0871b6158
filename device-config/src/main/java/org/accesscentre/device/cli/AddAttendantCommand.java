package org.accesscentre.device.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.accesscentre.core.io.AtomicFiles;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.json.JsonInputException;
import org.accesscentre.core.json.JsonLimits;
import org.accesscentre.device.config.DeviceConfigReader;
import org.accesscentre.device.pin.PinHasher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code kioskctl config add-attendant --config FILE --id ID --name NAME}: adds an attendant with a PIN read
 * from the terminal (twice) or standard input. The PIN is stored only as its salted PBKDF2 hash. The file is
 * checked whole before it is replaced, atomically, and keeps its owner-only permissions.
 */
@Command(name = "add-attendant", description = "Add an attendant and their PIN (as a salted hash) to a config.json.")
final class AddAttendantCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec = CommandSpec.create();

    @ParentCommand
    private ConfigCommand config;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The configuration to change.")
    Path file;

    @Option(names = "--id", required = true, paramLabel = "ID", description = "Short and stable, such as marie.")
    String id;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "As shown on the kiosk.")
    String name;

    @Override
    public Integer call() throws IOException, JsonInputException {
        if (Files.size(file) > JsonLimits.DEVICE_CONFIG.maxDocumentBytes()) {
            throw new ParameterException(spec.commandLine(), file + " is larger than a configuration can be");
        }
        JsonNode root = Json.mapper(JsonLimits.DEVICE_CONFIG).readTree(Files.readAllBytes(file));
        if (!(root instanceof ObjectNode object)) {
            throw new ParameterException(spec.commandLine(), file + " is not a JSON object");
        }
        ArrayNode attendants = object.has("attendants") && object.get("attendants") instanceof ArrayNode a
                ? a
                : object.putArray("attendants");
        for (JsonNode a : attendants) {
            if (id.equals(a.path("id").asText())) {
                throw new ParameterException(spec.commandLine(), "attendant " + id + " is in " + file + " already");
            }
        }
        char[] pin = PinCommand.readPin(config.ctl());
        String hash;
        try {
            hash = new PinHasher(PinHasher.DEFAULT_ITERATIONS, new SecureRandom())
                    .hash(pin)
                    .encoded();
        } finally {
            Arrays.fill(pin, '\0');
        }
        attendants.addObject().put("id", id).put("name", name).put("pinHash", hash);
        byte[] json = Json.mapper(JsonLimits.DEVICE_CONFIG)
                .writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(object);
        Path candidate = file.resolveSibling(file.getFileName() + ".new");
        AtomicFiles.write(candidate, json, AtomicFiles.OWNER_ONLY);
        try {
            DeviceConfigReader.strict().read(candidate); // refused whole: the old file stays as it was
        } finally {
            Files.deleteIfExists(candidate);
        }
        AtomicFiles.write(file, json, AtomicFiles.OWNER_ONLY);
        spec.commandLine().getOut().printf("added attendant %s (%s) to %s%n", id, name, file);
        return 0;
    }
}
