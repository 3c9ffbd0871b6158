package org.accesscentre.core.answer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The answers to one form, by field id, in the order they were given, with who entered each one: the
 * citizen, or an attendant filling in for them. Immutable: every change makes a new instance, so a view
 * model can hand a snapshot to {@code submit} while the citizen keeps typing.
 */
public final class Answers {
    /** Who entered an answer when nobody else is recorded. */
    public static final String CITIZEN = "citizen";

    private static final Answers EMPTY = new Answers(Map.of(), Map.of());

    private final Map<String, Answer> values;
    private final Map<String, String> enteredBy;

    private Answers(Map<String, Answer> values, Map<String, String> enteredBy) {
        this.values = values;
        this.enteredBy = enteredBy;
    }

    public static Answers empty() {
        return EMPTY;
    }

    public static Answers of(Map<String, Answer> values) {
        return new Answers(Collections.unmodifiableMap(new LinkedHashMap<>(values)), Map.of());
    }

    public static Answers of(Map<String, Answer> values, Map<String, String> enteredBy) {
        return new Answers(
                Collections.unmodifiableMap(new LinkedHashMap<>(values)),
                Collections.unmodifiableMap(new LinkedHashMap<>(enteredBy)));
    }

    public Optional<Answer> get(String fieldId) {
        return Optional.ofNullable(values.get(fieldId));
    }

    public boolean has(String fieldId) {
        return values.containsKey(fieldId);
    }

    /** The answers with one set, entered by the citizen. */
    public Answers with(String fieldId, Answer answer) {
        return with(fieldId, answer, CITIZEN);
    }

    /** The answers with one set, recording who entered it: {@link #CITIZEN} or {@code attendant:<id>}. */
    public Answers with(String fieldId, Answer answer, String by) {
        Map<String, Answer> v = new LinkedHashMap<>(values);
        v.put(fieldId, answer);
        Map<String, String> e = new LinkedHashMap<>(enteredBy);
        if (by.equals(CITIZEN)) {
            e.remove(fieldId);
        } else {
            e.put(fieldId, by);
        }
        return new Answers(Collections.unmodifiableMap(v), Collections.unmodifiableMap(e));
    }

    public Answers without(String fieldId) {
        if (!values.containsKey(fieldId)) {
            return this;
        }
        Map<String, Answer> v = new LinkedHashMap<>(values);
        v.remove(fieldId);
        Map<String, String> e = new LinkedHashMap<>(enteredBy);
        e.remove(fieldId);
        return new Answers(Collections.unmodifiableMap(v), Collections.unmodifiableMap(e));
    }

    public Map<String, Answer> values() {
        return values;
    }

    /** Who entered the answer to a field: {@link #CITIZEN} unless recorded otherwise. */
    public String enteredBy(String fieldId) {
        return enteredBy.getOrDefault(fieldId, CITIZEN);
    }

    /** Only the answers entered by someone other than the citizen. */
    public Map<String, String> enteredByOthers() {
        return enteredBy;
    }

    public int size() {
        return values.size();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Answers other && values.equals(other.values) && enteredBy.equals(other.enteredBy);
    }

    @Override
    public int hashCode() {
        return values.hashCode() * 31 + enteredBy.hashCode();
    }

    /** Never prints the answers themselves: they are personal data. */
    @Override
    public String toString() {
        return "Answers[" + values.size() + " answers]";
    }
}
