package org.accesscentre.core.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Why the portal rejected one answer: the field id and the validation message key. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FieldProblem(String field, String code) {}
