/** Files written so a power cut at any instant leaves either the old content or the new, never a mix. */
@NullMarked
package org.accesscentre.core.io;

import org.jspecify.annotations.NullMarked;
