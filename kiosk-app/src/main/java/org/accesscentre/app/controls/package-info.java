/**
 * Touch controls, each a {@code Control} with its {@code Skin}, styled by the app's stylesheet: the
 * on-screen keyboard, date entry without a calendar pop-up, big choice tiles, yes/no, a searchable list and
 * a signature pad.
 */
@NullMarked
package org.accesscentre.app.controls;

import org.jspecify.annotations.NullMarked;
