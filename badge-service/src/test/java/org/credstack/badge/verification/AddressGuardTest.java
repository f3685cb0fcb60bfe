package org.credstack.badge.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import org.credstack.badge.verification.DocumentUnavailableException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSRF guard: which URLs the verifier may fetch, with host names resolved by a map (no DNS). */
class AddressGuardTest {

    static final Map<String, String> DNS = Map.of(
            "issuer.example", "93.184.215.14",
            "internal.example", "10.1.2.3",
            "metadata.example", "169.254.169.254",
            "v6.example", "2606:4700::6810:84e5");

    final AddressGuard guard = new AddressGuard(false, false, AddressGuardTest::resolve);

    static InetAddress[] resolve(String host) throws UnknownHostException {
        String address = DNS.getOrDefault(host, host);
        if (!Character.isDigit(address.charAt(0)) && !address.contains(":")) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(address)};
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.8.9.10",
                "10.0.0.1",
                "172.16.0.1",
                "172.31.255.254",
                "192.168.1.1",
                "169.254.169.254",
                "100.64.0.1",
                "0.0.0.0",
                "224.0.0.1",
                "255.255.255.255",
                "[::1]",
                "[::]",
                "[fc00::1]",
                "[fd12:3456::1]",
                "[fe80::1]",
                "[ff02::1]",
                "[::ffff:127.0.0.1]",
                "[::ffff:10.0.0.1]",
                "[64:ff9b::a00:1]",
                "[2002:c0a8:101::1]",
                "internal.example",
                "metadata.example"
            })
    void refusesHostsThatAreNotPublic(String host) {
        DocumentUnavailableException refused = catchThrowableOfType(
                DocumentUnavailableException.class, () -> guard.check(URI.create("https://" + host + "/did.json")));

        assertThat(refused.reason()).isEqualTo(Reason.REFUSED_ADDRESS);
    }

    @Test
    void refusesAnIpv4MappedIpv6AddressEvenWhenTheResolverKeepsItIpv6() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 192, (byte) 168, 0, 1};
        AddressGuard sneaky =
                new AddressGuard(false, false, host -> new InetAddress[] {Inet6Address.getByAddress(host, mapped, -1)});

        DocumentUnavailableException refused = catchThrowableOfType(
                DocumentUnavailableException.class, () -> sneaky.check(URI.create("https://mapped.example/")));

        assertThat(refused.reason()).isEqualTo(Reason.REFUSED_ADDRESS);
    }

    @Test
    void refusesAHostWhenAnyOfItsAddressesIsPrivate() {
        AddressGuard twoAddresses = new AddressGuard(false, false, host ->
                new InetAddress[] {InetAddress.getByName("93.184.215.14"), InetAddress.getByName("192.168.0.7")});

        DocumentUnavailableException refused = catchThrowableOfType(
                DocumentUnavailableException.class, () -> twoAddresses.check(URI.create("https://both.example/")));

        assertThat(refused.reason()).isEqualTo(Reason.REFUSED_ADDRESS);
        assertThat(refused.getMessage()).contains("192.168.0.7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://issuer.example/issuers/1", "https://v6.example/did.json", "https://8.8.8.8/"})
    void letsPublicHostsThrough(String url) {
        assertThatNoException().isThrownBy(() -> guard.check(URI.create(url)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://issuer.example/issuers/1", "file:///etc/passwd", "ftp://issuer.example/x"})
    void refusesEverySchemeButHttps(String url) {
        DocumentUnavailableException refused =
                catchThrowableOfType(DocumentUnavailableException.class, () -> guard.check(URI.create(url)));

        assertThat(refused.reason()).isEqualTo(Reason.REFUSED_SCHEME);
    }

    @Test
    void anUnknownHostIsSaidSo() {
        DocumentUnavailableException refused = catchThrowableOfType(
                DocumentUnavailableException.class, () -> guard.check(URI.create("https://nowhere.example/")));

        assertThat(refused.reason()).isEqualTo(Reason.UNKNOWN_HOST);
    }

    @Test
    void privateHostsAndHttpPassOnlyWhenConfigured() {
        AddressGuard development = new AddressGuard(true, true, AddressGuardTest::resolve);

        assertThatNoException().isThrownBy(() -> development.check(URI.create("http://127.0.0.1:8080/did.json")));
        assertThat(catchThrowableOfType(
                                DocumentUnavailableException.class,
                                () -> development.check(URI.create("file:///etc/passwd")))
                        .reason())
                .isEqualTo(Reason.REFUSED_SCHEME);
    }
}
