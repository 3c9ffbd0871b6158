package org.accesscentre.core.state;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * The receipt printer as the app last found it.
 *
 * @param state ok, paper_out, cover_open, offline, error, or none when the kiosk has no printer
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PrinterStatus(String state, String detail, Instant at) {}
