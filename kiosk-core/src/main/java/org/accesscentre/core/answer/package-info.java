/** A citizen's answers to a form: typed values, their JSON form, and who entered each. */
@NullMarked
package org.accesscentre.core.answer;

import org.jspecify.annotations.NullMarked;
