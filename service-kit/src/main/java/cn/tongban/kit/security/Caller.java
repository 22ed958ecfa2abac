package cn.tongban.kit.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The authenticated caller as the application sees it: who, with which roles, and for a person or an
 * employer agent whose records they may see.
 */
public record Caller(String subject, Authentication authentication) {

    /** Claim of an EMPLOYEE token: the person's identity number. */
    public static final String IDENTITY_NUMBER_CLAIM = "idn";
    /** Claim of an EMPLOYER_AGENT token: the unit account number of their employer. */
    public static final String EMPLOYER_CLAIM = "employer";
    /** Claim of a CENTER_SERVICE token: the code of the center whose service calls. */
    public static final String CENTER_CLAIM = "center";

    public static Caller of(Authentication authentication) {
        return new Caller(authentication.getName(), authentication);
    }

    public boolean has(Role role) {
        return authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(role.authority()));
    }

    /** A member of a center's staff who may see every record of the center: clerk, reviewer or administrator. */
    public boolean isCenterStaff() {
        return has(Role.COUNTER_CLERK) || has(Role.REVIEWER) || has(Role.CENTER_ADMIN);
    }

    public Optional<String> identityNumber() {
        return claim(IDENTITY_NUMBER_CLAIM);
    }

    public Optional<String> employer() {
        return claim(EMPLOYER_CLAIM);
    }

    /** The center a CENTER_SERVICE token speaks for, as its claim says (unchecked text). */
    public Optional<String> center() {
        return claim(CENTER_CLAIM);
    }

    private Optional<String> claim(String name) {
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return Optional.ofNullable(jwt.getToken().getClaimAsString(name));
        }
        return Optional.empty();
    }
}
