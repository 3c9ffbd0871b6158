package org.accesscentre.app.view;

import java.util.Map;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.SVGPath;

/**
 * The kiosk's icons: simple shapes on a 24-unit grid, drawn as SVG paths and coloured by CSS (they take the
 * text colour). An icon always stands next to words; it never carries meaning alone.
 */
final class Icons {
    private static final Map<String, String> PATHS = Map.ofEntries(
            Map.entry(
                    "certificate",
                    "M4 3h16v14H4z M7 7h10v1.5H7z M7 10h10v1.5H7z M7 13h6v1.5H7z M15 16l2 5 1.5-2 2 1-2-5z"),
            Map.entry(
                    "car",
                    "M5 11l2-5h10l2 5h1v6h-2v2h-3v-2H9v2H6v-2H4v-6z M7.5 8L6.5 11h11l-1-3z M7 13.5a1.5 1.5 0 1 0 0 .01z M17 13.5a1.5 1.5 0 1 0 0 .01z"),
            Map.entry("money", "M2 6h20v12H2z M4 8v8h16V8z M12 9a3 3 0 1 0 0 6a3 3 0 1 0 0-6z"),
            Map.entry(
                    "family",
                    "M7 4a2.5 2.5 0 1 0 0 5a2.5 2.5 0 1 0 0-5z M17 4a2.5 2.5 0 1 0 0 5a2.5 2.5 0 1 0 0-5z M3 20v-6a3 3 0 0 1 3-3h2a3 3 0 0 1 3 3v6z M13 20v-6a3 3 0 0 1 3-3h2a3 3 0 0 1 3 3v6z M12 14a1.5 1.5 0 1 0 0 .01z"),
            Map.entry("briefcase", "M9 4h6v3h5v12H4V7h5z M10.5 5.5V7h3V5.5z M4 12h16v1.5H4z"),
            Map.entry("megaphone", "M3 10h4l10-5v14L7 14H3z M7 14l2 6h2.5l-1.5-5.5z M19 9v6a3 3 0 0 0 0-6z"),
            Map.entry("calendar", "M4 5h16v15H4z M6 9v9h12V9z M7 3h2v4H7z M15 3h2v4h-2z M8 11h3v3H8z"),
            Map.entry(
                    "search",
                    "M10 3a7 7 0 1 0 4.2 12.6l5.1 5.1 1.4-1.4-5.1-5.1A7 7 0 0 0 10 3z M10 5a5 5 0 1 1 0 10a5 5 0 1 1 0-10z"),
            Map.entry("back", "M15.5 4L17 5.5 10.5 12 17 18.5 15.5 20l-8-8z"),
            Map.entry("forward", "M8.5 4L7 5.5 13.5 12 7 18.5 8.5 20l8-8z"),
            Map.entry(
                    "close",
                    "M5.5 4L4 5.5 10.5 12 4 18.5 5.5 20 12 13.5 18.5 20 20 18.5 13.5 12 20 5.5 18.5 4 12 10.5z"),
            Map.entry(
                    "help",
                    "M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20z M12 4a8 8 0 1 1 0 16a8 8 0 1 1 0-16z M11 16h2v2h-2z M12 6a3.5 3.5 0 0 0-3.5 3.5h2A1.5 1.5 0 1 1 12 11c-.6 0-1 .4-1 1v2.5h2v-1.7A3.5 3.5 0 0 0 12 6z"),
            Map.entry(
                    "text",
                    "M3 19l5-14h2l5 14h-2.2l-1.2-3.5H6.4L5.2 19z M7.1 13.5h3.8L9 8z M16 19l3-8h1.5l3 8h-1.7l-.7-2h-2.7l-.7 2z M18.9 15.5h1.7l-.85-2.6z"),
            Map.entry("contrast", "M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20z M12 4v16a8 8 0 0 1 0-16z"),
            Map.entry(
                    "globe",
                    "M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20z M4.1 11h3.9c.1-2.5.6-4.7 1.5-6.3A8 8 0 0 0 4.1 11z M10 11h4c-.1-2.6-.9-5-2-6.5C10.9 6 10.1 8.4 10 11z M16 11h3.9a8 8 0 0 0-5.4-6.3c.9 1.6 1.4 3.8 1.5 6.3z M4.1 13a8 8 0 0 0 5.4 6.3c-.9-1.6-1.4-3.8-1.5-6.3z M10 13c.1 2.6.9 5 2 6.5 1.1-1.5 1.9-3.9 2-6.5z M16 13c-.1 2.5-.6 4.7-1.5 6.3a8 8 0 0 0 5.4-6.3z"),
            Map.entry("print", "M7 3h10v5H7z M4 9h16v8h-3v4H7v-4H4z M9 14v5h6v-5z"),
            Map.entry("check", "M9 16.2L4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z"),
            Map.entry("list", "M4 6h2v2H4z M8 6h12v2H8z M4 11h2v2H4z M8 11h12v2H8z M4 16h2v2H4z M8 16h12v2H8z"),
            Map.entry(
                    "lookup",
                    "M6 2h9l5 5v15H6z M14 3.5V8h4.5z M11 10a3 3 0 1 0 1.7 5.5l2.3 2.3 1-1-2.3-2.3A3 3 0 0 0 11 10z M11 11.5a1.5 1.5 0 1 1 0 3a1.5 1.5 0 1 1 0-3z"));

    private Icons() {}

    /** An icon sized by CSS through the {@code icon} style class (and any extra class given). */
    static Node of(String name, String... styleClasses) {
        SVGPath path = new SVGPath();
        path.setContent(PATHS.getOrDefault(name, PATHS.get("list")));
        path.setFillRule(FillRule.EVEN_ODD); // holes are holes, whichever way a sub-path runs
        Region holder = new Region();
        holder.setShape(path);
        holder.getStyleClass().add("icon");
        holder.getStyleClass().addAll(styleClasses);
        StackPane box = new StackPane(holder);
        box.getStyleClass().add("icon-box");
        box.setMouseTransparent(true);
        return box;
    }
}
