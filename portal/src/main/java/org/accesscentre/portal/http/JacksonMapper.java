package org.accesscentre.portal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.json.JsonMapper;
import java.lang.reflect.Type;
import org.accesscentre.core.json.Json;

/** Javalin writes responses with the same Jackson setup as the wire records. */
final class JacksonMapper implements JsonMapper {
    private final ObjectMapper mapper = Json.wire();

    @Override
    public String toJsonString(Object obj, Type type) {
        try {
            return mapper.writeValueAsString(obj);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a response could not be written as JSON", e);
        }
    }
}
