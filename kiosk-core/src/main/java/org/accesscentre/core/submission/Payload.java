package org.accesscentre.core.submission;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * What is inside a sealed envelope once it is opened: the service and catalogue it was filled against, the
 * citizen's language, the answers as JSON (decoded against the form by
 * {@link org.accesscentre.core.answer.AnswerCodec}) and who entered the answers not entered by the citizen.
 */
public record Payload(
        String serviceId,
        int serviceVersion,
        long catalogueVersion,
        String locale,
        JsonNode answers,
        Map<String, String> enteredBy) {
    public Payload {
        enteredBy = Map.copyOf(enteredBy);
    }
}
