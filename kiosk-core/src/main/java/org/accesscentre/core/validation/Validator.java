package org.accesscentre.core.validation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.accesscentre.core.answer.Answer;
import org.accesscentre.core.answer.Answers;
import org.accesscentre.core.answer.Stroke;
import org.accesscentre.core.catalogue.AnswerLimits;
import org.accesscentre.core.catalogue.Catalogue;
import org.accesscentre.core.catalogue.ChoiceList;
import org.accesscentre.core.catalogue.Field;
import org.accesscentre.core.catalogue.FieldType;
import org.accesscentre.core.catalogue.Option;
import org.accesscentre.core.catalogue.Rules;
import org.accesscentre.core.catalogue.Service;
import org.accesscentre.core.catalogue.ShowIf;
import org.jspecify.annotations.Nullable;

/**
 * Checks answers against a catalogue's rules. The kiosk calls {@link #parse} and {@link #check} as the
 * citizen types, and {@link #validate} before sealing; the portal calls {@link #validate} again on what it
 * opens. "Today" is a parameter because kiosk clocks are not trusted: each side says which day it means.
 */
public final class Validator {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d{7,15}");
    private static final Pattern NATIONAL_ID = Pattern.compile("[A-Z0-9-]{4,32}");
    private static final int MIN_YEAR = 1850;
    private static final int MAX_YEAR = 2200;

    private final Catalogue catalogue;
    /** The shared lists' entries by value, by list id: a community list has hundreds. */
    private final Map<String, Map<String, Option>> listEntries;

    public Validator(Catalogue catalogue) {
        this.catalogue = catalogue;
        Map<String, Map<String, Option>> lists = new HashMap<>();
        catalogue.lists().forEach((id, list) -> {
            Map<String, Option> byValue = new HashMap<>();
            list.entries().forEach(o -> byValue.putIfAbsent(o.value(), o));
            lists.put(id, Map.copyOf(byValue));
        });
        this.listEntries = Map.copyOf(lists);
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    /** Reads typed text as an answer to a text, number, money, date or phone field. */
    public Parsed parse(Field field, String input, String locale) {
        return InputParser.parse(field, input, locale);
    }

    /** Whether a field is asked, given the answers so far: its condition holds and its condition's field is asked. */
    public boolean isShown(Service service, Field field, Answers answers) {
        ShowIf showIf = field.showIf();
        if (showIf == null) {
            return true;
        }
        Optional<Field> target = service.field(showIf.field());
        return target.isPresent() && isShown(service, target.get(), answers) && holds(showIf, answers);
    }

    public List<Field> shownFields(Service service, Answers answers) {
        Set<String> shown = shownIds(service, answers);
        return service.fields().stream().filter(f -> shown.contains(f.id())).toList();
    }

    /**
     * The ids of the questions asked, in one pass: a condition always names an earlier question (the reader
     * makes sure), so that question's fate is already known when its dependant is reached.
     */
    private static Set<String> shownIds(Service service, Answers answers) {
        Set<String> shown = new HashSet<>();
        for (Field f : service.fields()) {
            ShowIf showIf = f.showIf();
            if (showIf == null || (shown.contains(showIf.field()) && holds(showIf, answers))) {
                shown.add(f.id());
            }
        }
        return shown;
    }

    private static boolean holds(ShowIf showIf, Answers answers) {
        Answer answer = answers.get(showIf.field()).orElse(null);
        if (answer == null) {
            return false;
        }
        return switch (showIf.test()) {
            case IS ->
                answer instanceof Answer.Number n
                        ? sameNumber(n.value(), showIf.value())
                        : answer.canonical().equals(showIf.value());
            case HAS -> answer instanceof Answer.Choices c && c.values().contains(showIf.value());
        };
    }

    /** "25" and "25.00" are the same amount. */
    private static boolean sameNumber(BigDecimal value, String expected) {
        try {
            return value.compareTo(new BigDecimal(expected)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The answers without those to questions that are no longer asked, as when the citizen goes back and
     * changes an answer a later question depended on. Hidden answers are never sent.
     */
    public Answers withoutHidden(Service service, Answers answers) {
        return withoutHidden(service, answers, shownIds(service, answers));
    }

    private static Answers withoutHidden(Service service, Answers answers, Set<String> shown) {
        Answers kept = answers;
        for (Field f : service.fields()) {
            if (kept.has(f.id()) && !shown.contains(f.id())) {
                kept = kept.without(f.id());
            }
        }
        return kept;
    }

    /** A whole form at submit: the answers to the questions asked, and what is wrong with them. */
    public record Checked(Answers asked, List<Violation> violations) {}

    /**
     * What submit needs, working out once which questions are asked: {@link #withoutHidden}, then
     * {@link #validate} of what is left. Dropping the answers to hidden questions changes no condition of an
     * asked one, since a condition names an earlier question that must itself be asked.
     */
    public Checked checkSubmission(Service service, Answers answers, LocalDate today) {
        Set<String> shown = shownIds(service, answers);
        Answers asked = withoutHidden(service, answers, shown);
        return new Checked(asked, validate(service, asked, shown, today));
    }

    /** Checks one answer, or its absence, against its field's rules. */
    public List<Violation> check(Field field, @Nullable Answer answer, Answers context, LocalDate today) {
        List<Violation> out = new ArrayList<>();
        Rules rules = field.rules();
        if (isEmpty(answer)) {
            if (rules.required()) {
                out.add(new Violation(
                        field.id(), field.type() == FieldType.CONSENT ? Check.CONSENT_REQUIRED : Check.REQUIRED));
            }
            return out;
        }
        if (!fits(field.type(), answer)) {
            out.add(new Violation(field.id(), Check.WRONG_TYPE));
            return out;
        }
        switch (answer) {
            case Answer.Text t -> checkText(field, t.value(), out);
            case Answer.Number n -> checkNumber(field, n.value(), out);
            case Answer.Day d -> checkDate(field, d.value(), today, out);
            case Answer.Choice c -> checkChoice(field, c.value(), context, out);
            case Answer.Choices c -> checkChoices(field, c.values(), out);
            case Answer.YesNo y -> {
                if (field.type() == FieldType.CONSENT && rules.required() && !y.value()) {
                    out.add(new Violation(field.id(), Check.CONSENT_REQUIRED));
                }
            }
            case Answer.Signature s -> checkSignature(field, s, out);
        }
        return out;
    }

    /** Blank text and an empty selection count as no answer: required or not is then all that matters. */
    private static boolean isEmpty(@Nullable Answer answer) {
        return answer == null
                || (answer instanceof Answer.Text t && t.value().isBlank())
                || (answer instanceof Answer.Choices c && c.values().isEmpty());
    }

    /** Checks a whole submission: every asked question, and no answer to a question that was not asked. */
    public List<Violation> validate(Service service, Answers answers, LocalDate today) {
        return validate(service, answers, shownIds(service, answers), today);
    }

    private List<Violation> validate(Service service, Answers answers, Set<String> shown, LocalDate today) {
        List<Violation> out = new ArrayList<>();
        Set<String> known = new HashSet<>();
        for (Field f : service.fields()) {
            known.add(f.id());
            Answer answer = answers.get(f.id()).orElse(null);
            if (shown.contains(f.id())) {
                out.addAll(check(f, answer, answers, today));
            } else if (answer != null) {
                out.add(new Violation(f.id(), Check.NOT_ASKED));
            }
        }
        for (String id : answers.values().keySet()) {
            if (!known.contains(id)) {
                out.add(new Violation(id, Check.UNKNOWN_FIELD));
            }
        }
        return out;
    }

    static boolean fits(FieldType type, Answer answer) {
        return switch (type.kind()) {
            case TEXT -> answer instanceof Answer.Text;
            case NUMBER -> answer instanceof Answer.Number;
            case DATE -> answer instanceof Answer.Day;
            case CHOICE -> answer instanceof Answer.Choice;
            case CHOICES -> answer instanceof Answer.Choices;
            case FLAG -> answer instanceof Answer.YesNo;
            case SIGNATURE -> answer instanceof Answer.Signature;
        };
    }

    private static void checkText(Field field, String value, List<Violation> out) {
        Rules rules = field.rules();
        int length = value.codePointCount(0, value.length());
        int max = rules.maxLength() != null ? rules.maxLength() : AnswerLimits.maxLength(field.type());
        if (rules.minLength() != null && length < rules.minLength()) {
            out.add(new Violation(
                    field.id(), Check.TOO_SHORT, Map.of("min", rules.minLength().toString())));
            return;
        }
        if (length > max) {
            out.add(new Violation(field.id(), Check.TOO_LONG, Map.of("max", Integer.toString(max))));
            return;
        }
        switch (field.type()) {
            case EMAIL -> {
                if (!EMAIL.matcher(value).matches()) {
                    out.add(new Violation(field.id(), Check.NOT_AN_EMAIL));
                    return;
                }
            }
            case PHONE -> {
                if (!PHONE.matcher(value).matches()) {
                    out.add(new Violation(field.id(), Check.NOT_A_PHONE));
                    return;
                }
            }
            case NATIONAL_ID -> {
                if (rules.pattern() == null && !NATIONAL_ID.matcher(value).matches()) {
                    out.add(new Violation(
                            field.id(), Check.NOT_A_NATIONAL_ID, Map.of("example", InputParser.example(field, ""))));
                    return;
                }
            }
            default -> {
                // free text: only the catalogue's own rules
            }
        }
        if (rules.pattern() != null && !rules.pattern().matcher(value).matches()) {
            Check check = field.type() == FieldType.NATIONAL_ID ? Check.NOT_A_NATIONAL_ID : Check.PATTERN;
            out.add(new Violation(field.id(), check, Map.of("example", InputParser.example(field, ""))));
        }
    }

    private static void checkNumber(Field field, BigDecimal value, List<Violation> out) {
        Rules rules = field.rules();
        if (value.precision() > AnswerLimits.MAX_NUMBER_DIGITS) {
            out.add(new Violation(field.id(), Check.NOT_A_NUMBER));
            return;
        }
        if (field.type() == FieldType.MONEY
                && (value.signum() < 0 || value.stripTrailingZeros().scale() > 2)) {
            out.add(new Violation(field.id(), Check.NOT_MONEY));
            return;
        }
        if (rules.min() != null && value.compareTo(rules.min()) < 0) {
            out.add(new Violation(
                    field.id(), Check.TOO_SMALL, Map.of("min", rules.min().toPlainString())));
        } else if (rules.max() != null && value.compareTo(rules.max()) > 0) {
            out.add(new Violation(
                    field.id(), Check.TOO_LARGE, Map.of("max", rules.max().toPlainString())));
        }
    }

    private static void checkDate(Field field, LocalDate value, LocalDate today, List<Violation> out) {
        Rules rules = field.rules();
        if (value.getYear() < MIN_YEAR || value.getYear() > MAX_YEAR) {
            out.add(new Violation(field.id(), Check.NOT_A_DATE, Map.of("example", InputParser.example(field, ""))));
            return;
        }
        if (rules.minDate() != null && value.isBefore(rules.minDate())) {
            out.add(new Violation(
                    field.id(),
                    Check.DATE_TOO_EARLY,
                    Map.of("min", rules.minDate().toString())));
            return;
        }
        if (rules.maxDate() != null && value.isAfter(rules.maxDate())) {
            out.add(new Violation(
                    field.id(),
                    Check.DATE_TOO_LATE,
                    Map.of("max", rules.maxDate().toString())));
            return;
        }
        if (rules.date() != null && !rules.date().allows(value, today)) {
            Check check = switch (rules.date()) {
                case PAST -> Check.DATE_MUST_BE_PAST;
                case PAST_OR_TODAY -> Check.DATE_MUST_BE_PAST_OR_TODAY;
                case FUTURE -> Check.DATE_MUST_BE_FUTURE;
                case TODAY_OR_FUTURE -> Check.DATE_MUST_BE_TODAY_OR_FUTURE;
            };
            out.add(new Violation(field.id(), check));
        }
    }

    private void checkChoice(Field field, String value, Answers context, List<Violation> out) {
        if (field.type() == FieldType.SINGLE_CHOICE) {
            if (field.option(value).isEmpty()) {
                out.add(new Violation(field.id(), Check.UNKNOWN_CHOICE));
            }
            return;
        }
        Map<String, Option> entries = field.list() == null ? null : listEntries.get(field.list());
        Option entry = entries == null ? null : entries.get(value);
        if (entry == null) {
            out.add(new Violation(field.id(), Check.UNKNOWN_CHOICE));
            return;
        }
        String dependsOn = field.dependsOn();
        if (dependsOn != null) {
            String parent = context.get(dependsOn).map(Answer::canonical).orElse(null);
            if (parent != null && !parent.equals(entry.parent())) {
                out.add(new Violation(field.id(), Check.NOT_IN_PARENT));
            }
        }
    }

    private static void checkChoices(Field field, List<String> values, List<Violation> out) {
        Rules rules = field.rules();
        if (new HashSet<>(values).size() != values.size()
                || values.stream().anyMatch(v -> field.option(v).isEmpty())) {
            out.add(new Violation(field.id(), Check.UNKNOWN_CHOICE));
            return;
        }
        int min = rules.minChoices() != null ? rules.minChoices() : (rules.required() ? 1 : 0);
        if (values.size() < min) {
            Check check = values.isEmpty() ? Check.REQUIRED : Check.TOO_FEW_CHOICES;
            out.add(new Violation(field.id(), check, Map.of("min", Integer.toString(min))));
        } else if (rules.maxChoices() != null && values.size() > rules.maxChoices()) {
            out.add(new Violation(
                    field.id(),
                    Check.TOO_MANY_CHOICES,
                    Map.of("max", rules.maxChoices().toString())));
        }
    }

    private static void checkSignature(Field field, Answer.Signature signature, List<Violation> out) {
        if (signature.strokes().isEmpty() || signature.pointCount() < 2) {
            out.add(new Violation(field.id(), Check.SIGNATURE_EMPTY));
            return;
        }
        if (signature.strokes().size() > AnswerLimits.MAX_STROKES
                || signature.pointCount() > AnswerLimits.MAX_SIGNATURE_POINTS) {
            out.add(new Violation(field.id(), Check.SIGNATURE_TOO_LARGE));
            return;
        }
        for (Stroke stroke : signature.strokes()) {
            for (int i = 0; i < stroke.size(); i++) {
                if (offCanvas(stroke.x(i)) || offCanvas(stroke.y(i))) {
                    out.add(new Violation(field.id(), Check.WRONG_TYPE));
                    return;
                }
            }
        }
    }

    private static boolean offCanvas(int v) {
        return v < 0 || v > AnswerLimits.SIGNATURE_CANVAS;
    }

    /** The shared list behind a list-choice field, filtered by the answer it depends on. */
    public List<Option> listEntries(Field field, Answers answers) {
        ChoiceList list =
                Optional.ofNullable(field.list()).flatMap(catalogue::list).orElse(null);
        if (list == null) {
            return List.of();
        }
        String dependsOn = field.dependsOn();
        if (dependsOn == null) {
            return list.entries();
        }
        String parent = answers.get(dependsOn).map(Answer::canonical).orElse(null);
        return list.entries().stream()
                .filter(o -> parent == null || parent.equals(o.parent()))
                .toList();
    }
}
