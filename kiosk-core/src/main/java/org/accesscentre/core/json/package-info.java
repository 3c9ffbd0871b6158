/**
 * Jackson set up once for the whole system: explicit stream limits, and a path-aware reader for the
 * JSON files people write (catalogues, device configuration), whose errors name the bad element.
 */
@NullMarked
package org.accesscentre.core.json;

import org.jspecify.annotations.NullMarked;
