package org.accesscentre.testing.answers;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Paragraphs for the long free-text questions: a problem to report, feedback, health and care needs. The
 * sentences follow the choices made earlier in the form, so a report about a pothole describes a pothole and
 * feedback after a low rating complains.
 */
final class Stories {
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
    private static final List<String> WEEKDAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday");

    private Stories() {}

    /** The opening sentences, then a few of the details in their order. */
    static String paragraph(Random random, List<String> opening, List<String> details, int minDetails, int maxDetails) {
        List<String> sentences = new ArrayList<>(opening);
        sentences.addAll(Pick.someInOrder(
                random,
                details,
                () -> Math.min(details.size(), minDetails + random.nextInt(maxDetails - minDetails + 1))));
        return String.join(" ", sentences);
    }

    /** The opening sentence about the problem chosen earlier, then details in the order they would be told. */
    static List<String> problem(Random random, Set<String> choices, String place) {
        String near = Places.nearLandmark(random);
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
            out.add("We have had no water in " + place + " since " + Pick.one(random, WEEKDAYS) + " morning.");
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

    /** Feedback that agrees with the rating given: 1 or 2 of 5 complains, 4 or 5 thanks. */
    static List<String> comment(Set<String> choices) {
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

    /** For a long question about nothing we recognise: what anyone might add at the end of a form. */
    static List<String> generic(String place) {
        return List.of(
                "I live in " + place + " and it is hard for me to travel to Castries.",
                "Please call me if you need anything else.",
                "Thank you for your help.",
                "I can bring the papers to the office if you need them.");
    }
}
