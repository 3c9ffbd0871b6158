package org.accesscentre.testing.answers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sampler behind answers to patterned questions that have no usable example. */
class PatternSamplerTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "[0-9]{5,9}",
                "[A-Za-z] ?[0-9]{4,8}",
                "[0-9]{4}[A-Za-z] ?[0-9]{1,5}",
                "\\d{3}-\\d{4}",
                "(SLU|LC)\\d{6}",
                "[A-Z]{1,3}\\.?\\d+",
                "^\\+?1?758\\d{7}$",
                "[a-z]+(\\.[a-z]+)*@[a-z]+\\.lc",
                "(?:AB|CD)-[0-9A-F]{8}",
                "[\\w.-]{3,10}",
                "NIC/\\d{2,}/[A-Z]"
            })
    void samplesCommonPatternShapes(String regex) {
        PatternSampler sampler = PatternSampler.of(regex).orElseThrow();
        Pattern pattern = Pattern.compile(regex);
        Random random = new Random(11);
        for (int i = 0; i < 100; i++) {
            String sample = sampler.sample(random);
            assertTrue(pattern.matcher(sample).matches(), regex + " -> " + sample);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"(?i)abc", "[^0-9]+", "\\bword\\b", "(a)\\1", "(?=x)x", "\\p{Lu}+", "[a-z&&[^e]]"})
    void refusesPatternsItCannotSample(String regex) {
        assertFalse(PatternSampler.of(regex).isPresent(), regex);
    }
}
