package org.accesscentre.core.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/**
 * Every error the portal answers: a stable machine-readable code, a message for people, and details such as
 * the field that was wrong.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiError(String code, String message, Map<String, Object> details) {
    public ApiError {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
