package org.credstack.runtime.ratelimit;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;

/**
 * What a limit counts requests by (property value in kebab case: {@code client-address}, {@code caller}).
 *
 * <p>The client address is {@link HttpServletRequest#getRemoteAddr()}: the socket's peer, unless the deployment
 * says it sits behind a proxy ({@code server.forward-headers-strategy=native} lets Tomcat take it from {@code
 * X-Forwarded-For} sent by a proxy in {@code server.tomcat.remoteip.internal-proxies} / {@code trusted-proxies};
 * {@code framework} trusts the header from anyone). This class never reads {@code X-Forwarded-For} itself, so a
 * client cannot pick its own address. IPv6 addresses count by their /64 network, the block one subscriber
 * usually holds.
 *
 * <p>The caller is read from the {@code Authorization} header without checking it (checking is the security
 * filter's job, after this one): the user name of HTTP Basic (a partner key id; the secret after the colon is
 * dropped unread), or the {@code sub} (else {@code client_id}) claim of a bearer JWT. Without either, or when the
 * header does not parse, the caller is its client address. Since the claim is not yet verified, a client can
 * name any caller; the {@code client-address} limits on the same paths are the backstop for that.
 */
public enum RateLimitKey {
    CLIENT_ADDRESS,
    CALLER;

    /** Longest caller id kept as a key; longer ones are cut, so a header cannot make a key of kilobytes. */
    static final int MAX_CALLER_LENGTH = 200;

    /**
     * The key of {@code request} under this kind: {@code address:<ip>} ({@code address:<prefix>::/64} for IPv6),
     * {@code key:<basic user>} or {@code sub:<subject>}.
     */
    public String of(HttpServletRequest request) {
        if (this == CALLER) {
            Optional<String> caller = caller(request.getHeader(HttpHeaders.AUTHORIZATION));
            if (caller.isPresent()) {
                return caller.get();
            }
        }
        return "address:" + network(request.getRemoteAddr());
    }

    /** The words used in a problem's detail: "client address", "caller". */
    String describe() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static Optional<String> caller(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        int space = authorization.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String scheme = authorization.substring(0, space);
        String credentials = authorization.substring(space + 1).strip();
        if (scheme.equalsIgnoreCase("Basic")) {
            return basicUser(credentials).map(user -> "key:" + cut(user));
        }
        if (scheme.equalsIgnoreCase("Bearer")) {
            return subject(credentials).map(subject -> "sub:" + cut(subject));
        }
        return Optional.empty();
    }

    /** The part before the first colon of the decoded {@code user:secret}; the secret is not kept. */
    private static Optional<String> basicUser(String credentials) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(credentials);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = indexOf(decoded, (byte) ':');
        String user = new String(decoded, 0, colon < 0 ? decoded.length : colon, StandardCharsets.UTF_8);
        Arrays.fill(decoded, (byte) 0);
        return user.isBlank() ? Optional.empty() : Optional.of(user);
    }

    /** {@code sub}, else {@code client_id}, of a JWT, read without verifying its signature. */
    private static Optional<String> subject(String token) {
        try {
            JWTClaimsSet claims = JWTParser.parse(token).getJWTClaimsSet();
            String subject = claims.getSubject();
            if (subject == null || subject.isBlank()) {
                subject = claims.getStringClaim("client_id");
            }
            return subject == null || subject.isBlank() ? Optional.empty() : Optional.of(subject);
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /** The address as is for IPv4, its /64 network for IPv6. */
    static String network(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return String.valueOf(address);
        }
        try {
            // an IP literal: parsed, never looked up
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            Arrays.fill(bytes, 8, 16, (byte) 0);
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static String cut(String id) {
        return id.length() <= MAX_CALLER_LENGTH ? id : id.substring(0, MAX_CALLER_LENGTH);
    }
}
