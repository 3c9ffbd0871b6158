package org.accesscentre.core.json;

import java.io.Serial;

/**
 * A JSON input that was refused. The message names the input, the path to the bad element (for example
 * {@code services[3].fields[2].type}) and what is wrong with it, in words an ICT officer can act on.
 */
public final class JsonInputException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String path;
    private final String problem;

    public JsonInputException(String source, String path, String problem) {
        super(format(source, path, problem));
        this.source = source;
        this.path = path;
        this.problem = problem;
    }

    private static String format(String source, String path, String problem) {
        StringBuilder sb = new StringBuilder();
        if (!source.isEmpty()) {
            sb.append(source).append(": ");
        }
        if (!path.isEmpty()) {
            sb.append(path).append(": ");
        }
        return sb.append(problem).toString();
    }

    /** The file or request the input came from, such as {@code catalogue.json}; may be empty. */
    public String source() {
        return source;
    }

    /** The path to the bad element, such as {@code services[3].fields[2].type}; empty for the whole document. */
    public String path() {
        return path;
    }

    /** What is wrong, without the source and path. */
    public String problem() {
        return problem;
    }
}
