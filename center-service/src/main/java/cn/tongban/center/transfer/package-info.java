/**
 * Account transfer between centers (异地转移接续), both sides: the new center (转入地) issues the contact letter and
 * asks, the old center (转出地) checks, accepts or refuses, settles interest, closes the account, pays the balance to
 * the new center's settlement account once and sends the transfer-out facts with the history; the new center credits
 * it. Every money movement is keyed on the contact-letter number, and {@link cn.tongban.center.transfer.TransferReconciliation}
 * shows in = out per letter. See docs/adr/0014.
 */
package cn.tongban.center.transfer;
