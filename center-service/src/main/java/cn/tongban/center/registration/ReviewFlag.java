package cn.tongban.center.registration;

import java.util.Objects;

/** Something a clerk should look at (人工复核), e.g. a credit code failing its check yet held by the register. */
public record ReviewFlag(String code, String reason) {

    public ReviewFlag {
        Objects.requireNonNull(code, "code");
    }
}
