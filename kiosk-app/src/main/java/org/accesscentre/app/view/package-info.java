/**
 * The kiosk's views: thin builders that bind controls to the view models and take their looks from one
 * stylesheet. {@link org.accesscentre.app.view.ShellView} frames every screen.
 */
@NullMarked
package org.accesscentre.app.view;

import org.jspecify.annotations.NullMarked;
