/**
 * HTTP conventions of every node: errors are RFC 9457 problem details ({@code application/problem+json}) with a
 * stable {@code code}, English {@code title}/{@code detail}, Chinese {@code titleZh}/{@code detailZh}, and, for
 * invalid documents, every offending field in {@code errors} (JSON path, code, messages in both languages).
 */
package org.singlewindow.node.web;
