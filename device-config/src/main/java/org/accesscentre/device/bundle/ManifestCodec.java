package org.accesscentre.device.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.json.JsonInputException;
import org.accesscentre.core.json.JsonLimits;
import org.accesscentre.core.json.Node;

/**
 * {@code manifest.json}, both ways. Reading ignores properties it does not know, so a newer kioskctl can add
 * some without breaking older kiosks; the manifest is signed, so nobody else can add any.
 *
 * <pre>{@code
 * {"format": 1, "kind": "catalogue", "version": 7, "minAppVersion": 0, "label": "optional text",
 *  "createdAt": "2025-06-01T12:00:00Z", "files": [{"path": "catalogue.json", "size": 123, "sha256": "<hex>"}]}
 * }</pre>
 */
final class ManifestCodec {
    static final String SOURCE = BundlePaths.MANIFEST;

    private static final ObjectMapper MAPPER = Json.mapper(JsonLimits.MANIFEST);

    private ManifestCodec() {}

    /**
     * The bytes to sign. Pretty-printed with '\n' on every platform, so {@code unzip -p bundle manifest.json}
     * is readable. They are signed as written, so no other program ever has to reproduce them.
     */
    static byte[] write(Manifest manifest) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", Manifest.FORMAT);
        root.put("kind", manifest.kind().jsonName());
        root.put("version", manifest.version());
        root.put("minAppVersion", manifest.minAppVersion());
        manifest.label().ifPresent(l -> root.put("label", l));
        manifest.createdAt().ifPresent(t -> root.put("createdAt", t.toString()));
        ArrayNode files = root.putArray("files");
        for (ManifestFile f : manifest.files()) {
            files.addObject().put("path", f.path()).put("size", f.size()).put("sha256", f.sha256());
        }
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer =
                new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter);
        try {
            String text = MAPPER.writer(printer).writeValueAsString(root);
            return (text + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a manifest", e);
        }
    }

    static Manifest read(byte[] bytes) throws JsonInputException {
        Node root =
                Node.root(Json.readTree(new ByteArrayInputStream(bytes), SOURCE, JsonLimits.MANIFEST), SOURCE, false);
        long format = root.integer("format", 1, Integer.MAX_VALUE);
        if (format != Manifest.FORMAT) {
            throw root.error("format", "this reader knows bundle format " + Manifest.FORMAT + ", not " + format);
        }
        Node kindNode = root.required("kind");
        String kindName = kindNode.asText();
        BundleKind kind = BundleKind.fromJson(kindName)
                .orElseThrow(() ->
                        kindNode.error("must be catalogue, config or release, not '" + Node.clip(kindName) + "'"));
        long version = root.integer("version", 1, Long.MAX_VALUE);
        long minAppVersion = root.has("minAppVersion") ? root.integer("minAppVersion", 0, Long.MAX_VALUE) : 0;
        Optional<String> label = root.has("label") ? Optional.of(label(root.required("label"))) : Optional.empty();
        Optional<Instant> createdAt = Optional.empty();
        if (root.has("createdAt")) {
            Node n = root.required("createdAt");
            try {
                createdAt = Optional.of(Instant.parse(n.asText()));
            } catch (DateTimeParseException e) {
                throw n.error("must be a time such as 2025-06-01T12:00:00Z");
            }
        }
        return new Manifest(kind, version, minAppVersion, label, createdAt, files(root.required("files")));
    }

    static String label(Node n) throws JsonInputException {
        String label = n.asText(BundleLimits.MAX_LABEL_LENGTH);
        if (label.chars().anyMatch(Character::isISOControl)) {
            throw n.error("must be one line without control characters");
        }
        return label;
    }

    private static List<ManifestFile> files(Node array) throws JsonInputException {
        List<ManifestFile> files = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        long total = 0;
        for (Node n : array.elements(BundleLimits.MAX_FILES)) {
            Node pathNode = n.required("path");
            String path = pathNode.asText();
            Optional<String> problem = BundlePaths.problem(path);
            if (problem.isPresent()) {
                throw pathNode.error("'" + Node.clip(path) + "' is not allowed: " + problem.get());
            }
            long size = n.integer("size", 0, BundleLimits.MAX_TOTAL_BYTES);
            Node hashNode = n.required("sha256");
            String sha256 = hashNode.asText();
            if (!ManifestFile.SHA256.matcher(sha256).matches()) {
                throw hashNode.error("must be 64 lower-case hex digits");
            }
            total += size;
            if (total > BundleLimits.MAX_TOTAL_BYTES) {
                throw n.error("size", "the files add up to more than " + BundleLimits.MAX_TOTAL_BYTES + " bytes");
            }
            paths.add(path);
            files.add(new ManifestFile(path, size, sha256));
        }
        if (files.isEmpty()) {
            throw array.error("must list at least one file");
        }
        Optional<String> conflict = BundlePaths.conflict(paths);
        if (conflict.isPresent()) {
            throw array.error(conflict.get());
        }
        return files;
    }
}
