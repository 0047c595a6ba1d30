package org.claimwire.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Making and hashing key secrets. A secret is {@code cw_} + 32 random bytes (base64url), so an unsalted
 * SHA-256 suffices to store it: nobody can guess a 256-bit secret from its hash, and a fixed hash lets a
 * service find the key in one map lookup (a salted, slow hash is for low-entropy passwords).
 */
public final class ApiKeys {
    /** The request header that carries a key; {@code Authorization: Bearer <key>} works too. */
    public static final String HEADER = "X-API-Key";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    public static String newSecret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return "cw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static String newId() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return "key-" + HexFormat.of().formatHex(b);
    }

    /** Lower-case hex SHA-256 of the secret's UTF-8 bytes. */
    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key in {@code X-API-Key} or else in {@code Authorization: Bearer …}; null when neither is given. */
    public static String fromHeaders(String apiKeyHeader, String authorization) {
        String k = apiKeyHeader;
        if ((k == null || k.isBlank()) && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            k = authorization.substring(7);
        }
        return k == null || k.isBlank() ? null : k.trim();
    }

    /** Constant-time comparison of two hashes (hex). */
    public static boolean sameHash(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII),
                b.getBytes(StandardCharsets.US_ASCII));
    }
}
