package cn.tongban.center.registration;

import java.time.Instant;
import java.util.Objects;

/**
 * One step in a registration case's history.
 *
 * @param reasonCode null unless the step is a refusal
 * @param by the subject of the caller, or {@code system} for steps the center takes itself
 */
public record StateChange(RegistrationState state, Instant at, String by, String reasonCode, String reason) {

    public StateChange {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
    }
}
