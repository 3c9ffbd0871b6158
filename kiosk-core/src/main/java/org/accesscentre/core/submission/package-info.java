/**
 * Submitting a form on the kiosk (validate, seal, store, receipt) and reading a sealed payload back on the
 * portal.
 */
@NullMarked
package org.accesscentre.core.submission;

import org.jspecify.annotations.NullMarked;
