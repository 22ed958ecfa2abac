/**
 * Information co-investigation (信息协查) between two centers, both sides: the asking center says what to check about a
 * person or an employer and why; the investigating center receives it (the platform's working-day clock starts),
 * its staff answer; the asking center closes it. The platform's warning and breach reach both centers and show on the
 * case. See docs/adr/0014.
 */
package cn.tongban.center.coinvestigation;
