package org.accesscentre.app.flow;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableValue;
import org.accesscentre.app.catalogue.CatalogueSource;
import org.accesscentre.app.i18n.Languages;
import org.accesscentre.app.i18n.Strings;
import org.accesscentre.core.answer.Answers;
import org.accesscentre.core.catalogue.Catalogue;
import org.accesscentre.core.catalogue.Field;
import org.accesscentre.core.catalogue.Service;
import org.accesscentre.core.store.Receipt;
import org.accesscentre.core.store.StoreException;
import org.accesscentre.core.validation.Validator;
import org.accesscentre.device.config.IdlePolicy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's top view model: which screen is showing, the language, text size and contrast, the idle
 * watch, and the navigation between screens. Each screen gets its own view model from here. Everything a
 * citizen entered lives in the {@link Session} and goes when the session is wiped.
 */
public final class ShellViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ShellViewModel.class);
    public static final int TEXT_SIZES = 3;

    private final KioskContext ctx;
    private final Session session = new Session();
    private final Deque<Screen> history = new ArrayDeque<>();
    private final ReadOnlyObjectWrapper<Screen> screen = new ReadOnlyObjectWrapper<>(this, "screen", Screen.WELCOME);
    private final ReadOnlyObjectWrapper<Strings> strings = new ReadOnlyObjectWrapper<>(this, "strings");
    private final IntegerProperty textSize = new SimpleIntegerProperty(this, "textSize", 0);
    private final BooleanProperty highContrast = new SimpleBooleanProperty(this, "highContrast", false);
    private final ReadOnlyStringWrapper assisting = new ReadOnlyStringWrapper(this, "assisting", "");
    private @Nullable String assistingId;
    private final IdleWatch idle;
    private final SyncIndicator sync;
    private List<String> configuredLocales;
    private Languages languages;
    private Catalogue catalogue;
    private Validator validator;

    public ShellViewModel(KioskContext ctx) {
        this.ctx = ctx;
        this.idle = new IdleWatch(ctx.clock(), ctx.idle(), this::finish);
        this.sync = new SyncIndicator(ctx.store(), ctx.clock());
        CatalogueSource.InForce inForce = ctx.catalogues().current();
        this.configuredLocales = ctx.locales();
        this.catalogue = inForce.catalogue();
        this.validator = new Validator(catalogue);
        this.languages = Languages.load(
                configuredLocales, catalogue, inForce.stringsDir().stream().toList());
        this.strings.set(languages.strings(languages.defaultLocale()));
        sync.refresh();
    }

    // ----- what the views bind to -----

    public ReadOnlyObjectProperty<Screen> screenProperty() {
        return screen.getReadOnlyProperty();
    }

    public Screen screen() {
        return screen.get();
    }

    public ReadOnlyObjectProperty<Strings> stringsProperty() {
        return strings.getReadOnlyProperty();
    }

    public Strings strings() {
        return strings.get();
    }

    public String locale() {
        return strings.get().locale();
    }

    public List<String> locales() {
        return languages.locales();
    }

    public String languageName(String locale) {
        return languages.name(locale);
    }

    /** Switching language keeps every answer and the page the citizen is on. */
    public void language(String locale) {
        if (languages.locales().contains(locale)) {
            strings.set(languages.strings(locale));
        }
    }

    public IntegerProperty textSizeProperty() {
        return textSize;
    }

    /** The next of the three text sizes, round again after the largest. */
    public void nextTextSize() {
        textSize.set((textSize.get() + 1) % TEXT_SIZES);
    }

    public BooleanProperty highContrastProperty() {
        return highContrast;
    }

    public IdleWatch idle() {
        return idle;
    }

    public SyncIndicator sync() {
        return sync;
    }

    /** A binding for a text that follows the language. */
    public ObservableValue<String> text(String key) {
        return Bindings.createStringBinding(() -> strings.get().get(key), strings);
    }

    public BooleanBinding canGoBack() {
        return Bindings.createBooleanBinding(
                () -> !(screen.get() instanceof Screen.Welcome) && !(screen.get() instanceof Screen.Confirmation),
                screen);
    }

    // ----- assisted filling -----

    /**
     * An attendant fills in for the citizen (or with them): until {@link #handBack}, each answer is recorded as
     * entered by {@code attendant:<id>}, and that travels sealed with the request.
     */
    public void assist(String attendantId, String attendantName) {
        assistingId = attendantId;
        assisting.set(attendantName);
    }

    /** The citizen types again. */
    public void handBack() {
        assistingId = null;
        assisting.set("");
    }

    /** The name of the attendant filling in, or "" when the citizen is. */
    public ReadOnlyStringProperty assistingProperty() {
        return assisting.getReadOnlyProperty();
    }

    /** Who enters an answer now: {@link Answers#CITIZEN} or {@code attendant:<id>}. */
    String enteredBy() {
        return assistingId == null ? Answers.CITIZEN : "attendant:" + assistingId;
    }

    /** The service whose form is being filled in, if any. */
    public Optional<String> serviceInProgress() {
        return session.active() ? Optional.of(session.form().service().id()) : Optional.empty();
    }

    KioskContext context() {
        return ctx;
    }

    Session session() {
        return session;
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    Validator validator() {
        return validator;
    }

    // ----- navigation -----

    public void start() {
        idle.watch(true);
        go(Screen.CATEGORIES);
    }

    public void openCategory(String categoryId) {
        go(new Screen.Services(categoryId));
    }

    public void openSearch() {
        idle.watch(true);
        go(Screen.SEARCH);
    }

    public void openService(String serviceId) {
        go(new Screen.ServiceInfo(serviceId));
    }

    public void openLookup() {
        idle.watch(true);
        go(Screen.LOOKUP);
    }

    /** "Start now" on a service page: the first question, with nothing answered. */
    public void beginForm(String serviceId) {
        Service service =
                catalogue.service(serviceId).orElseThrow(() -> new IllegalArgumentException("no service " + serviceId));
        session.begin(catalogue, validator, service);
        Optional<Field> first = session.form().first(session.answers());
        if (first.isEmpty()) {
            show(Screen.REVIEW); // a form of no questions: straight to "Send my request"
            return;
        }
        history.push(screen.get());
        show(new Screen.Question(first.get().id()));
    }

    /** The question was answered: the next one, or back to the review after a change. */
    void answered(String fieldId) {
        session.seen(fieldId);
        FormFlow form = session.form();
        if (session.changing()) {
            Optional<Field> unseen = form.firstUnseen(session.answers(), session.seen());
            if (unseen.isPresent()) {
                show(new Screen.Question(unseen.get().id()));
            } else {
                session.changing(false);
                show(Screen.REVIEW);
            }
            return;
        }
        Optional<Field> next = form.after(fieldId, session.answers());
        show(next.map(f -> (Screen) new Screen.Question(f.id())).orElse(Screen.REVIEW));
    }

    /** "Change" on the review page. */
    void change(String fieldId) {
        session.changing(true);
        show(new Screen.Question(fieldId));
    }

    /** The request is saved: the confirmation, with no way back to the form. */
    void sent(Receipt receipt) {
        session.sent(receipt);
        history.clear();
        show(Screen.CONFIRMATION);
    }

    public void back() {
        Screen now = screen.get();
        switch (now) {
            case Screen.Question q
            when session.changing() -> {
                session.changing(false);
                show(Screen.REVIEW);
            }
            case Screen.Question q -> {
                Optional<Field> before = session.form().before(q.fieldId(), session.answers());
                if (before.isPresent()) {
                    show(new Screen.Question(before.get().id()));
                } else {
                    show(history.isEmpty() ? Screen.CATEGORIES : history.pop());
                }
            }
            case Screen.Review r -> {
                List<Field> shown = session.form().shown(session.answers());
                show(
                        shown.isEmpty()
                                ? Screen.CATEGORIES
                                : new Screen.Question(shown.getLast().id()));
            }
            case Screen.Confirmation c -> {
                // Going back after sending never sends twice: there is no back from here.
            }
            case Screen.Welcome w -> {}
            default -> show(history.isEmpty() ? Screen.WELCOME : history.pop());
        }
        if (screen.get() instanceof Screen.Welcome) {
            finish();
        }
    }

    /**
     * "Finish", or the idle timeout: everything the citizen entered goes, the settings return to their
     * defaults for the next person, and a catalogue that arrived meanwhile comes into force.
     */
    public void finish() {
        session.wipe();
        handBack();
        history.clear();
        idle.watch(false);
        textSize.set(0);
        highContrast.set(false);
        applyNewCatalogue();
        strings.set(languages.strings(languages.defaultLocale()));
        show(Screen.WELCOME);
    }

    /**
     * While nobody is at the kiosk (the caller knows): a catalogue that arrived comes into force now, rather
     * than after the next citizen, so a quiet centre takes a rollout too. The welcome screen's words follow.
     */
    public void applyNewCatalogueWhileIdle() {
        if (screen.get() instanceof Screen.Welcome && applyNewCatalogue()) {
            strings.set(languages.strings(languages.defaultLocale()));
        }
    }

    private boolean applyNewCatalogue() {
        try {
            if (ctx.catalogues().applyStaged(ctx.clock().instant())) {
                CatalogueSource.InForce inForce = ctx.catalogues().current();
                catalogue = inForce.catalogue();
                validator = new Validator(catalogue);
                languages = Languages.load(
                        configuredLocales,
                        catalogue,
                        inForce.stringsDir().stream().toList());
                return true;
            }
        } catch (StoreException e) {
            LOG.warn("cannot look for a new catalogue: {}", e.getMessage());
        }
        return false;
    }

    /**
     * A configuration applied between sessions: the languages it offers and its idle times. The welcome screen
     * shows, in the new default language.
     */
    public void reconfigure(List<String> locales, IdlePolicy idlePolicy) {
        configuredLocales = List.copyOf(locales);
        idle.policy(idlePolicy);
        languages = Languages.load(
                configuredLocales,
                catalogue,
                ctx.catalogues().current().stringsDir().stream().toList());
        strings.set(languages.strings(languages.defaultLocale()));
    }

    private void go(Screen next) {
        Screen now = screen.get();
        if (!now.equals(next)) {
            history.push(now);
        }
        show(next);
    }

    private void show(Screen next) {
        idle.touched();
        screen.set(next);
    }

    // ----- the screens' view models -----

    public FindServiceViewModel findService() {
        return new FindServiceViewModel(this);
    }

    public ServiceInfoViewModel serviceInfo(String serviceId) {
        return new ServiceInfoViewModel(this, serviceId);
    }

    public QuestionViewModel question(String fieldId) {
        return new QuestionViewModel(this, fieldId);
    }

    public ReviewViewModel review() {
        return new ReviewViewModel(this);
    }

    public ConfirmationViewModel confirmation() {
        return new ConfirmationViewModel(this, ctx);
    }

    public LookupViewModel lookup() {
        return new LookupViewModel(this);
    }
}
