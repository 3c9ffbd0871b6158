/**
 * The kiosk app: the JavaFX touch UI a citizen uses to find a service, answer one question per page, check,
 * send, and leave with a reference number and a receipt, whether or not the centre's internet works. View
 * models (in {@code flow}) are plain Java with {@code javafx.beans}; views (in {@code view}) are thin and
 * bind to them; touch controls (in {@code controls}) are {@code Control} + {@code Skin} styled by one
 * stylesheet.
 */
@NullMarked
package org.accesscentre.app;

import org.jspecify.annotations.NullMarked;
