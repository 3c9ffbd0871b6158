/**
 * Benchmarks, run with {@code ./kiosk bench NAME}. Each compares against a baseline measured in the same
 * run (these machines are noisy), prints a table, and ends with one line {@code RESULT name key=value ...}.
 */
@NullMarked
package org.accesscentre.bench;

import org.jspecify.annotations.NullMarked;
