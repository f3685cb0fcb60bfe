package org.credstack.demo;

import java.net.URI;

/**
 * Where the four services answer.
 *
 * @param catalog catalog-service, e.g. {@code http://localhost:8081}
 * @param enrollment enrollment-service ({@code 8082})
 * @param badge badge-service ({@code 8083})
 * @param notification notification-service ({@code 8084})
 * @param identity identity-service, the OpenID Connect provider that signs the tokens ({@code 8080})
 */
public record PlatformUrls(URI catalog, URI enrollment, URI badge, URI notification, URI identity) {

    /**
     * The services of a platform started by the launcher on this machine with {@code --port-offset=portOffset}.
     *
     * @param portOffset 0 for the default ports 8080-8084
     */
    public static PlatformUrls local(int portOffset) {
        return new PlatformUrls(
                local(8081, portOffset),
                local(8082, portOffset),
                local(8083, portOffset),
                local(8084, portOffset),
                local(8080, portOffset));
    }

    private static URI local(int port, int offset) {
        return URI.create("http://localhost:" + (port + offset));
    }
}
