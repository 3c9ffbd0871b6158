package org.accesscentre.testing.answers;

import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/** The citizen filling in the form, so that their name, e-mail address and family name agree throughout. */
record Person(boolean female, String first, @Nullable String middle, String surname) {
    static Person random(Random random) {
        boolean female = random.nextBoolean();
        List<String> firsts = female ? Names.FEMALE : Names.MALE;
        String first = Pick.one(random, firsts);
        String middle = random.nextInt(3) == 0 ? Pick.one(random, firsts) : null;
        if (first.equals(middle)) {
            middle = null;
        }
        return new Person(female, first, middle, Pick.one(random, Names.SURNAMES));
    }

    String fullName() {
        return middle == null ? first + " " + surname : first + " " + middle + " " + surname;
    }
}
