package org.credstack.identity.client;

/** A registration has this {@code client_id} already (answered 409 {@code client-id-taken}). */
public class ClientIdTaken extends RuntimeException {

    public ClientIdTaken(String clientId) {
        super("a client with the client_id " + clientId + " exists already");
    }
}
