package org.accesscentre.app.view;

import java.util.List;
import javafx.scene.Node;

/**
 * One screen's view: its content, and the actions that go in the bar at the bottom beside Back (the primary
 * one last, at the right, where the thumb expects Continue).
 */
interface PageView {
    Node body();

    default List<Node> actions() {
        return List.of();
    }
}
