package cn.tongban.center.policy;

import java.util.List;

/**
 * A policy file that cannot be used, with every problem found in it, each prefixed by its path in the file
 * ({@code versions[1].contribution.personalRate.max: 13% is above the national cap of 12% (line 14)}). Thrown at
 * start-up: a center does not run on a policy it cannot read.
 */
public final class PolicyFileException extends RuntimeException {

    private final List<String> problems;

    public PolicyFileException(List<String> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    private static String message(List<String> problems) {
        return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the policy file:\n  - "
                + String.join("\n  - ", problems);
    }
}
