package cn.tongban.center.policy;

import cn.tongban.center.loan.LoanRateTable;
import cn.tongban.contracts.CenterCode;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One center's local policy (地方住房公积金政策): its rules as versions by effective date, and the loan rates over
 * time. Loaded from {@code policy/<center code>.yml} by {@link PolicyLoader}; the same policy code decides for every
 * center, fed with its own configuration.
 *
 * @param name the center's name, e.g. 北京住房公积金管理中心
 * @param versions at least one, in strictly increasing order of {@code effectiveFrom}
 */
public record CenterPolicy(CenterCode center, String name, List<PolicyVersion> versions, LoanRateTable loanRates) {

    /** Reason code when an application is made before the first version of the policy. */
    public static final String NO_POLICY_IN_FORCE = "NO_POLICY_IN_FORCE";

    public CenterPolicy {
        Objects.requireNonNull(center, "center");
        Objects.requireNonNull(versions, "versions");
        Objects.requireNonNull(loanRates, "loanRates");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a center has a name");
        }
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("a policy has at least one version");
        }
        for (int i = 1; i < versions.size(); i++) {
            if (!versions.get(i).effectiveFrom().isAfter(versions.get(i - 1).effectiveFrom())) {
                throw new IllegalArgumentException("policy versions go in strictly increasing order of effective date: "
                        + versions.get(i).effectiveFrom() + " follows " + versions.get(i - 1).effectiveFrom());
            }
        }
        versions = List.copyOf(versions);
    }

    /** The version in force on {@code day}: the last one that took effect on or before it. */
    public Optional<PolicyVersion> versionOn(LocalDate day) {
        PolicyVersion found = null;
        for (PolicyVersion version : versions) {
            if (!version.effectiveFrom().isAfter(day)) {
                found = version;
            }
        }
        return Optional.ofNullable(found);
    }

    <T> Decision.Rejected<T> noPolicyInForce(LocalDate day) {
        return Decision.rejected(NO_POLICY_IN_FORCE, name + "在 " + day + " 尚无适用的政策（最早的政策自 "
                + versions.get(0).effectiveFrom() + " 起执行）");
    }
}
