package org.credstack.badge.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The bitstring of a W3C Bitstring Status List v1.0 (§2.1 BitstringStatusList, §3.1 Bitstring Generation
 * Algorithm, §3.2 Bitstring Expansion Algorithm): {@value #LENGTH} one-bit entries, 1 meaning the status
 * ({@code revocation}) applies, and its {@code encodedList} form: the letter {@code u} (multibase base64url)
 * followed by the base64url encoding, without padding, of the GZIP-compressed bitstring.
 *
 * <p>Index 0 is the left-most bit: the most significant bit of the first byte; index {@code i} is bit {@code 7 -
 * i % 8} of byte {@code i / 8}. Not thread-safe.
 */
public final class BitstringStatusList {

    /** Entries per list: 131,072 bits (16 KiB uncompressed), the minimum §2.1 requires for herd privacy. */
    public static final int LENGTH = 131_072;

    private static final char MULTIBASE_BASE64URL = 'u';

    private final byte[] bits;

    private BitstringStatusList(byte[] bits) {
        this.bits = bits;
    }

    /** A list of {@value #LENGTH} entries, none set. */
    public static BitstringStatusList empty() {
        return new BitstringStatusList(new byte[LENGTH / 8]);
    }

    /**
     * A list with the given entries set.
     *
     * @throws IllegalArgumentException if an index is outside {@code [0, LENGTH)}
     */
    public static BitstringStatusList withSet(Iterable<Integer> indexes) {
        BitstringStatusList list = empty();
        indexes.forEach(list::set);
        return list;
    }

    /**
     * Reads an {@code encodedList}.
     *
     * @throws IllegalArgumentException if it lacks the {@code u} prefix, is not base64url or not GZIP, or holds
     *     fewer than {@value #LENGTH} bits
     */
    public static BitstringStatusList decode(String encodedList) {
        if (encodedList == null || encodedList.isEmpty() || encodedList.charAt(0) != MULTIBASE_BASE64URL) {
            throw new IllegalArgumentException("encodedList must start with the multibase prefix 'u' (base64url)");
        }
        byte[] compressed;
        try {
            compressed = Base64.getUrlDecoder().decode(encodedList.substring(1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("encodedList is not base64url: " + e.getMessage(), e);
        }
        byte[] bits;
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            bits = gzip.readAllBytes();
        } catch (IOException e) {
            throw new IllegalArgumentException("encodedList is not GZIP-compressed: " + e.getMessage(), e);
        }
        if (bits.length * 8L < LENGTH) {
            throw new IllegalArgumentException(
                    "encodedList holds " + bits.length * 8L + " bits, a status list has at least " + LENGTH);
        }
        return new BitstringStatusList(bits);
    }

    /** How many entries the list has. */
    public int length() {
        return bits.length * 8;
    }

    /** Sets entry {@code index}; @throws IllegalArgumentException if it is outside the list */
    public void set(int index) {
        check(index);
        bits[index / 8] |= (byte) (0x80 >>> (index % 8));
    }

    /** Whether entry {@code index} is set; @throws IllegalArgumentException if it is outside the list */
    public boolean isSet(int index) {
        check(index);
        return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
    }

    /** The {@code encodedList} value: {@code u} + base64url (no padding) of the GZIP-compressed bits. */
    public String encode() {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(bits);
        } catch (IOException e) {
            throw new UncheckedIOException("GZIP to memory failed", e);
        }
        return MULTIBASE_BASE64URL + Base64.getUrlEncoder().withoutPadding().encodeToString(compressed.toByteArray());
    }

    private void check(int index) {
        if (index < 0 || index >= length()) {
            throw new IllegalArgumentException("status list index " + index + " is outside [0, " + length() + ")");
        }
    }
}
