/**
 * kioskctl, the ICT office's command line: signing keys, bundles (build, sign, verify, inspect), and checks
 * of configuration and catalogue files. Results go to standard output; every failure is one line on standard
 * error and a non-zero exit, never a stack trace, because scripts and people both read it.
 */
@NullMarked
package org.accesscentre.device.cli;

import org.jspecify.annotations.NullMarked;
