/**
 * Subscriptions and webhooks end to end: real HTTP receivers (one slow, one answering 500 five times, one down until
 * it comes up), every event acknowledged once per id and in order, signatures checked as a receiver checks them,
 * a failing endpoint paused and resumed, a delivery sent again by hand, and endpoints that are not public refused.
 */
package org.singlewindow.federation.webhooks;
