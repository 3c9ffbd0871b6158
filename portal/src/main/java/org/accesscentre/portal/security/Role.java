package org.accesscentre.portal.security;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a person's token may do. */
public enum Role {
    /** The national ICT office: everything. */
    ICT_ADMIN,
    /** An agency's back office: the cases of one agency, and setting their status. */
    AGENCY_OFFICER,
    /** Watching the fleet and the figures, changing nothing, reading no case. */
    READ_ONLY;

    /** How the API writes a role, in answers as in requests. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWire(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName().equals(name)).findFirst();
    }
}
