package org.accesscentre.app.controls;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

/**
 * The seconds left before an idle session is wiped, as a big number in a ring that empties. Purely visual:
 * the app's idle timer counts and sets {@link #secondsLeftProperty() secondsLeft}; this control never reads a
 * clock, so it is tested without waiting.
 *
 * <p>Style class {@code countdown}; pseudo-class {@code :urgent} for the last {@link #URGENT_SECONDS} seconds.
 */
public final class Countdown extends Control {
    /** The last seconds stand out, so a citizen who looks up then still sees they must act now. */
    public static final int URGENT_SECONDS = 5;

    private static final PseudoClass URGENT = PseudoClass.getPseudoClass("urgent");

    private final IntegerProperty secondsLeft = new SimpleIntegerProperty(this, "secondsLeft") {
        @Override
        protected void invalidated() {
            pseudoClassStateChanged(URGENT, get() <= URGENT_SECONDS);
        }
    };
    private final IntegerProperty totalSeconds = new SimpleIntegerProperty(this, "totalSeconds", 30);
    private final StringProperty secondsText = new SimpleStringProperty(this, "secondsText", "seconds");

    public Countdown() {
        getStyleClass().add("countdown");
        setFocusTraversable(false);
        secondsLeft.set(totalSeconds.get());
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new CountdownSkin(this);
    }

    /** The share of the time still left, 0 to 1, which the ring shows. */
    double fractionLeft() {
        int total = getTotalSeconds();
        return total <= 0 ? 0 : Math.clamp((double) getSecondsLeft() / total, 0, 1);
    }

    public IntegerProperty secondsLeftProperty() {
        return secondsLeft;
    }

    public int getSecondsLeft() {
        return secondsLeft.get();
    }

    public void setSecondsLeft(int value) {
        secondsLeft.set(value);
    }

    /** The length of the whole warning; a full ring. */
    public IntegerProperty totalSecondsProperty() {
        return totalSeconds;
    }

    public int getTotalSeconds() {
        return totalSeconds.get();
    }

    public void setTotalSeconds(int value) {
        totalSeconds.set(value);
    }

    /** The word under the number, e.g. "seconds". */
    public StringProperty secondsTextProperty() {
        return secondsText;
    }
}
