package org.accesscentre.core.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A device's confirmation that it carried out (or could not carry out) a command. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CommandResult(String id, boolean done, String message) {}
