/**
 * Information co-investigation (信息协查) between two centers as events: one center asks another to check a fact about a
 * person or an employer, the other answers within the catalogue's working-day limit (item 22), the asking center
 * closes it. Delivery and acceptance are the common case events; the platform's clock warns and marks a breach to both.
 */
package cn.tongban.contracts.coinvestigation;
