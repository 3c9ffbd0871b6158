package org.accesscentre.testing.answers;

import java.util.List;
import java.util.Random;

/**
 * Saint Lucian communities, streets and landmarks. Many homes there have no street number, so an address or a
 * location is as often given by a landmark ("behind the health centre") as by a lot or a number.
 */
final class Places {
    static final List<String> COMMUNITIES = List.of(
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
    private static final List<String> STREETS = List.of(
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

    private static final List<String> LANDMARKS = List.of(
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
    private static final List<String> NEAR =
            List.of("behind", "next to", "opposite", "below", "above", "just past", "across from", "near");
    private static final List<String> HOUSES = List.of(
            "Blue house",
            "Green and white house",
            "Yellow house",
            "Two-storey house",
            "Wooden house",
            "Pink concrete house",
            "House with the mango tree",
            "Grey house with a red roof",
            "Small white house");

    private Places() {}

    static String address(Random random, String place) {
        return switch (random.nextInt(3)) {
            case 0 -> "Lot " + (1 + random.nextInt(80)) + ", " + Pick.one(random, STREETS) + ", " + place;
            case 1 -> (1 + random.nextInt(60)) + " " + Pick.one(random, STREETS) + ", " + place;
            default -> Pick.one(random, HOUSES) + " " + nearLandmark(random) + ", " + place;
        };
    }

    static String location(Random random, String place) {
        return switch (random.nextInt(4)) {
            case 0 -> "On the main road in " + place + ", " + nearLandmark(random);
            case 1 -> capitalize(nearLandmark(random)) + " in " + place;
            case 2 -> "At the junction near " + Pick.one(random, LANDMARKS) + ", " + place;
            default -> "On " + Pick.one(random, STREETS) + ", " + nearLandmark(random);
        };
    }

    /** "behind the health centre" */
    static String nearLandmark(Random random) {
        return Pick.one(random, NEAR) + " " + Pick.one(random, LANDMARKS);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
