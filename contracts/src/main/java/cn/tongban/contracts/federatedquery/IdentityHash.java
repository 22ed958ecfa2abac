package cn.tongban.contracts.federatedquery;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The keyed hash of an identity number (身份证号码密钥摘要): HMAC-SM3 of the number's 18 characters (upper-case
 * check character, UTF-8) under the federation key, written as 64 lower-case hex digits. The centers share the
 * key and the platform does not hold it, so the platform can match a person's accounts across centers without
 * ever seeing the number, and cannot compute the hash of any number itself (there are only about 10^9
 * plausible identity numbers: an unkeyed hash would be reversed by trying them all).
 */
public record IdentityHash(String value) {

    public IdentityHash {
        if (value == null || !value.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("an identity hash is 64 lower-case hex digits (HMAC-SM3)");
        }
    }

    @JsonCreator
    public static IdentityHash of(String value) {
        return new IdentityHash(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value.substring(0, 12) + "…";
    }
}
