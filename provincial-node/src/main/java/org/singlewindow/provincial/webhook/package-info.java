/**
 * Subscriptions and webhooks (订阅推送; issue 28): an enterprise registers HTTPS endpoints for the events of its
 * documents (status changes, receipts, amendment and cancellation steps) and a signing method (SM2 by the node, or
 * HMAC-SM3 with a secret shown once). Each event becomes one delivery per endpoint in the transaction that records
 * it; deliveries go at least once, in order per endpoint, with a stable event id, retried with a doubling wait for
 * up to a day, logged, sent again by hand; an endpoint that keeps failing is paused. Endpoints must be public HTTPS
 * addresses, checked again before each delivery.
 */
package org.singlewindow.provincial.webhook;
