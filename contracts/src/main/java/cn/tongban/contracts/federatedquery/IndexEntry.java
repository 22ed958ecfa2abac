package cn.tongban.contracts.federatedquery;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a center's holder index: whether the person behind {@code person} holds an open account at the
 * publishing center, as of an instant. The platform keeps, per person and center, only the newest line it has
 * seen, so lines that arrive out of order or twice change nothing.
 *
 * @param holds true when the person has an account at the center that is not closed (销户)
 * @param asOf when the center read this fact; the newer fact wins
 */
public record IndexEntry(IdentityHash person, boolean holds, Instant asOf) {

    public IndexEntry {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(asOf, "asOf");
    }
}
