package org.credstack.catalog.credential;

/** How the learning is delivered (CTDL {@code learningDeliveryType}: online, in person, blended). */
public enum DeliveryMode {
    ONLINE,
    IN_PERSON,
    HYBRID
}
