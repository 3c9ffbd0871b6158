package org.accesscentre.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which package of the app may use which: view models stay free of the scene graph (JavaFX properties and
 * collections are fine), the touch controls know nothing of the app's flow or views, and receipts are drawn
 * without JavaFX at all, so they can be rendered where there is no toolkit.
 */
class ArchitectureTest {
    private static final String APP = "org.accesscentre.app";

    private static final ArchRule FLOW_HAS_NO_SCENE_GRAPH = noClasses()
            .that()
            .resideInAnyPackage(APP + ".flow..", APP + ".desk..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx.scene..", APP + ".view..")
            .because("view models (the citizen's and the attendant's) are tested without a toolkit; only"
                    + " javafx.beans and javafx.collections");

    private static final ArchRule CONTROLS_KNOW_NO_FLOW_OR_VIEWS = noClasses()
            .that()
            .resideInAPackage(APP + ".controls..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(APP + ".flow..", APP + ".view..")
            .because("the touch controls are reusable widgets; the views put them to work");

    private static final ArchRule RECEIPTS_HAVE_NO_JAVAFX = noClasses()
            .that()
            .resideInAPackage(APP + ".receipt..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("javafx..")
            .because("receipts are laid out and printed without the UI toolkit");

    private static JavaClasses app;

    @BeforeAll
    static void importApp() {
        app = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(APP);
    }

    @Test
    void flowDoesNotDependOnTheSceneGraph() {
        FLOW_HAS_NO_SCENE_GRAPH.check(app);
    }

    @Test
    void controlsDoNotDependOnFlowOrViews() {
        CONTROLS_KNOW_NO_FLOW_OR_VIEWS.check(app);
    }

    @Test
    void receiptsDoNotDependOnJavaFx() {
        RECEIPTS_HAVE_NO_JAVAFX.check(app);
    }

    /** The rules see the app's real classes and dependencies: the same rule on the views must fail. */
    @Test
    void theRulesWouldCatchAViolation() {
        ArchRule viewsHaveNoSceneGraph = noClasses()
                .that()
                .resideInAPackage(APP + ".view..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("javafx.scene..");
        ArchRule viewsKnowNoFlow = noClasses()
                .that()
                .resideInAPackage(APP + ".view..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(APP + ".flow..", APP + ".controls..");
        assertTrue(viewsHaveNoSceneGraph.evaluate(app).hasViolation());
        assertTrue(viewsKnowNoFlow.evaluate(app).hasViolation());
    }
}
