package org.accesscentre.app.flow;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.accesscentre.app.catalogue.CatalogueSource;
import org.accesscentre.app.receipt.PngReceiptPrinter;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.state.Enrolment;
import org.accesscentre.core.store.LocalStore;
import org.accesscentre.device.config.IdlePolicy;
import org.accesscentre.testing.TestClock;

/** A kiosk's view models on a test clock, with work run on the calling thread. */
public final class Kiosks {
    public static final Instant T0 = Instant.parse("2026-11-22T14:00:00Z");

    public final TestClock clock = new TestClock(T0);
    final KeyPair envelope = Keys.generate(Keys.X25519);
    public final LocalStore store;
    public final ShellViewModel shell;
    public final KioskContext ctx;

    public Kiosks(LocalStore store, Path dir) throws Exception {
        this.store = store;
        DeviceState.write(store, DeviceState.ENROLMENT, new Enrolment("dev_test", "SOU", 3, 0, T0), T0);
        this.ctx = new KioskContext(
                clock,
                ZoneId.of("America/St_Lucia"),
                "SOU",
                3,
                envelope.getPublic(),
                store,
                CatalogueSource.open(store, List.of(Keys.generate(Keys.ED25519).getPublic()), dir),
                List.of("en", "fr"),
                IdlePolicy.DEFAULT,
                Runnable::run,
                Runnable::run,
                new PngReceiptPrinter(dir.resolve("receipts")));
        this.shell = new ShellViewModel(ctx);
    }

    QuestionViewModel question() {
        return shell.question(((Screen.Question) shell.screen()).fieldId());
    }

    String fieldId() {
        return shell.screen() instanceof Screen.Question q
                ? q.fieldId()
                : shell.screen().toString();
    }

    /** Answers the current question with typed text and continues. */
    boolean type(String text) {
        QuestionViewModel q = question();
        q.textProperty().set(text);
        return q.continueOn();
    }

    boolean date(int d, int m, int y) {
        QuestionViewModel q = question();
        q.dayProperty().set("" + d);
        q.monthProperty().set("" + m);
        q.yearProperty().set("" + y);
        return q.continueOn();
    }

    boolean yesNo(boolean yes) {
        QuestionViewModel q = question();
        q.flagProperty().set(yes);
        return q.continueOn();
    }

    boolean pick(String value) {
        QuestionViewModel q = question();
        q.choiceProperty().set(value);
        return q.continueOn();
    }
}
