package cn.tongban.center.policy;

import cn.tongban.contracts.Money;
import java.time.LocalDate;
import java.util.Objects;

/** An earlier purchase withdrawal of the applicant (购房提取记录). */
public record PastWithdrawal(LocalDate on, String homeId, Money amount) {

    public PastWithdrawal {
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(homeId, "homeId");
        Objects.requireNonNull(amount, "amount");
    }
}
