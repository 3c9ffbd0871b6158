/**
 * Signed bundles: how the ICT office ships a catalogue, a configuration or a release to kiosks. A bundle is
 * one ZIP file of stored entries ({@code manifest.json}, {@code files/...}, {@code signatures.json}) written
 * in one canonical byte layout, so that a kiosk can insist on it byte for byte. {@link
 * org.accesscentre.device.bundle.BundleBuilder} makes one, {@link org.accesscentre.device.bundle.BundleSigner}
 * signs it, and {@link org.accesscentre.device.bundle.BundleVerifier} checks it before anything is used.
 * The format and the reasons for it are in {@code docs/decisions/0006-bundle-format.md}.
 */
@NullMarked
package org.accesscentre.device.bundle;

import org.jspecify.annotations.NullMarked;
