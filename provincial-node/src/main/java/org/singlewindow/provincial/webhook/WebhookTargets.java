package org.singlewindow.provincial.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where a webhook may be sent (no server-side request forgery): an absolute {@code https} URL without credentials,
 * whose host resolves only to public addresses: no loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7),
 * link-local (169.254/16, fe80::/10, the cloud metadata address among them), carrier-grade NAT (100.64/10), any-local
 * or multicast address. Checked when an endpoint is registered and again before every delivery (an address may
 * change after registration); redirects are never followed. The local profile alone allows {@code 127.0.0.1} (over
 * plain HTTP too), for a receiver on the developer's machine.
 */
final class WebhookTargets {

    private WebhookTargets() {
    }

    /** Why {@code url} may not be an endpoint (null when it may). */
    static String refusal(String url, boolean allowLoopback) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException | NullPointerException e) {
            return "not a URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!uri.isAbsolute() || host == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return "an absolute URL with a host, without user info or fragment";
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return "its host does not resolve";
        }
        boolean allLoopback = true;
        for (InetAddress address : addresses) {
            allLoopback &= address.isLoopbackAddress();
        }
        if (allowLoopback && allLoopback && (scheme.equals("https") || scheme.equals("http"))) {
            return null;
        }
        if (!scheme.equals("https")) {
            return "an endpoint is https";
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return "its host resolves to a non-public address (" + address.getHostAddress() + ")";
            }
        }
        return null;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            return (b[0] & 0xFE) != 0xFC; // fc00::/7 unique local
        }
        int first = b[0] & 0xFF;
        int second = b[1] & 0xFF;
        return !(first == 100 && second >= 64 && second <= 127) // 100.64/10 carrier-grade NAT
                && first != 0;
    }
}
