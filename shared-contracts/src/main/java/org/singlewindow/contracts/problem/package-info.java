/**
 * The error answer of every layer (RFC 9457 problem details, {@code application/problem+json}) in the federation's
 * bilingual form: {@code type}, {@code title}, {@code status}, {@code detail}, plus {@code code}, {@code titleZh} and
 * {@code detailZh}. The nodes and the gateway write it, and {@link org.singlewindow.contracts.problem.ContainerRefusals}
 * makes the servlet container's own refusals (those made before any application code runs) take the same form.
 */
package org.singlewindow.contracts.problem;
