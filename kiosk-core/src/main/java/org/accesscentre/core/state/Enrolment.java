package org.accesscentre.core.state;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** This kiosk's enrolment with the portal. The app takes no request before it exists (reference numbers). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Enrolment(String deviceId, String centre, int kiosk, long sequenceFloor, Instant enrolledAt) {}
