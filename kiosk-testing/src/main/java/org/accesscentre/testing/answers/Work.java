package org.accesscentre.testing.answers;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Where Saint Lucians work and the small businesses they register: employers, job histories, trade names. */
final class Work {
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
    private static final List<String> JOBS = List.of(
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
    private static final List<String> WORKPLACES = List.of(
            "a hotel in Rodney Bay",
            "a supermarket in Vieux Fort",
            "a restaurant in Soufrière",
            "a construction company in Castries",
            "a banana farm in the Roseau valley",
            "the airport in Vieux Fort",
            "a hardware store in Castries",
            "a guest house in Gros Islet",
            "the market in Castries");
    private static final List<String> BUSINESS_FIRST = List.of(
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
    private static final List<String> BUSINESS_KIND = List.of(
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
    /** What a business does, by a word of the kind of business chosen earlier in the form. */
    private static final List<List<String>> BUSINESS_ACTIVITIES = List.of(
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

    private Work() {}

    static String businessName(Random random, Person person) {
        return switch (random.nextInt(3)) {
            case 0 -> person.first() + "'s " + Pick.one(random, BUSINESS_KIND);
            default -> Pick.one(random, BUSINESS_FIRST) + " " + Pick.one(random, BUSINESS_KIND);
        };
    }

    /** What the business does, fitting the kind of business chosen earlier if there is one. */
    static String businessActivity(Random random, Set<String> choices, String place) {
        List<String> fitting = new ArrayList<>();
        for (List<String> activity : BUSINESS_ACTIVITIES) {
            if (choices.stream().anyMatch(c -> c.contains(activity.get(0)))) {
                fitting.add(activity.get(1));
            }
        }
        if (fitting.isEmpty()) {
            BUSINESS_ACTIVITIES.forEach(a -> fitting.add(a.get(1)));
        }
        String activity = Pick.one(random, fitting);
        return random.nextBoolean() ? activity : activity + " I work mostly in and around " + place + ".";
    }

    /** The latest job first, then details a job seeker might add. */
    static List<String> history(Random random) {
        int years = 1 + random.nextInt(12);
        return List.of(
                "I worked " + years + (years == 1 ? " year" : " years") + " as a " + Pick.one(random, JOBS) + " at "
                        + Pick.one(random, WORKPLACES) + ".",
                "Before that I helped my uncle on his farm in " + Pick.one(random, Places.COMMUNITIES) + ".",
                "I have a food handler's permit.",
                "I did a CVQ at the Sir Arthur Lewis Community College.",
                "I am used to early mornings and weekend work.",
                "I stopped when the hotel closed for repairs.",
                "I can start at once and I have my own way to get to work.");
    }
}
