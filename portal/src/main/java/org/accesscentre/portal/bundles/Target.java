package org.accesscentre.portal.bundles;

import java.util.regex.Pattern;
import org.accesscentre.portal.http.ApiException;

/**
 * Who a bundle is for: every device, one centre's, or one device. A device gets the most specific one:
 * its own, else its centre's, else everyone's.
 */
public record Target(String value) {
    private static final Pattern FORM = Pattern.compile("all|centre:[A-Z]{3}|device:dev_[a-z0-9]{12}");

    public static final Target ALL = new Target("all");

    public static Target parse(String text) {
        if (!FORM.matcher(text).matches()) {
            throw ApiException.badRequest("invalid_target", "target is all, centre:<CODE> or device:<device id>");
        }
        return new Target(text);
    }

    public static Target centre(String centre) {
        return new Target("centre:" + centre);
    }

    public static Target device(String deviceId) {
        return new Target("device:" + deviceId);
    }
}
