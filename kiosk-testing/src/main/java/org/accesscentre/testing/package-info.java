/**
 * Test support shared by every module at test scope: fakes with the same behaviour as the real parts
 * (proved by contract tests run against both), a settable clock, realistic answers and child JVMs for
 * crash tests.
 */
@NullMarked
package org.accesscentre.testing;

import org.jspecify.annotations.NullMarked;
