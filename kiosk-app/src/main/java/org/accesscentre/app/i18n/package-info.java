/** The UI's words: built-in English and French, and languages added by the ICT office without a rebuild. */
@NullMarked
package org.accesscentre.app.i18n;

import org.jspecify.annotations.NullMarked;
