package org.credstack.badge.signing;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Multibase {@code base58btc}: a {@code z} prefix followed by the Bitcoin base58 alphabet
 * (the Multibase IETF draft; used for {@code proofValue} and Multikey values).
 */
final class Base58Btc {

    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(58);

    private Base58Btc() {}

    /** {@code z} followed by the base58btc digits of {@code bytes}; each leading zero byte becomes {@code 1}. */
    static String encode(byte[] bytes) {
        var digits = new StringBuilder();
        for (BigInteger n = new BigInteger(1, bytes); n.signum() > 0; ) {
            BigInteger[] quotientAndRemainder = n.divideAndRemainder(BASE);
            digits.append(ALPHABET.charAt(quotientAndRemainder[1].intValue()));
            n = quotientAndRemainder[0];
        }
        for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
            digits.append(ALPHABET.charAt(0));
        }
        return "z" + digits.reverse();
    }

    /**
     * The bytes of a multibase base58btc string.
     *
     * @throws IllegalArgumentException if the value lacks the {@code z} prefix or holds a character
     *     outside the base58btc alphabet
     */
    static byte[] decode(String multibase) {
        if (multibase == null || !multibase.startsWith("z")) {
            throw new IllegalArgumentException("not a multibase base58btc value (no 'z' prefix): " + multibase);
        }
        String digits = multibase.substring(1);
        BigInteger n = BigInteger.ZERO;
        for (int i = 0; i < digits.length(); i++) {
            int digit = ALPHABET.indexOf(digits.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException(
                        "character '" + digits.charAt(i) + "' at " + (i + 1) + " is not base58btc: " + multibase);
            }
            n = n.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        int leadingZeros = 0;
        while (leadingZeros < digits.length() && digits.charAt(leadingZeros) == ALPHABET.charAt(0)) {
            leadingZeros++;
        }
        byte[] magnitude = n.signum() == 0 ? new byte[0] : n.toByteArray();
        if (magnitude.length > 0 && magnitude[0] == 0) {
            magnitude = Arrays.copyOfRange(magnitude, 1, magnitude.length);
        }
        byte[] bytes = new byte[leadingZeros + magnitude.length];
        System.arraycopy(magnitude, 0, bytes, leadingZeros, magnitude.length);
        return bytes;
    }
}
