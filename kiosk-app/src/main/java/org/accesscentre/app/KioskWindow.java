package org.accesscentre.app;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import org.accesscentre.app.flow.ShellViewModel;
import org.accesscentre.app.view.ShellView;

/** The kiosk's one window: the shell's view in a scene with the stylesheets, windowed or in kiosk mode. */
public final class KioskWindow {
    /** The stylesheets, controls first so the app's sheet can refine them. */
    public static final List<String> STYLESHEETS = List.of(
            KioskWindow.class.getResource("controls.css").toExternalForm(),
            KioskWindow.class.getResource("kiosk.css").toExternalForm());

    private KioskWindow() {}

    public static Scene scene(ShellView view, double width, double height) {
        Scene scene = new Scene(view.root(), width, height);
        scene.getStylesheets().setAll(STYLESHEETS);
        return scene;
    }

    /**
     * Shows the shell. Full screen is kiosk mode: no decorations, and no key combination leaves it (an
     * attendant closes the app from their own screen, or the service manager stops it).
     */
    public static Stage show(
            Stage stage, ShellViewModel vm, ShellView view, double width, double height, boolean kiosk) {
        stage.setTitle(vm.strings().get("app.title"));
        stage.setScene(scene(view, width, height));
        if (kiosk) {
            stage.initStyle(StageStyle.UNDECORATED);
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            stage.setFullScreenExitHint("");
            stage.setFullScreen(true);
        }
        view.startTicking();
        stage.show();
        return stage;
    }
}
