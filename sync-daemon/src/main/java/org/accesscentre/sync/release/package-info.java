/**
 * Installing a software release on the kiosk, with a way back: {@link
 * org.accesscentre.sync.release.ResumableDownload} fetches the bundle over a link that breaks, {@link
 * org.accesscentre.sync.release.ReleaseInstaller} verifies it before anything is unpacked, unpacks it into a
 * new slot and switches the {@code current} link atomically, and its journal lets a restart after a crash at
 * any step finish or undo the install. See ADR 0012.
 */
@NullMarked
package org.accesscentre.sync.release;

import org.jspecify.annotations.NullMarked;
