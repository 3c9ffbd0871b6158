package org.accesscentre.core.catalogue;

import java.util.List;

/**
 * A service's words in one locale: what the citizen reads before and after filling in the form.
 *
 * @param whatYouNeed what to have at hand, one item per entry
 * @param fee the fee in words, such as "EC$ 25.00, paid at the desk"
 * @param processingTime how long the agency takes, in words
 * @param confirmation what happens next, shown with the reference number
 * @param keywords plain words a citizen might search with
 */
public record ServiceText(
        String title,
        String summary,
        List<String> whatYouNeed,
        String fee,
        String processingTime,
        String confirmation,
        List<String> keywords) {
    public ServiceText {
        whatYouNeed = List.copyOf(whatYouNeed);
        keywords = List.copyOf(keywords);
    }
}
