/**
 * Test support shared by every module: fixtures such as realistic answers to any form of any catalogue. Used at
 * test scope only; nothing here ships on a kiosk.
 */
@NullMarked
package org.accesscentre.testing;

import org.jspecify.annotations.NullMarked;
