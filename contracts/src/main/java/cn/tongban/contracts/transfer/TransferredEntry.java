package cn.tongban.contracts.transfer;

import cn.tongban.contracts.Money;
import java.time.LocalDate;

/**
 * One entry of the old center's ledger of the account, sent with the transfer-out so that the new center keeps the
 * history (历史明细).
 *
 * @param businessType the business type code (缴存提取业务类型) of JGJ/T 320, e.g. {@code 01} 汇缴
 * @param amount signed, as in the old ledger
 */
public record TransferredEntry(String serialNumber, LocalDate date, String businessType, Money amount) {
}
