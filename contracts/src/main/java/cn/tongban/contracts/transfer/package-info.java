/**
 * Account transfer between centers (异地转移接续) as events: the new center's transfer-in application, its
 * cancellation, the old center's transfer-out with the facts the national transfer platform carries, and the new
 * center's credit. Delivery, acceptance (联系函确认接收) and refusal (转出审核不通过) are the common case events
 * ({@code casefile}). See docs/adr/0014.
 */
package cn.tongban.contracts.transfer;
