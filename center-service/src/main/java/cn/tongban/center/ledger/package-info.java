/**
 * The personal-account ledger (个人明细账): one {@link cn.tongban.center.ledger.LedgerEntry entry} per balance change,
 * typed by the national business types (GJHTQYWLX) and corrected only by reversing entries (冲账, CZBZ); the
 * {@link cn.tongban.center.ledger.Ledger balance} as the sum of the entries; {@link cn.tongban.center.ledger.Reconciliation
 * reconciliation} of stored balances; yearly {@link cn.tongban.center.ledger.InterestSettlement interest settlement}
 * (年度结息) by the accumulation method. Plain Java: no framework, no store. Depends on nothing else of the center.
 */
package cn.tongban.center.ledger;
