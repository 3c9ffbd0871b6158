package org.accesscentre.device.config;

import org.accesscentre.device.pin.PinHash;

/**
 * A centre attendant who may unlock attendant mode.
 *
 * @param id short and stable, recorded with the sessions the attendant starts
 * @param name as shown on the attendant screen
 * @param pinHash the salted hash of the attendant's PIN
 */
public record Attendant(String id, String name, PinHash pinHash) {}
