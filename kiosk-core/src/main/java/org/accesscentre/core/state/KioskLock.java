package org.accesscentre.core.state;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** An "out of service" lock, set by the ICT office's command or an attendant. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record KioskLock(boolean locked, String reason, String by, Instant at) {}
