/**
 * The kiosk's view models: plain Java with {@code javafx.beans} properties, never a control or a scene, so
 * the whole flow (navigation, conditional questions, messages, idle wipe, sending once) is tested without a
 * toolkit. {@link org.accesscentre.app.flow.ShellViewModel} is the root.
 */
@NullMarked
package org.accesscentre.app.flow;

import org.jspecify.annotations.NullMarked;
