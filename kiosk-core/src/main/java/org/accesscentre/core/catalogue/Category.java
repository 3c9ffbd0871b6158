package org.accesscentre.core.catalogue;

/**
 * A group of services shown as one tile on the kiosk.
 *
 * @param icon the name of a built-in icon, such as {@code certificate}; the tile always shows words too
 */
public record Category(String id, String icon, LocalizedText title, LocalizedText description) {}
