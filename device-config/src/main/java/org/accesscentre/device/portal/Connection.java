package org.accesscentre.device.portal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A portal and the bearer token to send it. Made only through {@link #portalUri} and {@link #checkToken}, so
 * a token never travels in clear to another machine unless {@code --insecure} said so.
 *
 * @param portal the portal's base URI, without a trailing slash
 * @param token the API token; never printed, not even by {@link #toString()}
 */
public record Connection(URI portal, String token) {
    /** Visible ASCII: what the portal's tokens are made of, and all a header may safely carry. */
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]{1,1024}");

    public Connection {
        portal = portalUri(portal.toString(), true);
        checkToken(token);
    }

    /**
     * The portal's base URI from what the user wrote.
     *
     * @throws IllegalArgumentException with a message for people if it is not an http(s) URL, or if it is
     *     http:// to a host other than this machine and {@code insecure} is false
     */
    public static URI portalUri(String url, boolean insecure) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("the portal's URL starts with https://");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("the URL has no host name");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("a URL with a user name or password; the token goes in KIOSK_TOKEN");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("the portal's URL has no ?query or #fragment");
        }
        if (scheme.equals("http") && !insecure && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("refusing to send the token in clear to " + uri.getHost()
                    + " over http://; use https://, or --insecure on a network you trust");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }

    /** @throws IllegalArgumentException if it cannot be a token; the message never quotes it */
    public static String checkToken(String token) {
        if (!TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException(
                    token.isEmpty() ? "the token is empty" : "the token has spaces or characters a token never has");
        }
        return token;
    }

    /**
     * This machine only, by name or address: a name is not resolved, since a DNS answer is no promise that
     * the traffic stays on this machine.
     */
    static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.contains(":") && !h.matches("[0-9.]+")) {
            return false; // a name: InetAddress.ofLiteral would refuse it anyway
        }
        try {
            return InetAddress.ofLiteral(h).isLoopbackAddress();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "Connection[portal=" + portal + ", token=(hidden)]";
    }
}
