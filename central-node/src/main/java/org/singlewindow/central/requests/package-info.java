/**
 * Signed one-time requests at central (a delegation given, a certificate bound to an enterprise): the request carries
 * a nonce and a signing time, the nonce is taken once per purpose in {@code request_nonce} and forgotten after
 * {@code sw.retention.nonces}, so a captured request cannot be replayed ({@code 409 REPLAYED}).
 */
package org.singlewindow.central.requests;
