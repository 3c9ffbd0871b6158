/**
 * Reference numbers: made offline on each kiosk, unique across the fleet without coordination, easy to read
 * aloud and type, with a check character that catches every single typo and every swap of neighbours.
 * See {@code docs/decisions/0005-reference-numbers.md}.
 */
@NullMarked
package org.accesscentre.core.reference;

import org.jspecify.annotations.NullMarked;
