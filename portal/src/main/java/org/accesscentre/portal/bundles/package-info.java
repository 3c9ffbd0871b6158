/**
 * Signed bundles the ICT office publishes (catalogue, configuration, release) and devices fetch with ETag.
 * The portal checks every signature against its trusted keys before it accepts a bundle, and devices check
 * again before they use one.
 */
@NullMarked
package org.accesscentre.portal.bundles;

import org.jspecify.annotations.NullMarked;
