/**
 * Identity on every node: bearer tokens issued by central, validated with central's keys (cached, so that a node
 * keeps working while central is down: "register once, use nationwide"), or with the issuer's own key set where one
 * exists ({@link org.singlewindow.node.identity.IssuerKeys}), a token's signature verified once a minute
 * ({@code RememberedTokens}); the caller's roles, enterprise, agency and province as
 * {@link org.singlewindow.node.identity.Caller}; problem+json answers for 401/403; what a role adds to the chain
 * ({@link org.singlewindow.node.identity.ApiChainCustomizer}); and, with {@code sw.cluster.enabled}, login sessions
 * in the database ({@link org.singlewindow.node.identity.ClusterSessions}). The issuer itself is central's.
 */
package org.singlewindow.node.identity;
