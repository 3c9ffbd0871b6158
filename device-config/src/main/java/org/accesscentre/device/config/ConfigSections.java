package org.accesscentre.device.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.PublicKey;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.accesscentre.core.json.JsonInputException;
import org.accesscentre.core.json.Node;
import org.accesscentre.core.keys.KeyFormatException;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.device.pin.PinHash;
import org.accesscentre.device.pin.PinHasher;
import org.jspecify.annotations.Nullable;

/** Maps the nested sections of a configuration file: portal, session, opening hours and attendants. */
final class ConfigSections {
    static final int MAX_PINS = 10;
    static final int MAX_WARNINGS = 5;
    static final int MAX_ATTENDANTS = 100;

    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final Pattern ATTENDANT_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    private ConfigSections() {}

    static Portal portal(Node n) throws JsonInputException {
        n.allowOnly(Set.of("url", "envelopeKey", "pinSha256"));
        URI url = portalUrl(n.required("url"));
        PublicKey envelopeKey = publicKey(n.required("envelopeKey"), Keys.X25519);
        List<String> pins = new ArrayList<>();
        if (n.has("pinSha256")) {
            for (Node pin : n.elements("pinSha256", MAX_PINS)) {
                String text = pin.asText();
                if (decodedLength(text) != 32) {
                    throw pin.error("must be the base64 SHA-256 (32 bytes) of the certificate's public key info");
                }
                if (pins.contains(text)) {
                    throw pin.error("this pin is listed twice");
                }
                pins.add(text);
            }
        }
        return new Portal(url, envelopeKey, pins);
    }

    private static URI portalUrl(Node n) throws JsonInputException {
        String text = n.asText(2048);
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw n.error("'" + Node.clip(text) + "' is not a URL");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost();
        if (!url.isAbsolute() || host == null || url.isOpaque()) {
            throw n.error("must be a full URL such as https://portal.gov.lc, not '" + Node.clip(text) + "'");
        }
        if (url.getRawUserInfo() != null) {
            throw n.error("must not hold a user name or password");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw n.error("must not have a query or a fragment");
        }
        // Plain http would show every sealed envelope's metadata and the device tokens to the network.
        if (!scheme.equals("https") && !(scheme.equals("http") && isLoopback(host))) {
            throw n.error("must be https unless the host is loopback");
        }
        return url;
    }

    /** Loopback by its literal name or address only: a DNS answer must never decide whether to use TLS. */
    static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            return InetAddress.ofLiteral(bare).isLoopbackAddress();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static PublicKey publicKey(Node n, String algorithm) throws JsonInputException {
        String text = n.asText();
        byte[] der;
        try {
            der = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw n.error("is not valid base64");
        }
        try {
            return Keys.publicFromDer(der, algorithm, "key");
        } catch (KeyFormatException e) {
            throw n.error("is not an " + algorithm + " public key (base64 of its X.509 encoding)");
        }
    }

    private static int decodedLength(String base64) {
        try {
            return Base64.getDecoder().decode(base64).length;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    static SessionPolicy session(Node n) throws JsonInputException {
        n.allowOnly(Set.of("limitMinutes", "warningMinutes"));
        int limit = DeviceConfigReader.optionalInt(n, "limitMinutes", 30, 5, 240);
        if (!n.has("warningMinutes")) {
            List<Duration> fallback = SessionPolicy.DEFAULT.warnings().stream()
                    .filter(w -> w.toMinutes() < limit)
                    .toList();
            return new SessionPolicy(Duration.ofMinutes(limit), fallback);
        }
        List<Duration> warnings = new ArrayList<>();
        int previous = Integer.MAX_VALUE;
        for (Node w : n.elements("warningMinutes", MAX_WARNINGS)) {
            int minutes = w.asInt(1, 240);
            if (minutes >= limit) {
                throw w.error("must be less than limitMinutes (" + limit + "), not " + minutes);
            }
            if (minutes >= previous) {
                throw w.error("warnings must be listed from the earliest to the last, such as [5, 1]");
            }
            previous = minutes;
            warnings.add(Duration.ofMinutes(minutes));
        }
        return new SessionPolicy(Duration.ofMinutes(limit), warnings);
    }

    static OpeningHours openingHours(Node n) throws JsonInputException {
        Map<DayOfWeek, OpeningHours.Hours> days = new EnumMap<>(DayOfWeek.class);
        Map<String, Node> entries = n.entries(7);
        if (entries.isEmpty()) {
            throw n.error("must name at least one open day; leave openingHours out for no schedule");
        }
        for (Map.Entry<String, Node> e : entries.entrySet()) {
            // Refused even when lenient: a misspelt day would silently close the centre that day.
            DayOfWeek day = dayOf(e.getKey());
            if (day == null) {
                throw n.error(e.getKey(), "is not a day of the week: use monday to sunday in lower case");
            }
            Node hours = e.getValue();
            hours.allowOnly(Set.of("open", "close"));
            LocalTime open = time(hours.required("open"));
            LocalTime close = time(hours.required("close"));
            if (!open.isBefore(close)) {
                throw hours.error("close", "must be after the opening time " + open + ", not " + close);
            }
            days.put(day, new OpeningHours.Hours(open, close));
        }
        return new OpeningHours(true, days);
    }

    private static @Nullable DayOfWeek dayOf(String name) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().toLowerCase(Locale.ROOT).equals(name)) {
                return day;
            }
        }
        return null;
    }

    private static LocalTime time(Node n) throws JsonInputException {
        String text = n.asText();
        if (!TIME.matcher(text).matches()) {
            throw n.error("must be a time such as 08:00 or 16:30, not '" + Node.clip(text) + "'");
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw n.error("must be a time such as 08:00 or 16:30, not '" + Node.clip(text) + "'");
        }
    }

    static List<Attendant> attendants(Node array) throws JsonInputException {
        List<Attendant> attendants = new ArrayList<>();
        Map<String, Integer> hashes = new HashMap<>();
        for (Node n : array.elements(MAX_ATTENDANTS)) {
            n.allowOnly(Set.of("id", "name", "pinHash"));
            String id = n.required("id")
                    .asId(s -> ATTENDANT_ID.matcher(s).matches(), "use 1 to 32 lower-case letters, digits, '-' or '_'");
            if (attendants.stream().anyMatch(a -> a.id().equals(id))) {
                throw n.error("id", "there is already an attendant with id '" + id + "'");
            }
            String name = n.required("name").asText(100);
            Node hashNode = n.required("pinHash");
            PinHash hash;
            try {
                hash = PinHash.parse(hashNode.asText());
            } catch (IllegalArgumentException e) {
                throw hashNode.error(e.getMessage());
            }
            if (hash.iterations() < PinHasher.MIN_ITERATIONS) {
                throw hashNode.error("has " + hash.iterations() + " iterations; a kiosk needs at least "
                        + PinHasher.MIN_ITERATIONS + " (make a new one with kioskctl pin hash)");
            }
            // The same salt and hash twice is a copy-paste: each attendant's PIN must be hashed on its own.
            Integer earlier = hashes.putIfAbsent(hash.encoded(), attendants.size());
            if (earlier != null) {
                throw hashNode.error("is the same as attendants[" + earlier + "].pinHash; hash each PIN separately");
            }
            attendants.add(new Attendant(id, name, hash));
        }
        return attendants;
    }
}
