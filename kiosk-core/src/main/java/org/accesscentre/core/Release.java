package org.accesscentre.core;

/**
 * This build's release number: bundles name a minimum app version in these numbers, and devices report
 * it in their heartbeat. A release bundle carries the number it installs.
 */
public final class Release {
    public static final long NUMBER = 1;
    public static final String LABEL = "2026.11";

    private Release() {}
}
