package org.accesscentre.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** kiosk-core is the plain-Java library every deployable shares. */
class CoreArchitectureTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.accesscentre.core");

    @Test
    void coreDependsOnNoUiHttpClientGpioOrWebServer() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "javafx..", "okhttp3..", "com.pi4j..", "io.javalin..", "org.eclipse.jetty..", "java.awt..")
                .because("kiosk-core runs in every deployable, including the portal and the CLI")
                .check(CORE);
    }

    @Test
    void coreDoesNotPrintStackTracesOrToTheConsole() {
        noClasses()
                .should()
                .callMethod(Throwable.class, "printStackTrace")
                .orShould()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .because("errors are logged once, where they are handled")
                .check(CORE);
    }
}
