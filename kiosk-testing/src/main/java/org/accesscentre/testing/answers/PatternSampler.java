package org.accesscentre.testing.answers;

import java.util.Optional;
import java.util.Random;

/**
 * Samples strings from a regular expression that uses only common features: literals and escaped punctuation,
 * character classes with ranges, {@code \d \w \s .}, groups, alternation, quantifiers and anchors at the ends.
 * It is the last resort for a pattern that neither natural text nor the question's example meets.
 */
final class PatternSampler {
    private final Regex root;

    private PatternSampler(Regex root) {
        this.root = root;
    }

    /** A sampler for the regex, or empty if it uses a feature the sampler does not know. */
    static Optional<PatternSampler> of(String regex) {
        return PatternParser.parse(regex).map(PatternSampler::new);
    }

    String sample(Random random) {
        StringBuilder sb = new StringBuilder();
        sample(root, random, sb);
        return sb.toString();
    }

    private static void sample(Regex node, Random random, StringBuilder sb) {
        switch (node) {
            case Regex.Chars c ->
                sb.append(c.chars().charAt(random.nextInt(c.chars().length())));
            case Regex.Sequence s -> s.items().forEach(item -> sample(item, random, sb));
            case Regex.Either e ->
                sample(e.options().get(random.nextInt(e.options().size())), random, sb);
            case Regex.Repeat r -> {
                int times = r.min() + random.nextInt(r.max() - r.min() + 1);
                for (int i = 0; i < times; i++) {
                    sample(r.node(), random, sb);
                }
            }
        }
    }
}
