package org.accesscentre.testing;

import java.io.Serial;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.accesscentre.core.answer.Answer;
import org.accesscentre.core.answer.Answers;
import org.accesscentre.core.answer.Stroke;
import org.accesscentre.core.catalogue.AnswerLimits;
import org.accesscentre.core.catalogue.Catalogue;
import org.accesscentre.core.catalogue.DateRule;
import org.accesscentre.core.catalogue.Field;
import org.accesscentre.core.catalogue.FieldType;
import org.accesscentre.core.catalogue.LocalizedText;
import org.accesscentre.core.catalogue.Option;
import org.accesscentre.core.catalogue.Rules;
import org.accesscentre.core.catalogue.Service;
import org.accesscentre.core.validation.Validator;
import org.accesscentre.core.validation.Violation;
import org.jspecify.annotations.Nullable;

/**
 * Realistic, valid answers to any service of any catalogue, for tests, demos and the fleet simulator: what a
 * Saint Lucian citizen might plausibly type at a kiosk, that the {@link Validator} accepts.
 *
 * <p>The answers follow the form the way the kiosk does: questions in order, only those shown given the answers
 * so far, so a choice that shows a follow-up question sometimes gets the follow-up. Required questions are
 * always answered, optional ones about two times in three. Every rule is kept: lengths, patterns, ranges, date
 * rules, choice counts, a dependent list's parent, a required consent. Text is made from the question's id and
 * English label (a name, an address, a landmark, a description of a pothole...), or from its example; for a
 * pattern the question's example is used, with its digits and letters changed, and otherwise the pattern itself
 * is sampled when it uses only common regular-expression features. Each answer is checked with the validator as
 * it is made; a form that no answer can satisfy, such as a pattern that neither an example nor the sampler can
 * meet, fails with an {@link IllegalStateException} that names the question.
 *
 * <p>Everything comes from the given {@link Random}: the same seed, service and day give the same answers.
 */
public final class RealisticAnswers {
    /** How often an optional question that is shown gets an answer. */
    static final double OPTIONAL_ANSWERED = 0.7;

    private static final int ATTEMPTS = 20;
    private static final int PATTERN_SAMPLES = 40;
    // The validator refuses dates outside these years.
    private static final LocalDate EARLIEST = LocalDate.of(1850, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2200, 12, 31);
    private static final Pattern NATIONAL_ID = Pattern.compile("[A-Z0-9-]{4,32}");

    private RealisticAnswers() {}

    /**
     * Answers to one service's form, as a citizen might give them on {@code today}.
     *
     * @param catalogue the catalogue the service belongs to, for its shared lists
     * @throws IllegalArgumentException if the catalogue has no service with this id
     * @throws IllegalStateException if some question cannot be answered validly, with the reason
     */
    public static Answers forService(Catalogue catalogue, Service service, Random random, LocalDate today) {
        if (catalogue.service(service.id()).isEmpty()) {
            throw new IllegalArgumentException("the catalogue has no service '" + service.id() + "'");
        }
        return new Filler(catalogue, service, random, today).fill();
    }

    /** Fills in one form. */
    private static final class Filler {
        private final Catalogue catalogue;
        private final Service service;
        private final Random random;
        private final LocalDate today;
        private final Validator validator;
        private final Words words;
        private final Person person;
        private Answers answers = Answers.empty();

        Filler(Catalogue catalogue, Service service, Random random, LocalDate today) {
            this.catalogue = catalogue;
            this.service = service;
            this.random = random;
            this.today = today;
            this.validator = new Validator(catalogue);
            this.words = new Words(random);
            this.person = Person.random(words);
        }

        Answers fill() {
            for (Field field : service.fields()) {
                if (!validator.isShown(service, field, answers)) {
                    continue;
                }
                if (!field.required() && random.nextDouble() >= OPTIONAL_ANSWERED) {
                    continue;
                }
                Answer answer = answer(field);
                if (answer != null) {
                    answers = answers.with(field.id(), answer);
                }
            }
            return answers;
        }

        /** A valid answer, or null for an optional list question with nothing to offer. */
        private @Nullable Answer answer(Field field) {
            List<Violation> last = List.of();
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Answer candidate = candidate(field);
                if (candidate == null) {
                    return null;
                }
                last = validator.check(field, candidate, answers, today);
                if (last.isEmpty()) {
                    return candidate;
                }
            }
            throw new IllegalStateException(describe(field) + ": no valid answer in " + ATTEMPTS
                    + " attempts; the last one failed "
                    + last.stream().map(Violation::key).toList());
        }

        private @Nullable Answer candidate(Field field) {
            return switch (field.type()) {
                case TEXT, LONG_TEXT, PHONE, EMAIL, NATIONAL_ID -> new Answer.Text(text(field));
                case NUMBER -> new Answer.Number(number(field));
                case MONEY -> new Answer.Number(money(field));
                case DATE -> new Answer.Day(date(field));
                case SINGLE_CHOICE ->
                    new Answer.Choice(words.pick(field.options()).value());
                case LIST_CHOICE -> listChoice(field);
                case MULTI_CHOICE -> choices(field);
                case YES_NO -> new Answer.YesNo(random.nextBoolean());
                case CONSENT -> new Answer.YesNo(true);
                case SIGNATURE -> new Answer.Signature(Signatures.draw(random));
            };
        }

        // --- Text ---------------------------------------------------------------------------------------

        private String text(Field field) {
            Rules rules = field.rules();
            int min = Math.max(1, rules.minLength() == null ? 1 : rules.minLength());
            int max = rules.maxLength() == null ? AnswerLimits.maxLength(field.type()) : rules.maxLength();
            Pattern pattern = rules.pattern();
            String natural = fit(natural(field), min, max, field);
            if (pattern == null || pattern.matcher(natural).matches()) {
                return natural;
            }
            for (String variant : exampleVariants(field)) {
                if (pattern.matcher(variant).matches() && fits(variant, min, max)) {
                    return variant;
                }
            }
            Optional<PatternSampler> sampler = PatternSampler.of(pattern.pattern());
            if (sampler.isPresent()) {
                for (int i = 0; i < PATTERN_SAMPLES; i++) {
                    String sample = sampler.get().sample(random);
                    if (pattern.matcher(sample).matches() && fits(sample, min, max) && !sample.isBlank()) {
                        return sample;
                    }
                }
            }
            throw new IllegalStateException(describe(field) + ": cannot make an answer that matches the pattern '"
                    + pattern.pattern() + "'. Its example does not match the pattern"
                    + (sampler.isPresent()
                            ? ", and no sample of the pattern fits the question's length rules"
                            : ", and the pattern uses regular-expression features RealisticAnswers cannot sample"
                                    + " (it knows literals, [classes], \\d \\w \\s, groups, | and quantifiers)")
                    + ". Give the question an example that matches its pattern.");
        }

        /** What a citizen would write for this question, before the rules are applied. */
        private String natural(Field field) {
            return switch (field.type()) {
                case PHONE -> words.phone();
                case EMAIL -> words.email(person);
                case NATIONAL_ID -> nationalId(field);
                case LONG_TEXT -> longText(field);
                default -> shortText(field);
            };
        }

        private String shortText(Field field) {
            Topic t = new Topic(field, catalogue);
            if (t.about("mother")) {
                return words.pick(Words.FEMALE) + " " + words.pick(Words.SURNAMES);
            }
            if (t.about("father")) {
                return words.pick(Words.MALE) + " " + person.surname();
            }
            if (t.about("business", "company", "proposed", "alternative", "trade") && t.about("name")) {
                return words.businessName(person);
            }
            if (t.about("employer")) {
                return words.pick(Words.EMPLOYERS);
            }
            if (t.about("name")) {
                return mentions("child")
                        ? words.pick(person.female() ? Words.MALE : Words.FEMALE) + " " + person.surname()
                        : person.fullName();
            }
            if (t.about("address", "street")) {
                return words.address(place());
            }
            if (t.about("location", "where exactly", "landmark")) {
                return words.location(place());
            }
            if (t.about("relationship", "why you need")) {
                return words.pick(Words.RELATIONSHIP_REASONS);
            }
            if (t.about("programme", "support")) {
                return words.pick(Words.PROGRAMMES);
            }
            if (t.about("help")) {
                return words.pick(Words.HELP_NEEDED);
            }
            if (t.about("service")) {
                return words.pick(Words.SERVICES_USED);
            }
            String example = example(field);
            if (example != null) {
                return vary(example, false);
            }
            return place();
        }

        private String longText(Field field) {
            Topic t = new Topic(field, catalogue);
            if (t.about("experience", "work have you done", "worked")) {
                List<String> history = words.workHistory();
                return words.paragraph(history.subList(0, 1), history.subList(1, history.size()), 0, 2);
            }
            if (t.about("disab")) {
                return words.pick(Words.DISABILITY);
            }
            if (t.about("health", "medical", "medicine")) {
                return words.paragraph(List.of(), Words.HEALTH, 1, 2);
            }
            if (t.about("activity", "business do")) {
                return words.businessActivity(choiceValues(), place());
            }
            if (t.about("describe", "description", "problem")) {
                List<String> problem = words.problem(choiceValues(), place());
                return words.paragraph(problem.subList(0, 1), problem.subList(1, problem.size()), 0, 2);
            }
            if (t.about("comment", "feedback", "else do you want")) {
                return words.paragraph(List.of(), words.comment(choiceValues()), 1, 2);
            }
            if (t.about("reason", "need to do", "appointment")) {
                return words.pick(Words.APPOINTMENT_REASONS);
            }
            String example = example(field);
            return example != null ? example : words.paragraph(List.of(), words.generic(place()), 1, 2);
        }

        private String nationalId(Field field) {
            String example = example(field);
            if (example != null
                    && NATIONAL_ID.matcher(normalize(field, example)).matches()) {
                return vary(normalize(field, example), true);
            }
            return (char) ('A' + random.nextInt(26)) + words.digits(7);
        }

        /** The text lengthened or shortened to fit the question's lengths, the way a citizen would. */
        private String fit(String text, int min, int max, Field field) {
            Supplier<String> more = switch (field.type()) {
                case PHONE, NATIONAL_ID, EMAIL -> () -> words.digits(1);
                case LONG_TEXT -> () -> " " + words.pick(words.generic(place()));
                default -> () -> " " + words.pick(Words.PLACES);
            };
            String s = text.strip();
            for (int i = 0; length(s) < min && i < 1_000; i++) {
                s = s + more.get();
            }
            if (length(s) > max) {
                s = truncate(s, min, max);
            }
            return s;
        }

        private static String truncate(String s, int min, int max) {
            String cut = s.substring(0, s.offsetByCodePoints(0, max));
            int sentence = cut.lastIndexOf(". ");
            if (sentence + 1 >= min && sentence + 1 >= max / 2) {
                return cut.substring(0, sentence + 1);
            }
            int space = cut.lastIndexOf(' ');
            if (space > 0) {
                String kept = cut.substring(0, space).replaceAll("[\\s,;:-]+$", "");
                if (length(kept) >= min) {
                    return kept;
                }
            }
            return cut.strip().length() == cut.length() ? cut : cut.replaceAll("\\s", "x");
        }

        private static boolean fits(String s, int min, int max) {
            int length = length(s);
            return length >= min && length <= max;
        }

        private static int length(String s) {
            return s.codePointCount(0, s.length());
        }

        /** The example, tidied as the kiosk tidies typed text: with digits and letters changed, then as is. */
        private List<String> exampleVariants(Field field) {
            String example = example(field);
            if (example == null) {
                return List.of();
            }
            String base = normalize(field, example);
            return List.of(vary(base, true), vary(base, false), base);
        }

        private @Nullable String example(Field field) {
            LocalizedText example = field.example();
            return example == null ? null : example.get("en", catalogue.defaultLocale());
        }

        /** As the kiosk's input parser leaves typed text. */
        private static String normalize(Field field, String text) {
            String s = text.strip();
            return switch (field.type()) {
                case NATIONAL_ID -> s.replace(" ", "").toUpperCase(Locale.ROOT);
                case PHONE -> s.replaceAll("[ ().-]", "");
                default -> s;
            };
        }

        /** The text with every digit, and optionally every ASCII letter, replaced by another of its kind. */
        private String vary(String text, boolean letters) {
            StringBuilder sb = new StringBuilder(text.length());
            for (char c : text.toCharArray()) {
                if (c >= '0' && c <= '9') {
                    sb.append((char) ('0' + random.nextInt(10)));
                } else if (letters && c >= 'A' && c <= 'Z') {
                    sb.append((char) ('A' + random.nextInt(26)));
                } else if (letters && c >= 'a' && c <= 'z') {
                    sb.append((char) ('a' + random.nextInt(26)));
                } else {
                    sb.append(c);
                }
            }
            return sb.toString();
        }

        // --- Numbers and money --------------------------------------------------------------------------

        private BigDecimal number(Field field) {
            Topic t = new Topic(field, catalogue);
            Rules rules = field.rules();
            BigDecimal lo = rules.min();
            BigDecimal hi = rules.max();
            long preferredLo;
            long preferredHi;
            if (t.about("year")) {
                preferredLo = today.getYear() - 3L;
                preferredHi = today.getYear();
            } else if (t.about("how many", "household", "people", "children", "partners", "count")) {
                preferredLo =
                        lo == null ? 1 : lo.setScale(0, RoundingMode.CEILING).longValue();
                preferredHi = preferredLo + 5;
                if (t.about("children", "child")) {
                    BigDecimal household = earlierNumber("household", "people");
                    if (household != null) {
                        preferredHi = Math.max(preferredLo, household.longValue() - 1);
                    }
                }
            } else {
                preferredLo = 1;
                preferredHi = 50;
            }
            BigDecimal from = max(lo, BigDecimal.valueOf(preferredLo));
            BigDecimal to = min(hi, BigDecimal.valueOf(preferredHi));
            Optional<BigDecimal> preferred = wholeNumberIn(from, to);
            if (preferred.isPresent()) {
                return preferred.get();
            }
            BigDecimal anyFrom = lo != null ? lo : hi.subtract(BigDecimal.valueOf(100));
            BigDecimal anyTo = hi != null ? hi : lo.add(BigDecimal.valueOf(100));
            BigDecimal near = BigDecimal.valueOf(preferredLo).max(anyFrom).min(anyTo);
            return wholeNumberIn(near, near.add(BigDecimal.TEN).min(anyTo))
                    .or(() -> wholeNumberIn(near.subtract(BigDecimal.TEN).max(anyFrom), near))
                    .orElse(anyFrom);
        }

        private Optional<BigDecimal> wholeNumberIn(BigDecimal from, BigDecimal to) {
            BigDecimal first = from.setScale(0, RoundingMode.CEILING);
            BigDecimal last = to.setScale(0, RoundingMode.FLOOR);
            if (first.compareTo(last) > 0) {
                return Optional.empty();
            }
            long span = last.subtract(first).min(BigDecimal.valueOf(1_000_000)).longValueExact();
            return Optional.of(first.add(BigDecimal.valueOf(random.nextLong(span + 1))));
        }

        private BigDecimal money(Field field) {
            Topic t = new Topic(field, catalogue);
            Rules rules = field.rules();
            BigDecimal lo = rules.min() == null ? BigDecimal.ZERO : rules.min().max(BigDecimal.ZERO);
            BigDecimal hi = rules.max() == null ? lo.add(BigDecimal.valueOf(5_000)) : rules.max();
            BigDecimal from;
            BigDecimal to;
            if (t.about("income", "salary", "wage", "earn")) {
                if (lo.signum() == 0 && random.nextInt(10) == 0) {
                    return BigDecimal.ZERO.setScale(2);
                }
                from = BigDecimal.valueOf(150);
                to = BigDecimal.valueOf(3_200);
            } else if (t.about("amount", "pay", "tax", "fee")) {
                from = BigDecimal.valueOf(80);
                to = BigDecimal.valueOf(2_500);
            } else {
                from = BigDecimal.valueOf(10);
                to = BigDecimal.valueOf(1_500);
            }
            from = from.max(lo);
            to = to.min(hi);
            if (from.compareTo(to) > 0) {
                from = lo;
                to = hi;
            }
            long firstCent =
                    from.movePointRight(2).setScale(0, RoundingMode.CEILING).longValueExact();
            long lastCent = to.movePointRight(2).setScale(0, RoundingMode.FLOOR).longValueExact();
            long cents = firstCent + random.nextLong(lastCent - firstCent + 1);
            if (random.nextInt(10) < 7) {
                long whole = Math.round(cents / 100.0) * 100;
                long roundFive = Math.round(cents / 500.0) * 500;
                long rounded = random.nextBoolean() ? roundFive : whole;
                if (rounded >= firstCent && rounded <= lastCent) {
                    cents = rounded;
                }
            }
            return BigDecimal.valueOf(cents, 2);
        }

        private @Nullable BigDecimal earlierNumber(String... keys) {
            for (Field f : service.fields()) {
                if (f.type() == FieldType.NUMBER
                        && new Topic(f, catalogue).about(keys)
                        && answers.get(f.id()).orElse(null) instanceof Answer.Number n) {
                    return n.value();
                }
            }
            return null;
        }

        private static BigDecimal max(@Nullable BigDecimal a, BigDecimal b) {
            return a == null ? b : a.max(b);
        }

        private static BigDecimal min(@Nullable BigDecimal a, BigDecimal b) {
            return a == null ? b : a.min(b);
        }

        // --- Dates --------------------------------------------------------------------------------------

        private LocalDate date(Field field) {
            Rules rules = field.rules();
            LocalDate lo = EARLIEST;
            LocalDate hi = LATEST;
            if (rules.minDate() != null && rules.minDate().isAfter(lo)) {
                lo = rules.minDate();
            }
            if (rules.maxDate() != null && rules.maxDate().isBefore(hi)) {
                hi = rules.maxDate();
            }
            DateRule rule = rules.date();
            if (rule != null) {
                switch (rule) {
                    case PAST -> hi = earlier(hi, today.minusDays(1));
                    case PAST_OR_TODAY -> hi = earlier(hi, today);
                    case FUTURE -> lo = later(lo, today.plusDays(1));
                    case TODAY_OR_FUTURE -> lo = later(lo, today);
                }
            }
            LocalDate start = startOfPeriod(field);
            if (start != null && !start.isBefore(lo) && !start.isAfter(hi)) {
                lo = start;
            }
            if (lo.isAfter(hi)) {
                throw new IllegalStateException(describe(field) + ": no date is allowed: its rules ask for a date from "
                        + lo + " to " + hi + " with today being " + today);
            }
            Topic t = new Topic(field, catalogue);
            LocalDate wantFrom;
            LocalDate wantTo;
            if (t.about("birth", "born")) {
                boolean child = mentions("child");
                wantFrom = today.minusYears(child ? 17 : 80);
                wantTo = child ? today.minusDays(30) : today.minusYears(18);
            } else if (t.about("expir", "run out")) {
                wantFrom = today.minusYears(1);
                wantTo = today.plusMonths(6);
            } else if (start != null) {
                wantFrom = start;
                wantTo = today;
            } else if (endOfPeriod(field) != null) {
                wantFrom = today.minusYears(25);
                wantTo = today.minusYears(1);
            } else {
                wantFrom = today.minusDays(60);
                wantTo = today.plusDays(60);
            }
            LocalDate from = later(wantFrom, lo);
            LocalDate to = earlier(wantTo, hi);
            if (from.isAfter(to)) {
                if (wantTo.isBefore(lo)) {
                    from = lo;
                    to = earlier(hi, lo.plusDays(60));
                } else {
                    from = later(lo, hi.minusDays(60));
                    to = hi;
                }
            }
            return from.plusDays(random.nextLong(ChronoUnit.DAYS.between(from, to) + 1));
        }

        /** For the end of a period ("period_to"), the answer to its start ("period_from"). */
        private @Nullable LocalDate startOfPeriod(Field field) {
            for (String[] pair : PERIOD_ENDS) {
                String partner = partner(field.id(), pair[1], pair[0]);
                if (partner != null && answers.get(partner).orElse(null) instanceof Answer.Day d) {
                    return d.value();
                }
            }
            return null;
        }

        /** For the start of a period, the id of the question that asks for its end. */
        private @Nullable String endOfPeriod(Field field) {
            for (String[] pair : PERIOD_ENDS) {
                String partner = partner(field.id(), pair[0], pair[1]);
                if (partner != null && service.field(partner).isPresent()) {
                    return partner;
                }
            }
            return null;
        }

        private static final String[][] PERIOD_ENDS = {
            {"_from", "_to"}, {"_start", "_end"}, {"from_", "to_"}, {"start_", "end_"}
        };

        private static @Nullable String partner(String id, String mine, String theirs) {
            if (mine.startsWith("_") && id.endsWith(mine)) {
                return id.substring(0, id.length() - mine.length()) + theirs;
            }
            if (mine.endsWith("_") && id.startsWith(mine)) {
                return theirs + id.substring(mine.length());
            }
            return null;
        }

        private static LocalDate earlier(LocalDate a, LocalDate b) {
            return a.isBefore(b) ? a : b;
        }

        private static LocalDate later(LocalDate a, LocalDate b) {
            return a.isAfter(b) ? a : b;
        }

        // --- Choices ------------------------------------------------------------------------------------

        private @Nullable Answer listChoice(Field field) {
            List<Option> entries = validator.listEntries(field, answers);
            if (entries.isEmpty()) {
                if (field.required()) {
                    throw new IllegalStateException(describe(field) + ": its list '" + field.list()
                            + "' has no entry for the answer to '" + field.dependsOn() + "'");
                }
                return null;
            }
            return new Answer.Choice(words.pick(entries).value());
        }

        private Answer choices(Field field) {
            Rules rules = field.rules();
            List<Option> options = field.options();
            int min = rules.minChoices() != null ? rules.minChoices() : (field.required() ? 1 : 0);
            min = Math.max(1, min); // picking nothing is the same as not answering
            int max = Math.min(rules.maxChoices() != null ? rules.maxChoices() : options.size(), options.size());
            if (min > max) {
                throw new IllegalStateException(
                        describe(field) + ": it asks for at least " + min + " of " + max + " possible choices");
            }
            // Most people tick one to three boxes.
            int count = Math.min(max, min + (int) Math.floor(Math.abs(random.nextGaussian()) * 1.2));
            List<Integer> picked = new ArrayList<>();
            for (int i = 0; i < options.size(); i++) {
                picked.add(i);
            }
            Collections.shuffle(picked, random);
            List<Integer> chosen = new ArrayList<>(picked.subList(0, count));
            Collections.sort(chosen);
            return new Answer.Choices(
                    chosen.stream().map(i -> options.get(i).value()).toList());
        }

        // --- Context ------------------------------------------------------------------------------------

        /** The values of the choices made so far, to keep later text consistent with them. */
        private Set<String> choiceValues() {
            Set<String> values = new LinkedHashSet<>();
            for (Answer a : answers.values().values()) {
                switch (a) {
                    case Answer.Choice c -> values.add(c.value());
                    case Answer.Choices c -> values.addAll(c.values());
                    default -> {
                        // only choices say what the form is about
                    }
                }
            }
            return values;
        }

        private boolean mentions(String value) {
            return choiceValues().contains(value);
        }

        /** The community or district answered so far, else a place in Saint Lucia. */
        private String place() {
            String place = null;
            for (Field f : service.fields()) {
                if (f.type() == FieldType.LIST_CHOICE && answers.get(f.id()).orElse(null) instanceof Answer.Choice c) {
                    Optional<Option> entry = Optional.ofNullable(f.list())
                            .flatMap(catalogue::list)
                            .flatMap(l -> l.entry(c.value()));
                    if (entry.isPresent()) {
                        place = entry.get().label().get("en", catalogue.defaultLocale());
                    }
                }
            }
            if (place == null) {
                return words.pick(Words.PLACES);
            }
            // "Castries (city)" reads as "Castries" in a sentence
            return place.replaceAll("\\s*\\(.*\\)$", "");
        }

        private String describe(Field field) {
            return "question '" + field.id() + "' (" + field.type().jsonName() + ") of service '" + service.id() + "'";
        }
    }

    /** What a question is about, from its id and its English label. */
    private static final class Topic {
        private final String text;

        Topic(Field field, Catalogue catalogue) {
            this.text = (field.id().replace('_', ' ').replace('-', ' ') + " "
                            + field.label().get("en", catalogue.defaultLocale()))
                    .toLowerCase(Locale.ROOT);
        }

        boolean about(String... keys) {
            for (String key : keys) {
                if (text.contains(key)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The citizen filling in the form. */
    private record Person(
            boolean female, String first, @Nullable String middle, String surname) {
        static Person random(Words words) {
            boolean female = words.random.nextBoolean();
            List<String> firsts = female ? Words.FEMALE : Words.MALE;
            String first = words.pick(firsts);
            String middle = words.random.nextInt(3) == 0 ? words.pick(firsts) : null;
            if (first.equals(middle)) {
                middle = null;
            }
            return new Person(female, first, middle, words.pick(Words.SURNAMES));
        }

        String fullName() {
            return middle == null ? first + " " + surname : first + " " + middle + " " + surname;
        }
    }

    /** Saint Lucian names, places and phrases. */
    private static final class Words {
        static final List<String> FEMALE = List.of(
                "Marcia",
                "Shermaine",
                "Nadia",
                "Tessa",
                "Cherise",
                "Lydia",
                "Bernadette",
                "Allison",
                "Petronella",
                "Maryann",
                "Kimberly",
                "Shanice",
                "Jeanelle",
                "Marvlyn",
                "Claudette",
                "Verlinda",
                "Felicia",
                "Josephine",
                "Kezia",
                "Anique",
                "Rosemund",
                "Germaine",
                "Juliana",
                "Theresa",
                "Agatha",
                "Sherlene");
        static final List<String> MALE = List.of(
                "Kervin",
                "Jamal",
                "Garvin",
                "Felix",
                "Lucius",
                "Kendell",
                "Dwayne",
                "Ezekiel",
                "Ignatius",
                "Marcus",
                "Shervon",
                "Kurt",
                "Andre",
                "Denis",
                "Cuthbert",
                "Julian",
                "Augustin",
                "Vincent",
                "Rufus",
                "Kennedy",
                "Trevor",
                "Nigel",
                "Lester",
                "Desmond",
                "Peterson",
                "Clement");
        static final List<String> SURNAMES = List.of(
                "Joseph",
                "Charles",
                "St Rose",
                "Jn Baptiste",
                "Alexander",
                "Emmanuel",
                "Edward",
                "Francis",
                "Augustin",
                "Louisy",
                "Mathurin",
                "Auguste",
                "Poleon",
                "Felicien",
                "Leon",
                "Henry",
                "Daniel",
                "Jules",
                "Hippolyte",
                "Pierre",
                "Fontenelle",
                "Cadette",
                "Lionel",
                "Descartes",
                "Gustave",
                "Polius",
                "Mondesir",
                "Monrose",
                "Jn Pierre",
                "Elibox",
                "Regis",
                "Isidore",
                "Theobalds",
                "Prospere",
                "Modeste",
                "St Juste",
                "Lubin",
                "Alcide",
                "Flavien",
                "Fevrier",
                "Lamontagne",
                "Nelson");
        static final List<String> PLACES = List.of(
                "Castries",
                "Marchand",
                "Babonneau",
                "Micoud",
                "Dennery",
                "Soufrière",
                "Vieux Fort",
                "Gros Islet",
                "Laborie",
                "Choiseul",
                "Canaries",
                "Anse La Raye",
                "Bexon",
                "La Clery",
                "Monchy",
                "Desruisseaux",
                "Mon Repos",
                "Grande Rivière",
                "Augier",
                "Piaye",
                "Fond St Jacques",
                "Ciceron",
                "Bois D'Orange");
        /** Street names found in most towns and villages of the island. */
        static final List<String> STREETS = List.of(
                "Main Road",
                "Church Street",
                "Bridge Street",
                "Market Street",
                "High Street",
                "Bay Street",
                "Old Road",
                "Back Street",
                "River Road",
                "Water Street",
                "School Road",
                "Cemetery Road",
                "Morne Road",
                "Police Station Road");

        static final List<String> LANDMARKS = List.of(
                "the Catholic church",
                "the primary school",
                "the health centre",
                "the police station",
                "the playing field",
                "the fish market",
                "the bus stop",
                "the community centre",
                "the Adventist church",
                "the rum shop",
                "the gas station",
                "the post office",
                "the junction",
                "the secondary school",
                "the pastry shop");
        static final List<String> NEAR =
                List.of("behind", "next to", "opposite", "below", "above", "just past", "across from", "near");
        static final List<String> HOUSES = List.of(
                "Blue house",
                "Green and white house",
                "Yellow house",
                "Two-storey house",
                "Wooden house",
                "Pink concrete house",
                "House with the mango tree",
                "Grey house with a red roof",
                "Small white house");
        static final List<String> EMPLOYERS = List.of(
                "Castries City Council",
                "Ministry of Health",
                "Ministry of Education",
                "Bank of Saint Lucia",
                "St Jude Hospital",
                "A hotel in Rodney Bay",
                "A supermarket in Vieux Fort",
                "Self-employed",
                "A construction company in Castries",
                "Soufrière Regional Development Foundation");
        static final List<String> JOBS = List.of(
                "waiter",
                "cook",
                "housekeeper",
                "security guard",
                "cashier",
                "mason",
                "farm hand",
                "bus driver",
                "receptionist",
                "store clerk",
                "gardener",
                "fisherman",
                "carpenter",
                "bartender");
        static final List<String> WORKPLACES = List.of(
                "a hotel in Rodney Bay",
                "a supermarket in Vieux Fort",
                "a restaurant in Soufrière",
                "a construction company in Castries",
                "a banana farm in the Roseau valley",
                "the airport in Vieux Fort",
                "a hardware store in Castries",
                "a guest house in Gros Islet",
                "the market in Castries");
        static final List<String> BUSINESS_FIRST = List.of(
                "Island",
                "Piton",
                "Caribbean",
                "Helen's",
                "Sunrise",
                "Golden Palm",
                "Calabash",
                "Bay Leaf",
                "Coconut Grove",
                "Blue Waters",
                "Breadfruit",
                "Hummingbird",
                "Cocoa Tea",
                "Bamboo");
        static final List<String> BUSINESS_KIND = List.of(
                "Catering",
                "Tours",
                "Hardware",
                "Beauty Salon",
                "Auto Repairs",
                "Farms",
                "Creations",
                "Bakery",
                "Fish Market",
                "Cleaning Services",
                "Construction",
                "Mini Mart",
                "Taxi Service",
                "Crafts");
        static final List<String> RELATIONSHIP_REASONS = List.of(
                "I am caring for my niece while her mother works overseas",
                "He was my uncle and I am settling his estate",
                "She is my godchild and she lives with me",
                "My cousin lives in England and asked me to collect it for her",
                "I am her aunt and I need it to put her in school");
        static final List<String> PROGRAMMES = List.of(
                "NIC old age pension",
                "Koudmen Sent Lisi",
                "Help from the church",
                "Food vouchers from the council",
                "School feeding programme",
                "NIC invalidity pension");
        static final List<String> HELP_NEEDED = List.of(
                "I use a wheelchair",
                "I cannot read well, please read the papers to me",
                "I am hard of hearing",
                "I need a sign language interpreter",
                "I walk with a cane and cannot climb stairs",
                "I am blind and will come with my daughter");
        static final List<String> SERVICES_USED = List.of(
                "Birth certificate",
                "Paying property tax",
                "Renewing my driver's licence",
                "My NIC statement",
                "Registering my business name",
                "Public assistance",
                "Police certificate",
                "Passport application");
        static final List<String> HEALTH = List.of(
                "I have diabetes and take tablets every day.",
                "I have high blood pressure. It is under control with medicine.",
                "I wear glasses and need new ones.",
                "I had an operation on my eye last year.",
                "I need to see a specialist about my knee.",
                "My son needs an inhaler for his asthma.");
        static final List<String> DISABILITY = List.of(
                "My mother is 82 and cannot walk without help.",
                "My son has autism and needs someone with him all day.",
                "I lost my leg to diabetes and I use a wheelchair.",
                "My brother is blind and he lives with us.",
                "My daughter has cerebral palsy. She needs help to eat and to wash.");
        /** What a business does, by a word of the kind of business chosen earlier in the form. */
        static final List<List<String>> BUSINESS_ACTIVITIES = List.of(
                List.of("food", "Cooking and delivering lunches to offices in Castries."),
                List.of("food", "Making and selling bread, cakes and cocoa tea."),
                List.of("farming", "Growing and selling vegetables and herbs to hotels and supermarkets."),
                List.of("farming", "Fishing and selling fresh fish and lambi at the market."),
                List.of("beauty", "Braiding hair and doing nails from my home."),
                List.of("hair", "Braiding hair and doing nails from my home."),
                List.of("tour", "Taking visitors on hikes to the waterfalls near Soufrière."),
                List.of("building", "Building and repairing houses, walls and fences."),
                List.of("construction", "Building and repairing houses, walls and fences."),
                List.of("transport", "Driving visitors from Hewanorra airport to their hotels in my taxi."),
                List.of("taxi", "Driving visitors from Hewanorra airport to their hotels in my taxi."),
                List.of("craft", "Making craft from coconut and bamboo for visitors."),
                List.of("shop", "Selling groceries, drinks and phone cards from a small shop."),
                List.of("retail", "Selling groceries, drinks and phone cards from a small shop."),
                List.of("services", "Cleaning houses and offices."),
                List.of("services", "Fixing cars and motorbikes."));

        static final List<String> APPOINTMENT_REASONS = List.of(
                "Collect my birth certificate.",
                "Ask about my NIC pension.",
                "Pay my property tax and get a statement.",
                "Register the name of my business.",
                "Hand in papers for public assistance.",
                "Renew my driver's licence.",
                "Ask why my tax refund has not come.",
                "Get a letter with my work history.");
        static final List<String> WEEKDAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday");
        static final List<String> MOBILE = List.of(
                "284", "285", "286", "287", "384", "484", "485", "486", "487", "488", "489", "518", "519", "520", "712",
                "713", "714", "715", "716", "717", "718", "719", "720", "721", "722", "723", "724");
        static final List<String> LANDLINE = List.of("450", "451", "452", "453", "454", "455", "456", "457", "458");
        static final List<String> MAIL_DOMAINS =
                List.of("gmail.com", "gmail.com", "gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "live.com");

        final Random random;

        Words(Random random) {
            this.random = random;
        }

        <T> T pick(List<T> list) {
            return list.get(random.nextInt(list.size()));
        }

        String digits(int count) {
            StringBuilder sb = new StringBuilder(count);
            for (int i = 0; i < count; i++) {
                sb.append((char) ('0' + random.nextInt(10)));
            }
            return sb.toString();
        }

        /** A Saint Lucia number, as the kiosk stores it once spaces and dashes are gone. */
        String phone() {
            String number = pick(random.nextInt(5) == 0 ? LANDLINE : MOBILE) + digits(4);
            int style = random.nextInt(10);
            if (style < 5) {
                return "758" + number; // typed "758 452 1234"
            }
            if (style < 9) {
                return "+1758" + number; // typed "+1 (758) 452-1234"
            }
            return number; // typed "452 1234"
        }

        String email(Person person) {
            String first = ascii(person.first());
            String last = ascii(person.surname());
            String local = switch (random.nextInt(4)) {
                case 0 -> first + "." + last;
                case 1 -> first + last + (10 + random.nextInt(90));
                case 2 -> first.charAt(0) + last + (random.nextInt(30) + 1970);
                default -> first + "_" + last;
            };
            return local + "@" + pick(MAIL_DOMAINS);
        }

        String businessName(Person person) {
            return switch (random.nextInt(3)) {
                case 0 -> person.first() + "'s " + pick(BUSINESS_KIND);
                default -> pick(BUSINESS_FIRST) + " " + pick(BUSINESS_KIND);
            };
        }

        String address(String place) {
            return switch (random.nextInt(3)) {
                case 0 -> "Lot " + (1 + random.nextInt(80)) + ", " + pick(STREETS) + ", " + place;
                case 1 -> (1 + random.nextInt(60)) + " " + pick(STREETS) + ", " + place;
                default -> pick(HOUSES) + " " + pick(NEAR) + " " + pick(LANDMARKS) + ", " + place;
            };
        }

        String location(String place) {
            return switch (random.nextInt(4)) {
                case 0 -> "On the main road in " + place + ", " + pick(NEAR) + " " + pick(LANDMARKS);
                case 1 -> capitalize(pick(NEAR)) + " " + pick(LANDMARKS) + " in " + place;
                case 2 -> "At the junction near " + pick(LANDMARKS) + ", " + place;
                default -> "On " + pick(STREETS) + ", " + pick(NEAR) + " " + pick(LANDMARKS);
            };
        }

        /** The opening sentences, then a few of the details in their order. */
        String paragraph(List<String> opening, List<String> details, int minDetails, int maxDetails) {
            List<Integer> indexes = new ArrayList<>();
            for (int i = 0; i < details.size(); i++) {
                indexes.add(i);
            }
            Collections.shuffle(indexes, random);
            int count = Math.min(details.size(), minDetails + random.nextInt(maxDetails - minDetails + 1));
            List<Integer> chosen = new ArrayList<>(indexes.subList(0, count));
            Collections.sort(chosen);
            List<String> sentences = new ArrayList<>(opening);
            chosen.forEach(i -> sentences.add(details.get(i)));
            return String.join(" ", sentences);
        }

        String businessActivity(Set<String> choices, String place) {
            List<String> fitting = new ArrayList<>();
            for (List<String> activity : BUSINESS_ACTIVITIES) {
                if (choices.stream().anyMatch(c -> c.contains(activity.get(0)))) {
                    fitting.add(activity.get(1));
                }
            }
            if (fitting.isEmpty()) {
                BUSINESS_ACTIVITIES.forEach(a -> fitting.add(a.get(1)));
            }
            String activity = pick(fitting);
            return random.nextBoolean() ? activity : activity + " I work mostly in and around " + place + ".";
        }

        List<String> workHistory() {
            int years = 1 + random.nextInt(12);
            return List.of(
                    "I worked " + years + (years == 1 ? " year" : " years") + " as a " + pick(JOBS) + " at "
                            + pick(WORKPLACES) + ".",
                    "Before that I helped my uncle on his farm in " + pick(PLACES) + ".",
                    "I have a food handler's permit.",
                    "I did a CVQ at the Sir Arthur Lewis Community College.",
                    "I am used to early mornings and weekend work.",
                    "I stopped when the hotel closed for repairs.",
                    "I can start at once and I have my own way to get to work.");
        }

        List<String> problem(Set<String> choices, String place) {
            String near = pick(NEAR) + " " + pick(LANDMARKS);
            List<String> out = new ArrayList<>();
            if (choices.contains("pothole")) {
                out.add("There is a deep pothole in the middle of the road " + near + ".");
                out.add("Cars swerve into the other lane to miss it, and it is worse when it rains.");
                out.add("The hole is about two feet wide and full of water.");
                out.add("A minibus broke a spring in it last week.");
            } else if (choices.contains("drain")) {
                out.add("The drain " + near + " is blocked with mud and plastic bottles.");
                out.add("When it rains the water runs across the road and into the yards.");
                out.add("It smells bad and there are a lot of mosquitoes.");
            } else if (choices.contains("streetlight")) {
                out.add("The streetlight " + near + " has been off for two weeks.");
                out.add("It is very dark at night and children walk there to catch the bus.");
                out.add("The light goes on and off all night.");
            } else if (choices.contains("water")) {
                out.add("We have had no water in " + place + " since " + pick(WEEKDAYS) + " morning.");
                out.add("When the water comes back it is brown for an hour.");
                out.add("There is a burst pipe by the side of the road and water has been running for three days.");
                out.add("The pressure is so low that our tank does not fill.");
            } else {
                out.add("There is a problem on the road " + near + " in " + place + ".");
            }
            out.add("Many people pass there every day.");
            out.add("Please send someone to look at it.");
            return out;
        }

        List<String> comment(Set<String> choices) {
            if (choices.contains("1") || choices.contains("2")) {
                return List.of(
                        "I came three times for the same paper because nobody told me what to bring.",
                        "I waited more than three hours and there was nowhere to sit.",
                        "The office closed at lunch time and did not open again on time.",
                        "Please put a list of what to bring on the wall outside.");
            }
            if (choices.contains("4") || choices.contains("5")) {
                return List.of(
                        "The lady at the counter was very kind and explained everything.",
                        "I was in and out in twenty minutes.",
                        "The officer called me when my papers were ready, so I did not make the trip for nothing.",
                        "Thank you to the staff.");
            }
            return List.of(
                    "It was fine, but the line was long.",
                    "Please put more chairs in the waiting area.",
                    "A ticket system would make the line fairer.",
                    "The staff were polite but very busy.");
        }

        List<String> generic(String place) {
            return List.of(
                    "I live in " + place + " and it is hard for me to travel to Castries.",
                    "Please call me if you need anything else.",
                    "Thank you for your help.",
                    "I can bring the papers to the office if you need them.");
        }

        private static String capitalize(String s) {
            return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }

        private static String ascii(String s) {
            return Normalizer.normalize(s, Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "")
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9]", "");
        }
    }

    /** Signatures drawn the way a finger draws them: a capital, a run of loops, a flourish, maybe a dot. */
    static final class Signatures {
        private Signatures() {}

        static List<Stroke> draw(Random random) {
            double baseline = 540 + random.nextInt(120);
            double height = 90 + random.nextInt(90);
            double left = 60 + random.nextInt(120);
            double width = 480 + random.nextInt(220);
            double slant = 0.15 + random.nextDouble() * 0.3;
            List<Stroke> strokes = new ArrayList<>();
            strokes.add(capital(random, left, baseline, height, slant));
            double bodyLeft = left + height * 0.55;
            strokes.add(cursive(random, bodyLeft, baseline, height * 0.45, width * 0.8, slant));
            strokes.add(flourish(random, left, baseline, width));
            if (random.nextInt(10) < 3) {
                strokes.add(dot(random, bodyLeft + width * (0.3 + random.nextDouble() * 0.4), baseline - height));
            }
            return strokes;
        }

        /** A tall looped capital letter. */
        private static Stroke capital(Random random, double left, double baseline, double height, double slant) {
            int n = 40 + random.nextInt(81);
            double turns = 1.0 + random.nextDouble() * 0.4;
            double[] xy = new double[2 * n];
            for (int i = 0; i < n; i++) {
                double t = i / (double) (n - 1);
                double angle = Math.PI / 2 + 2 * Math.PI * turns * t;
                double cx = left + height * 0.25 + t * height * 0.35;
                double y = baseline - height * 0.5 - height * 0.5 * Math.sin(angle);
                double x = cx + height * 0.28 * Math.cos(angle) + slant * (baseline - y);
                xy[2 * i] = x;
                xy[2 * i + 1] = y;
            }
            return stroke(random, xy);
        }

        /** Joined-up small letters: a trochoid, looping where the pen doubles back. */
        private static Stroke cursive(
                Random random, double left, double baseline, double height, double width, double slant) {
            int n = 60 + random.nextInt(61);
            int humps = 4 + random.nextInt(6);
            double loop = 0.5 + random.nextDouble() * 0.5;
            double phase = random.nextDouble() * Math.PI * 2;
            double[] xy = new double[2 * n];
            for (int i = 0; i < n; i++) {
                double t = i / (double) (n - 1);
                double angle = 2 * Math.PI * humps * t;
                double size = height * (0.75 + 0.25 * Math.sin(3 * t + phase));
                double y = baseline - size * (1 - Math.cos(angle)) / 2;
                double x = left + width * t - loop * size * 0.5 * Math.sin(angle) + slant * (baseline - y);
                xy[2 * i] = x;
                xy[2 * i + 1] = y;
            }
            return stroke(random, xy);
        }

        /** The line under the name, rising a little to the right. */
        private static Stroke flourish(Random random, double left, double baseline, double width) {
            int n = 40 + random.nextInt(41);
            double rise = 10 + random.nextInt(40);
            double sag = 8 + random.nextInt(20);
            double[] xy = new double[2 * n];
            for (int i = 0; i < n; i++) {
                double t = i / (double) (n - 1);
                xy[2 * i] = left - 10 + t * (width + 60);
                xy[2 * i + 1] = baseline + 35 + sag * Math.sin(Math.PI * t) - rise * t;
            }
            return stroke(random, xy);
        }

        /** The dot of an i, two to four points close together. */
        private static Stroke dot(Random random, double x, double y) {
            int n = 2 + random.nextInt(3);
            double[] xy = new double[2 * n];
            for (int i = 0; i < n; i++) {
                xy[2 * i] = x + i * 2;
                xy[2 * i + 1] = y + i;
            }
            return stroke(random, xy);
        }

        /** Rounds to the canvas with a little hand tremor, keeping every point on the canvas. */
        private static Stroke stroke(Random random, double[] xy) {
            int[] points = new int[xy.length];
            for (int i = 0; i < xy.length; i++) {
                long v = Math.round(xy[i] + random.nextGaussian() * 1.2);
                points[i] = (int) Math.max(0, Math.min(AnswerLimits.SIGNATURE_CANVAS, v));
            }
            return new Stroke(points);
        }
    }

    /**
     * Samples strings from a regular expression that uses only common features: literals and escaped
     * punctuation, character classes with ranges, {@code \d \w \s .}, groups, alternation, quantifiers and
     * anchors at the ends. Anything else (negated classes, look-around, back-references, flags) is refused.
     */
    static final class PatternSampler {
        private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        /** How many repetitions an open quantifier ({@code * + {n,}}) adds at most. */
        private static final int OPEN_REPEAT = 4;

        private sealed interface Node permits Chars, Sequence, Either, Repeat {}

        private record Chars(String chars) implements Node {}

        private record Sequence(List<Node> items) implements Node {}

        private record Either(List<Node> options) implements Node {}

        private record Repeat(Node node, int min, int max) implements Node {}

        private static final class Unsupported extends Exception {
            @Serial
            private static final long serialVersionUID = 1L;
        }

        private final Node root;

        private PatternSampler(Node root) {
            this.root = root;
        }

        /** A sampler for the regex, or empty if it uses a feature the sampler does not know. */
        static Optional<PatternSampler> of(String regex) {
            try {
                Parser parser = new Parser(regex);
                Node root = parser.alternation();
                if (!parser.atEnd()) {
                    return Optional.empty();
                }
                return Optional.of(new PatternSampler(root));
            } catch (Unsupported e) {
                return Optional.empty();
            }
        }

        String sample(Random random) {
            StringBuilder sb = new StringBuilder();
            sample(root, random, sb);
            return sb.toString();
        }

        private static void sample(Node node, Random random, StringBuilder sb) {
            switch (node) {
                case Chars c ->
                    sb.append(c.chars().charAt(random.nextInt(c.chars().length())));
                case Sequence s -> s.items().forEach(item -> sample(item, random, sb));
                case Either e ->
                    sample(e.options().get(random.nextInt(e.options().size())), random, sb);
                case Repeat r -> {
                    int times = r.min() + random.nextInt(r.max() - r.min() + 1);
                    for (int i = 0; i < times; i++) {
                        sample(r.node(), random, sb);
                    }
                }
            }
        }

        private static final class Parser {
            private final String src;
            private int pos;

            Parser(String src) {
                this.src = src;
            }

            boolean atEnd() {
                return pos >= src.length();
            }

            Node alternation() throws Unsupported {
                List<Node> options = new ArrayList<>();
                options.add(sequence());
                while (!atEnd() && src.charAt(pos) == '|') {
                    pos++;
                    options.add(sequence());
                }
                return options.size() == 1 ? options.getFirst() : new Either(options);
            }

            private Node sequence() throws Unsupported {
                List<Node> items = new ArrayList<>();
                while (!atEnd() && src.charAt(pos) != '|' && src.charAt(pos) != ')') {
                    Node atom = atom();
                    if (atom != null) {
                        items.add(quantified(atom));
                    }
                }
                return new Sequence(items);
            }

            private @Nullable Node atom() throws Unsupported {
                char c = src.charAt(pos++);
                switch (c) {
                    case '(' -> {
                        if (src.startsWith("?:", pos)) {
                            pos += 2;
                        } else if (!atEnd() && src.charAt(pos) == '?') {
                            throw new Unsupported(); // look-around, named groups, flags
                        }
                        Node inner = alternation();
                        if (atEnd() || src.charAt(pos) != ')') {
                            throw new Unsupported();
                        }
                        pos++;
                        return inner;
                    }
                    case '[' -> {
                        return new Chars(characterClass());
                    }
                    case '\\' -> {
                        return new Chars(escape());
                    }
                    case '.' -> {
                        return new Chars(ALNUM);
                    }
                    case '^' -> {
                        if (pos != 1) {
                            throw new Unsupported();
                        }
                        return null;
                    }
                    case '$' -> {
                        if (!atEnd()) {
                            throw new Unsupported();
                        }
                        return null;
                    }
                    case '*', '+', '?', '{', '}', ']', ')' -> throw new Unsupported();
                    default -> {
                        return new Chars(String.valueOf(c));
                    }
                }
            }

            private String escape() throws Unsupported {
                if (atEnd()) {
                    throw new Unsupported();
                }
                char c = src.charAt(pos++);
                return switch (c) {
                    case 'd' -> "0123456789";
                    case 'w' -> ALNUM;
                    case 's' -> " ";
                    default -> {
                        if (Character.isLetterOrDigit(c)) {
                            throw new Unsupported(); // \b, \p{..}, \1, \Q and the like
                        }
                        yield String.valueOf(c);
                    }
                };
            }

            private String characterClass() throws Unsupported {
                if (!atEnd() && src.charAt(pos) == '^') {
                    throw new Unsupported();
                }
                StringBuilder chars = new StringBuilder();
                boolean first = true;
                while (true) {
                    if (atEnd()) {
                        throw new Unsupported();
                    }
                    char c = src.charAt(pos++);
                    if (c == ']' && !first) {
                        break;
                    }
                    first = false;
                    if (c == '[' || src.startsWith("&&", pos - 1)) {
                        throw new Unsupported();
                    }
                    String item = c == '\\' ? escape() : String.valueOf(c);
                    if (item.length() == 1
                            && pos + 1 < src.length()
                            && src.charAt(pos) == '-'
                            && src.charAt(pos + 1) != ']') {
                        pos++;
                        char to = src.charAt(pos++);
                        if (to == '\\') {
                            String escaped = escape();
                            if (escaped.length() != 1) {
                                throw new Unsupported();
                            }
                            to = escaped.charAt(0);
                        }
                        chars.append(range(item.charAt(0), to));
                    } else {
                        chars.append(item);
                    }
                }
                if (chars.isEmpty()) {
                    throw new Unsupported();
                }
                return chars.toString();
            }

            /** A range, kept to printable ASCII when it is wider than that. */
            private static String range(char from, char to) throws Unsupported {
                if (from > to) {
                    throw new Unsupported();
                }
                StringBuilder sb = new StringBuilder();
                for (char c = from; c <= to && c < Character.MAX_VALUE; c++) {
                    if (to - from < 128 || (c >= ' ' && c < 127 && Character.isLetterOrDigit(c))) {
                        sb.append(c);
                    }
                }
                if (sb.isEmpty()) {
                    sb.append(from);
                }
                return sb.toString();
            }

            private Node quantified(Node atom) throws Unsupported {
                if (atEnd()) {
                    return atom;
                }
                int min;
                int max;
                switch (src.charAt(pos)) {
                    case '?' -> {
                        min = 0;
                        max = 1;
                        pos++;
                    }
                    case '*' -> {
                        min = 0;
                        max = OPEN_REPEAT;
                        pos++;
                    }
                    case '+' -> {
                        min = 1;
                        max = 1 + OPEN_REPEAT;
                        pos++;
                    }
                    case '{' -> {
                        int close = src.indexOf('}', pos);
                        if (close < 0) {
                            throw new Unsupported();
                        }
                        String[] bounds = src.substring(pos + 1, close).split(",", -1);
                        try {
                            min = Integer.parseInt(bounds[0].strip());
                            if (bounds.length == 1) {
                                max = min;
                            } else if (bounds[1].isBlank()) {
                                max = min + OPEN_REPEAT;
                            } else {
                                max = Integer.parseInt(bounds[1].strip());
                            }
                        } catch (NumberFormatException e) {
                            throw new Unsupported();
                        }
                        if (bounds.length > 2 || min > max || max > 10_000) {
                            throw new Unsupported();
                        }
                        pos = close + 1;
                    }
                    default -> {
                        return atom;
                    }
                }
                if (!atEnd() && (src.charAt(pos) == '?' || src.charAt(pos) == '+')) {
                    pos++; // lazy and possessive quantifiers match the same strings here
                }
                return new Repeat(atom, min, max);
            }
        }
    }
}
