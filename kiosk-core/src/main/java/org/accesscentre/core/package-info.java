/** The plain-Java core every deployable shares; see the sub-packages. */
@NullMarked
package org.accesscentre.core;

import org.jspecify.annotations.NullMarked;
