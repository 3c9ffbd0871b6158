package org.accesscentre.testing.answers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.IntSupplier;

/** Random picks that every generator makes. */
final class Pick {
    private Pick() {}

    static <T> T one(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    static String digits(Random random, int count) {
        StringBuilder sb = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }

    /**
     * A few of the items, in the order they are listed, as a citizen ticks boxes or tells a story. The count is
     * a supplier because paragraphs draw it after the shuffle and ticked boxes before it; keeping both orders
     * keeps the answers each seed has always given.
     */
    static <T> List<T> someInOrder(Random random, List<T> items, IntSupplier count) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            indexes.add(i);
        }
        Collections.shuffle(indexes, random);
        List<Integer> chosen = new ArrayList<>(indexes.subList(0, count.getAsInt()));
        Collections.sort(chosen);
        return chosen.stream().map(items::get).toList();
    }
}
