package cn.tongban.center.catalogue;

import java.time.Instant;

/**
 * Paper materials sent by mail (纸质材料邮寄): the scans travel through the platform, the originals by post. The
 * tracking number ties the sending center's record to the receiving center's.
 *
 * @param carrier e.g. 中国邮政EMS, 顺丰速运
 * @param sentAt when the sending center handed the parcel over; null at the receiving center until it is told
 * @param receivedAt when the receiving center signed for it; null until then
 */
public record PaperMailing(String carrier, String trackingNumber, Instant sentAt, String sentBy, Instant receivedAt,
                           String receivedBy) {
}
