package org.accesscentre.core.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The portal's welcome to a newly enrolled kiosk.
 *
 * @param sequenceFloor the highest sequence number the portal has seen for this centre and kiosk number; a
 *     re-installed kiosk continues after it, so reference numbers never repeat
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EnrolResponse(String deviceId, String centre, int kiosk, long sequenceFloor) {}
