package org.accesscentre.testing.answers;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Saint Lucian phone numbers (area code 758) and the e-mail addresses people there have. */
final class Contacts {
    // The exchanges, the three digits after 758, of the mobile networks and of landlines.
    private static final List<String> MOBILE = List.of(
            "284", "285", "286", "287", "384", "484", "485", "486", "487", "488", "489", "518", "519", "520", "712",
            "713", "714", "715", "716", "717", "718", "719", "720", "721", "722", "723", "724");
    private static final List<String> LANDLINE = List.of("450", "451", "452", "453", "454", "455", "456", "457", "458");
    // Listed by how common they are: most people have a Gmail address.
    private static final List<String> MAIL_DOMAINS =
            List.of("gmail.com", "gmail.com", "gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "live.com");

    private Contacts() {}

    /** A Saint Lucia number, as the kiosk stores it once spaces and dashes are gone. */
    static String phone(Random random) {
        String number = Pick.one(random, random.nextInt(5) == 0 ? LANDLINE : MOBILE) + Pick.digits(random, 4);
        int style = random.nextInt(10);
        if (style < 5) {
            return "758" + number; // typed "758 452 1234"
        }
        if (style < 9) {
            return "+1758" + number; // typed "+1 (758) 452-1234"
        }
        return number; // typed "452 1234"
    }

    static String email(Random random, Person person) {
        String first = ascii(person.first());
        String last = ascii(person.surname());
        String local = switch (random.nextInt(4)) {
            case 0 -> first + "." + last;
            case 1 -> first + last + (10 + random.nextInt(90));
            case 2 -> first.charAt(0) + last + (random.nextInt(30) + 1970);
            default -> first + "_" + last;
        };
        return local + "@" + Pick.one(random, MAIL_DOMAINS);
    }

    /** "St Rose" as a mailbox name: "strose". */
    private static String ascii(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]", "");
    }
}
