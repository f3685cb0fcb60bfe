package org.credstack.badge.verification;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.credstack.badge.verification.DocumentUnavailableException.Reason;

/**
 * The SSRF guard of {@link RemoteDocuments}: a credential names the URLs the verifier fetches, so whoever submits one
 * could point the service at its own network. A URL passes only when it is {@code https} (or {@code http} where
 * allowed) and every address its host resolves to is a public unicast address: not loopback ({@code 127/8}, {@code
 * ::1}), unspecified ({@code 0/8}, {@code ::}), private ({@code 10/8}, {@code 172.16/12}, {@code 192.168/16}, {@code
 * fc00::/7}, {@code fec0::/10}), shared ({@code 100.64/10}, where some clouds keep their metadata service),
 * link-local ({@code 169.254/16}, {@code fe80::/10}), multicast, or reserved ({@code 240/4}, {@code 192.0.0/24},
 * {@code 198.18/15}); an IPv6 address that carries an IPv4 one (IPv4-mapped {@code ::ffff:0:0/96}, IPv4-compatible,
 * NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) is judged by that IPv4 address.
 */
final class AddressGuard {

    /** Resolves a host name to its addresses; {@link InetAddress#getAllByName} in production. */
    @FunctionalInterface
    interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowHttp;
    private final boolean allowPrivateHosts;
    private final HostResolver resolver;

    AddressGuard(boolean allowHttp, boolean allowPrivateHosts, HostResolver resolver) {
        this.allowHttp = allowHttp;
        this.allowPrivateHosts = allowPrivateHosts;
        this.resolver = resolver;
    }

    /**
     * Checks a URL before it is fetched.
     *
     * @throws DocumentUnavailableException {@code refused scheme}, {@code unknown host} or {@code refused address}
     */
    void check(URI url) {
        String scheme = url.getScheme();
        boolean schemeAllowed = "https".equalsIgnoreCase(scheme) || (allowHttp && "http".equalsIgnoreCase(scheme));
        if (!schemeAllowed || url.getHost() == null || url.getRawUserInfo() != null) {
            throw new DocumentUnavailableException(
                    url, Reason.REFUSED_SCHEME, allowHttp ? "only http(s) URLs with a host" : "only https URLs");
        }
        if (allowPrivateHosts) {
            return;
        }
        String host = url.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new DocumentUnavailableException(url, Reason.UNKNOWN_HOST, null);
        }
        if (addresses.length == 0) {
            throw new DocumentUnavailableException(url, Reason.UNKNOWN_HOST, null);
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new DocumentUnavailableException(
                        url, Reason.REFUSED_ADDRESS, host + " resolves to " + address.getHostAddress());
            }
        }
    }

    /** Whether an address is public unicast (see the class comment for what is not). */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicIpv4(bytes);
        }
        if (address instanceof Inet6Address) {
            byte[] embedded = embeddedIpv4(bytes);
            if (embedded != null) {
                return isPublicIpv4(embedded);
            }
            return (bytes[0] & 0xfe) != 0xfc; // fc00::/7 unique local
        }
        return false;
    }

    private static boolean isPublicIpv4(byte[] ip) {
        int a = ip[0] & 0xff;
        int b = ip[1] & 0xff;
        int c = ip[2] & 0xff;
        return a != 0 // this network
                && a != 10
                && a != 127
                && !(a == 100 && b >= 64 && b <= 127) // shared address space (CGNAT)
                && !(a == 169 && b == 254)
                && !(a == 172 && b >= 16 && b <= 31)
                && !(a == 192 && b == 168)
                && !(a == 192 && b == 0 && c == 0) // IETF protocol assignments
                && !(a == 198 && (b == 18 || b == 19)) // benchmarking
                && a < 224; // multicast, reserved, broadcast
    }

    private static final List<byte[]> IPV4_CARRYING_PREFIXES = List.of(
            new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff}, // IPv4-mapped
            new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, // IPv4-compatible (deprecated)
            new byte[] {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0}); // NAT64

    /** The IPv4 address an IPv6 address carries, or {@code null}. */
    private static byte[] embeddedIpv4(byte[] ip) {
        for (byte[] prefix : IPV4_CARRYING_PREFIXES) {
            if (Arrays.equals(ip, 0, 12, prefix, 0, 12)) {
                return Arrays.copyOfRange(ip, 12, 16);
            }
        }
        if (ip[0] == 0x20 && ip[1] == 0x02) { // 6to4
            return Arrays.copyOfRange(ip, 2, 6);
        }
        return null;
    }
}
