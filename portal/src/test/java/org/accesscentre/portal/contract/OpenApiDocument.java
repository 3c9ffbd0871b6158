package org.accesscentre.portal.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** {@code docs/api/openapi.yaml}, read with Jackson YAML, and the few look-ups the contract tests need. */
final class OpenApiDocument {
    static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    static final String RELATIVE_PATH = "docs/api/openapi.yaml";

    private final JsonNode root;

    private OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    /** Finds the document from the module's directory (where Surefire runs) or the repository's root. */
    static OpenApiDocument load() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolve(RELATIVE_PATH);
            if (Files.isRegularFile(candidate)) {
                return new OpenApiDocument(new ObjectMapper(new YAMLFactory()).readTree(candidate.toFile()));
            }
        }
        throw new IOException("no " + RELATIVE_PATH + " above " + dir);
    }

    JsonNode root() {
        return root;
    }

    /** Every documented operation as {@code "GET /api/v1/health"}, with its node. */
    Map<String, JsonNode> operations() {
        Map<String, JsonNode> out = new TreeMap<>();
        root.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(op -> {
                    if (METHODS.contains(op.getKey())) {
                        out.put(key(op.getKey(), path.getKey()), op.getValue());
                    }
                }));
        return out;
    }

    Optional<JsonNode> operation(String method, String path) {
        return Optional.ofNullable(operations().get(key(method, path)));
    }

    static String key(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }

    /** Follows a local {@code $ref} ({@code #/components/...}); a node without one is returned as it is. */
    JsonNode deref(JsonNode node) {
        JsonNode n = node;
        for (int hops = 0; n.has("$ref"); hops++) {
            if (hops > 10) {
                throw new IllegalStateException(
                        "a $ref cycle at " + node.get("$ref").asText());
            }
            n = resolve(n.get("$ref").asText())
                    .orElseThrow(() -> new IllegalStateException("unresolved $ref " + node.get("$ref")));
        }
        return n;
    }

    Optional<JsonNode> resolve(String ref) {
        if (!ref.startsWith("#/")) {
            return Optional.empty();
        }
        JsonNode target = root.at(ref.substring(1));
        return target.isMissingNode() ? Optional.empty() : Optional.of(target);
    }
}
