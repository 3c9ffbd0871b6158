package org.accesscentre.core.wire;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What the portal did with one item of a batch. */
public enum Outcome {
    /** Stored now. The kiosk marks it acknowledged. */
    @JsonProperty("accepted")
    ACCEPTED,
    /** Already stored, identical: a resend. A success; the kiosk marks it acknowledged. */
    @JsonProperty("duplicate")
    DUPLICATE,
    /** The transaction id is stored with different content. Nothing changed; the kiosk must not resend it. */
    @JsonProperty("conflict")
    CONFLICT,
    /** Refused for good, with reasons (a form that fails validation). The kiosk must not resend it. */
    @JsonProperty("rejected")
    REJECTED,
    /** An outcome this kiosk does not know, from a newer portal: treated as "try again later". */
    @JsonEnumDefaultValue
    @JsonProperty("unknown")
    UNKNOWN;

    /** Whether the portal holds the item, so the kiosk may mark it acknowledged. */
    public boolean stored() {
        return this == ACCEPTED || this == DUPLICATE;
    }

    /** Whether the item must never be sent again. */
    public boolean finalRefusal() {
        return this == CONFLICT || this == REJECTED;
    }
}
