package org.accesscentre.app.flow;

import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.accesscentre.core.answer.Answer;
import org.accesscentre.core.answer.Answers;
import org.accesscentre.core.answer.Stroke;
import org.accesscentre.core.catalogue.Field;
import org.accesscentre.core.catalogue.FieldType;
import org.accesscentre.core.catalogue.Option;
import org.accesscentre.core.validation.Parsed;
import org.accesscentre.core.validation.Validator;
import org.accesscentre.core.validation.Violation;
import org.jspecify.annotations.Nullable;

/**
 * One question on its own page: its words, its input, its position in the form, and what "Continue" finds
 * wrong. The input is a draft until Continue accepts it; Back leaves the saved answer as it was.
 */
public final class QuestionViewModel {
    private final ShellViewModel shell;
    private final Session session;
    private final Field field;
    private final InputKind kind;
    private final String defaultLocale;

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final StringProperty day = new SimpleStringProperty(this, "day", "");
    private final StringProperty month = new SimpleStringProperty(this, "month", "");
    private final StringProperty year = new SimpleStringProperty(this, "year", "");
    private final StringProperty choice = new SimpleStringProperty(this, "choice");
    private final ObservableList<String> choices = FXCollections.observableArrayList();
    private final ObjectProperty<@Nullable Boolean> flag = new SimpleObjectProperty<>(this, "flag");
    private final ObservableList<Stroke> strokes = FXCollections.observableArrayList();
    private final ObjectProperty<@Nullable Violation> problem = new SimpleObjectProperty<>(this, "problem");

    QuestionViewModel(ShellViewModel shell, String fieldId) {
        this.shell = shell;
        this.session = shell.session();
        this.field = session.form()
                .service()
                .field(fieldId)
                .orElseThrow(() -> new IllegalArgumentException("no question " + fieldId));
        this.kind = InputKind.of(field.type());
        this.defaultLocale = session.catalogue().defaultLocale();
        session.answers().get(fieldId).ifPresent(this::prefill);
    }

    // ----- words -----

    public InputKind kind() {
        return kind;
    }

    public String fieldId() {
        return field.id();
    }

    public ObservableValue<String> heading() {
        return localized(() -> field.label().get(shell.locale(), defaultLocale));
    }

    public ObservableValue<String> hint() {
        return localized(() -> field.hint() == null ? "" : field.hint().get(shell.locale(), defaultLocale));
    }

    public ObservableValue<String> example() {
        return localized(() -> {
            String e = field.example() == null ? "" : field.example().get(shell.locale(), defaultLocale);
            return e.isBlank() ? "" : shell.strings().get("answer.forExample", "example", e);
        });
    }

    /** "Question 3 of 8", counted over the questions asked given the answers so far. */
    public ObservableValue<String> progress() {
        return localized(() -> {
            FormFlow.Progress p = session.form().progress(field.id(), session.answers());
            return shell.strings().get("question.progress", java.util.Map.of("n", "" + p.number(), "of", "" + p.of()));
        });
    }

    public ObservableValue<String> serviceTitle() {
        return localized(() ->
                session.form().service().text(shell.locale(), defaultLocale).title());
    }

    public boolean optional() {
        return !field.rules().required();
    }

    /** The options of a choice, or of a list (a community list follows the district answered before). */
    public List<Choice> options() {
        List<Option> opts =
                kind == InputKind.LIST ? session.validator().listEntries(field, session.answers()) : field.options();
        List<Choice> out = new ArrayList<>(opts.size());
        for (Option o : opts) {
            out.add(new Choice(o.value(), o.label().get(shell.locale(), defaultLocale)));
        }
        return out;
    }

    public record Choice(String value, String label) {}

    /** The decimal separator of the citizen's language, for the number keyboard. */
    public char decimalSeparator() {
        return DecimalFormatSymbols.getInstance(Locale.forLanguageTag(shell.locale()))
                .getDecimalSeparator();
    }

    // ----- the draft -----

    public StringProperty textProperty() {
        return text;
    }

    public StringProperty dayProperty() {
        return day;
    }

    public StringProperty monthProperty() {
        return month;
    }

    public StringProperty yearProperty() {
        return year;
    }

    public StringProperty choiceProperty() {
        return choice;
    }

    public ObservableList<String> choices() {
        return choices;
    }

    public ObjectProperty<@Nullable Boolean> flagProperty() {
        return flag;
    }

    public ObservableList<Stroke> strokes() {
        return strokes;
    }

    /** What Continue found wrong, in words, or empty; it follows the language too. */
    public ObservableValue<String> error() {
        return Bindings.createStringBinding(
                () -> problem.get() == null ? "" : Messages.text(shell.strings(), problem.get(), field, defaultLocale),
                problem,
                shell.stringsProperty());
    }

    public boolean hasError() {
        return problem.get() != null;
    }

    // ----- actions -----

    /** Checks the draft; if it holds, saves it and moves on. Returns false when there is a problem to show. */
    public boolean continueOn() {
        Parsed parsed = read();
        Validator validator = session.validator();
        Answer answer = null;
        switch (parsed) {
            case Parsed.Invalid invalid -> {
                problem.set(invalid.violation());
                return false;
            }
            case Parsed.Blank blank -> answer = null;
            case Parsed.Value value -> answer = value.answer();
        }
        Answers context = session.answers();
        List<Violation> violations =
                validator.check(field, answer, context, shell.context().today());
        if (!violations.isEmpty()) {
            problem.set(violations.getFirst());
            return false;
        }
        problem.set(null);
        session.answer(field.id(), answer, shell.enteredBy());
        shell.answered(field.id());
        return true;
    }

    public void back() {
        shell.back();
    }

    private Parsed read() {
        Validator v = session.validator();
        return switch (kind) {
            case TEXT, LONG_TEXT, NUMBER, MONEY, PHONE, EMAIL, NATIONAL_ID ->
                v.parse(field, text.get(), shell.locale());
            case DATE -> {
                if (day.get().isBlank() && month.get().isBlank() && year.get().isBlank()) {
                    yield new Parsed.Blank();
                }
                yield v.parse(
                        field,
                        day.get().strip() + " " + month.get().strip() + " "
                                + year.get().strip(),
                        shell.locale());
            }
            case CHOICE, LIST ->
                choice.get() == null || choice.get().isEmpty()
                        ? new Parsed.Blank()
                        : new Parsed.Value(new Answer.Choice(choice.get()));
            case CHOICES ->
                choices.isEmpty() ? new Parsed.Blank() : new Parsed.Value(new Answer.Choices(inOptionOrder()));
            case YES_NO -> flag.get() == null ? new Parsed.Blank() : new Parsed.Value(new Answer.YesNo(flag.get()));
            case CONSENT ->
                Boolean.TRUE.equals(flag.get()) ? new Parsed.Value(new Answer.YesNo(true)) : new Parsed.Blank();
            case SIGNATURE ->
                strokes.isEmpty() ? new Parsed.Blank() : new Parsed.Value(new Answer.Signature(List.copyOf(strokes)));
        };
    }

    private List<String> inOptionOrder() {
        List<String> ordered = new ArrayList<>();
        for (Option o : field.options()) {
            if (choices.contains(o.value())) {
                ordered.add(o.value());
            }
        }
        return ordered;
    }

    private void prefill(Answer answer) {
        switch (answer) {
            case Answer.Text t -> text.set(t.value());
            case Answer.Number n ->
                text.set(
                        field.type() == FieldType.MONEY || n.value().scale() > 0
                                ? n.value().toPlainString().replace('.', decimalSeparator())
                                : n.value().toPlainString());
            case Answer.Day d -> {
                day.set(Integer.toString(d.value().getDayOfMonth()));
                month.set(Integer.toString(d.value().getMonthValue()));
                year.set(Integer.toString(d.value().getYear()));
            }
            case Answer.Choice c -> choice.set(c.value());
            case Answer.Choices c -> choices.setAll(c.values());
            case Answer.YesNo y -> flag.set(y.value());
            case Answer.Signature s -> strokes.setAll(s.strokes());
        }
    }

    private ObservableValue<String> localized(java.util.concurrent.Callable<String> text) {
        return Bindings.createStringBinding(text, shell.stringsProperty());
    }
}
