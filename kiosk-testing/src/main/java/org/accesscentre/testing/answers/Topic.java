package org.accesscentre.testing.answers;

import java.util.Locale;

/**
 * What a question is about, from its id and its English label. Catalogues are written by agencies, not by us,
 * so the text is chosen by words like "mother" or "landmark" rather than by known question ids.
 */
final class Topic {
    private final String text;

    Topic(String id, String englishLabel) {
        this.text = (id.replace('_', ' ').replace('-', ' ') + " " + englishLabel).toLowerCase(Locale.ROOT);
    }

    boolean about(String... keys) {
        for (String key : keys) {
            if (text.contains(key)) {
                return true;
            }
        }
        return false;
    }
}
