package org.accesscentre.app.controls;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import org.accesscentre.core.answer.Stroke;
import org.accesscentre.core.catalogue.AnswerLimits;
import org.jspecify.annotations.Nullable;

/**
 * The drawing box (the largest of the pad's aspect ratio that fits), a line with the prompt under it, and a
 * Clear button below. Touches arrive as mouse events (JavaFX synthesises them), are turned
 * into canvas units, and are drawn as they come; the whole signature is redrawn from its strokes after a
 * resize, so it always matches what will be stored.
 */
final class SignaturePadSkin extends SkinBase<SignaturePad> {
    /** The line sits where a paper form puts it, three quarters of the way down the box. */
    private static final double BASELINE = 0.75;
    /** Between the box and the Clear button: the 12 px that keeps a stroke's end from tapping Clear. */
    private static final double GAP = 12;

    private final Canvas canvas = new Canvas();
    private final Region surface = new Region();
    private final Region baseline = new Region();
    private final Label prompt = new Label();
    private final Button clear = new Button();
    private double width;
    private @Nullable StrokeBuilder current;
    private double lastX;
    private double lastY;

    SignaturePadSkin(SignaturePad pad) {
        super(pad);
        surface.getStyleClass().add("signature-surface");
        baseline.getStyleClass().add("signature-baseline");
        prompt.getStyleClass().add("signature-prompt");
        prompt.textProperty().bind(pad.promptTextProperty());
        // Ink, line and prompt let touches through to the surface, which takes the whole gesture.
        baseline.setMouseTransparent(true);
        prompt.setMouseTransparent(true);
        canvas.setMouseTransparent(true);
        surface.addEventHandler(MouseEvent.MOUSE_PRESSED, this::press);
        surface.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::drag);
        surface.addEventHandler(MouseEvent.MOUSE_RELEASED, this::release);

        clear.getStyleClass().add("signature-clear");
        clear.setMnemonicParsing(false);
        clear.textProperty().bind(pad.clearTextProperty());
        clear.setOnAction(e -> pad.clear());
        getChildren().addAll(surface, baseline, prompt, canvas, clear);

        registerListChangeListener(pad.getStrokes(), c -> redraw());
        registerChangeListener(pad.inkColorProperty(), o -> redraw());
    }

    private double pixelsPerUnit() {
        return width / AnswerLimits.SIGNATURE_CANVAS;
    }

    private void press(MouseEvent e) {
        int budget = getSkinnable().pointBudget();
        current = budget > 0 ? new StrokeBuilder(budget) : null;
        drag(e);
    }

    private void drag(MouseEvent e) {
        StrokeBuilder stroke = current;
        if (stroke == null || width <= 0) {
            return;
        }
        boolean first = stroke.size() == 0;
        if (stroke.add(e.getX() / pixelsPerUnit(), e.getY() / pixelsPerUnit())) {
            double x = stroke.lastX() * pixelsPerUnit();
            double y = stroke.lastY() * pixelsPerUnit();
            GraphicsContext g = pen();
            if (first) {
                dot(g, x, y);
            } else {
                g.strokeLine(lastX, lastY, x, y);
            }
            lastX = x;
            lastY = y;
        }
        e.consume();
    }

    private void release(MouseEvent e) {
        StrokeBuilder stroke = current;
        current = null;
        if (stroke != null && stroke.size() > 0) {
            getSkinnable().getStrokes().add(stroke.build());
        }
        e.consume();
    }

    private GraphicsContext pen() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setStroke(getSkinnable().inkColorProperty().get());
        g.setFill(getSkinnable().inkColorProperty().get());
        // Ink grows with the box, as a pen's line would look on a bigger sheet; never thinner than 2 px.
        g.setLineWidth(Math.max(2, width / 250));
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        return g;
    }

    private void dot(GraphicsContext g, double x, double y) {
        double r = g.getLineWidth() / 2;
        g.fillOval(x - r, y - r, 2 * r, 2 * r);
    }

    private void redraw() {
        GraphicsContext g = pen();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        double scale = pixelsPerUnit();
        for (Stroke stroke : getSkinnable().getStrokes()) {
            if (stroke.size() == 1) {
                dot(g, stroke.x(0) * scale, stroke.y(0) * scale);
                continue;
            }
            g.beginPath();
            g.moveTo(stroke.x(0) * scale, stroke.y(0) * scale);
            for (int i = 1; i < stroke.size(); i++) {
                g.lineTo(stroke.x(i) * scale, stroke.y(i) * scale);
            }
            g.stroke();
        }
    }

    @Override
    protected double computeMinWidth(double height, double top, double right, double bottom, double left) {
        return left + Math.max(surface.minWidth(-1), clear.minWidth(-1)) + right;
    }

    @Override
    protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
        return top + surface.minHeight(-1) + GAP + clear.minHeight(-1) + bottom;
    }

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        return left + Math.max(surface.prefWidth(-1), clear.prefWidth(-1)) + right;
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        return top + surface.prefHeight(-1) + GAP + clear.prefHeight(-1) + bottom;
    }

    @Override
    protected double computeMaxWidth(double height, double top, double right, double bottom, double left) {
        return Double.MAX_VALUE;
    }

    @Override
    protected double computeMaxHeight(double width, double top, double right, double bottom, double left) {
        return Double.MAX_VALUE;
    }

    /**
     * The drawing box is the largest of the pad's aspect ratio that fits above the Clear button, at the top and
     * centred across; the button sits under its right corner.
     */
    @Override
    protected void layoutChildren(double x, double y, double areaWidth, double areaHeight) {
        double clearWidth = snapSizeX(clear.prefWidth(-1));
        double clearHeight = snapSizeY(clear.prefHeight(-1));
        double boxHeight = Math.max(0, areaHeight - GAP - clearHeight);
        double w = Math.floor(Math.min(areaWidth, boxHeight * SignaturePad.ASPECT_RATIO));
        double h = Math.floor(w / SignaturePad.ASPECT_RATIO);
        double left = snapPositionX(x + (areaWidth - w) / 2);
        surface.resizeRelocate(left, y, w, h);
        canvas.relocate(left, y);
        double margin = w * 0.05;
        double lineHeight = snapSizeY(baseline.prefHeight(-1));
        double lineY = snapPositionY(y + h * BASELINE);
        baseline.resizeRelocate(left + margin, lineY, w - 2 * margin, lineHeight);
        prompt.resizeRelocate(
                left + margin,
                lineY + lineHeight,
                Math.min(prompt.prefWidth(-1), w - 2 * margin),
                prompt.prefHeight(-1));
        clear.resizeRelocate(left + w - clearWidth, y + h + GAP, clearWidth, clearHeight);
        if (w != width || h != canvas.getHeight()) {
            width = w;
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
    }
}
