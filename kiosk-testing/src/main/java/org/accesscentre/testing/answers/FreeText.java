package org.accesscentre.testing.answers;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.accesscentre.core.catalogue.Field;

/** What a citizen would write for a question, judged from what it is about, before its rules are applied. */
final class FreeText {
    // What the validator takes for a national ID when the question has no pattern of its own.
    private static final Pattern NATIONAL_ID = Pattern.compile("[A-Z0-9-]{4,32}");

    private final Random random;
    private final Person person;

    FreeText(Random random, Person person) {
        this.random = random;
        this.person = person;
    }

    String write(Field field, FormSoFar form) {
        return switch (field.type()) {
            case PHONE -> Contacts.phone(random);
            case EMAIL -> Contacts.email(random, person);
            case NATIONAL_ID -> nationalId(field, form);
            case LONG_TEXT -> longText(field, form);
            default -> shortText(field, form);
        };
    }

    private String shortText(Field field, FormSoFar form) {
        Topic t = form.topic(field);
        if (t.about("mother")) {
            return Pick.one(random, Names.FEMALE) + " " + Pick.one(random, Names.SURNAMES);
        }
        if (t.about("father")) {
            return Pick.one(random, Names.MALE) + " " + person.surname();
        }
        if (t.about("business", "company", "proposed", "alternative", "trade") && t.about("name")) {
            return Work.businessName(random, person);
        }
        if (t.about("employer")) {
            return Pick.one(random, Work.EMPLOYERS);
        }
        if (t.about("name")) {
            return form.mentions("child")
                    ? Pick.one(random, person.female() ? Names.MALE : Names.FEMALE) + " " + person.surname()
                    : person.fullName();
        }
        if (t.about("address", "street")) {
            return Places.address(random, form.place(random));
        }
        if (t.about("location", "where exactly", "landmark")) {
            return Places.location(random, form.place(random));
        }
        if (t.about("relationship", "why you need")) {
            return Pick.one(random, Phrases.RELATIONSHIP_REASONS);
        }
        if (t.about("programme", "support")) {
            return Pick.one(random, Phrases.PROGRAMMES);
        }
        if (t.about("help")) {
            return Pick.one(random, Phrases.HELP_NEEDED);
        }
        if (t.about("service")) {
            return Pick.one(random, Phrases.SERVICES_USED);
        }
        String example = form.example(field);
        if (example != null) {
            return Examples.vary(random, example, false);
        }
        return form.place(random);
    }

    private String longText(Field field, FormSoFar form) {
        Topic t = form.topic(field);
        if (t.about("experience", "work have you done", "worked")) {
            List<String> history = Work.history(random);
            return Stories.paragraph(random, history.subList(0, 1), history.subList(1, history.size()), 0, 2);
        }
        if (t.about("disab")) {
            return Pick.one(random, Stories.DISABILITY);
        }
        if (t.about("health", "medical", "medicine")) {
            return Stories.paragraph(random, List.of(), Stories.HEALTH, 1, 2);
        }
        if (t.about("activity", "business do")) {
            return Work.businessActivity(random, form.choiceValues(), form.place(random));
        }
        if (t.about("describe", "description", "problem")) {
            List<String> problem = Stories.problem(random, form.choiceValues(), form.place(random));
            return Stories.paragraph(random, problem.subList(0, 1), problem.subList(1, problem.size()), 0, 2);
        }
        if (t.about("comment", "feedback", "else do you want")) {
            return Stories.paragraph(random, List.of(), Stories.comment(form.choiceValues()), 1, 2);
        }
        if (t.about("reason", "need to do", "appointment")) {
            return Pick.one(random, Phrases.APPOINTMENT_REASONS);
        }
        String example = form.example(field);
        return example != null
                ? example
                : Stories.paragraph(random, List.of(), Stories.generic(form.place(random)), 1, 2);
    }

    private String nationalId(Field field, FormSoFar form) {
        String example = form.example(field);
        if (example != null
                && NATIONAL_ID.matcher(Examples.normalize(field, example)).matches()) {
            return Examples.vary(random, Examples.normalize(field, example), true);
        }
        return (char) ('A' + random.nextInt(26)) + Pick.digits(random, 7);
    }
}
