package cn.tongban.contracts.casefile;

import cn.tongban.contracts.IdentityNumber;
import java.util.Objects;

/** The person a case is about (申请人), as identified at the counter. */
public record Applicant(IdentityNumber identityNumber, String name) {

    public Applicant {
        Objects.requireNonNull(identityNumber, "identityNumber");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the applicant's name is required");
        }
    }

    @Override
    public String toString() {
        return "Applicant[" + identityNumber.masked() + "]";
    }
}
