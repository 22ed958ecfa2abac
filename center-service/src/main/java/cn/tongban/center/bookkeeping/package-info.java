/**
 * Bookkeeping jobs on the stored ledgers (记账作业): the yearly interest settlement (年度结息) on 30 June, and the nightly
 * reconciliation of every account's balance with the sum of its entries (余额与明细账核对) and of the day's withdrawal
 * entries with the bank's statement (银行对账). Each run holds a lease (ShedLock, collection {@code leases}), so one
 * instance of the center runs it; its report is kept and shown to staff.
 */
package cn.tongban.center.bookkeeping;
