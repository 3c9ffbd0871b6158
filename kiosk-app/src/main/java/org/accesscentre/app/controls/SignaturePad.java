package org.accesscentre.app.controls;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import org.accesscentre.core.answer.Stroke;
import org.accesscentre.core.catalogue.AnswerLimits;

/**
 * A box to sign in with a finger. Strokes are kept in the canvas units of {@link AnswerLimits#SIGNATURE_CANVAS}
 * rather than pixels, so the same signature gives the same strokes on the 7" screen and on a big one, and
 * redraws the same after a resize.
 *
 * <p>The drawing area keeps the shape of a paper signature box, {@link #ASPECT_RATIO} wide to one high, and
 * is scaled the same way in both directions: x runs over the whole canvas, y over its top
 * {@code SIGNATURE_CANVAS / ASPECT_RATIO} units. So a signature is never stretched, whatever the screen.
 *
 * <p>Style class {@code signature-pad}; the ink colour is the CSS property {@code -kiosk-ink-color}.
 */
public final class SignaturePad extends Control {
    /** Width over height of the drawing area, like the signature box of a paper form. */
    public static final double ASPECT_RATIO = 3.0;

    private static final CssMetaData<SignaturePad, Paint> INK_COLOR =
            new CssMetaData<>("-kiosk-ink-color", StyleConverter.getPaintConverter(), Color.BLACK) {
                @Override
                public boolean isSettable(SignaturePad pad) {
                    return !pad.inkColor.isBound();
                }

                @Override
                public StyleableProperty<Paint> getStyleableProperty(SignaturePad pad) {
                    return pad.inkColor;
                }
            };
    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA;

    static {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(Control.getClassCssMetaData());
        all.add(INK_COLOR);
        CSS_META_DATA = Collections.unmodifiableList(all);
    }

    private final ObservableList<Stroke> strokes = FXCollections.observableArrayList();
    private final StringProperty clearText = new SimpleStringProperty(this, "clearText", "Clear");
    private final StringProperty promptText = new SimpleStringProperty(this, "promptText", "Sign here");
    private final StyleableObjectProperty<Paint> inkColor =
            new SimpleStyleableObjectProperty<>(INK_COLOR, this, "inkColor", Color.BLACK);

    public SignaturePad() {
        getStyleClass().add("signature-pad");
        setFocusTraversable(false);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new SignaturePadSkin(this);
    }

    /** Rubs the signature out, as the Clear button does. */
    public void clear() {
        strokes.clear();
    }

    /** How many more points a new stroke may have before the signature reaches its limit. */
    int pointBudget() {
        int used = 0;
        for (Stroke stroke : strokes) {
            used += stroke.size();
        }
        return strokes.size() >= AnswerLimits.MAX_STROKES ? 0 : AnswerLimits.MAX_SIGNATURE_POINTS - used;
    }

    /**
     * The signature, stroke by stroke, in canvas units. The app reads it for the answer and may set it to show
     * an answer given before (when the citizen comes back to change it).
     */
    public ObservableList<Stroke> getStrokes() {
        return strokes;
    }

    public StringProperty clearTextProperty() {
        return clearText;
    }

    /** Written above the line, e.g. "Sign here". */
    public StringProperty promptTextProperty() {
        return promptText;
    }

    public StyleableObjectProperty<Paint> inkColorProperty() {
        return inkColor;
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS_META_DATA;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getControlCssMetaData() {
        return CSS_META_DATA;
    }
}
