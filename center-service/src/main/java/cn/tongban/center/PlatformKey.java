package cn.tongban.center;

import java.security.PublicKey;

/** The platform's SM2 public key: everything forwarded to this center must be signed with it. */
public record PlatformKey(PublicKey key) {
}
