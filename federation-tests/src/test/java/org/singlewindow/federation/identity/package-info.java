/**
 * Who may do what: login and tokens, delegations, broker users, credential guessing, the edge in front of local
 * services, event-stream limits and the audit chain.
 */
package org.singlewindow.federation.identity;
