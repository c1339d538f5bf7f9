/**
 * The provincial role's assembly: a main class only. Its behaviour comes from the node engine
 * ({@code node-core}), its configuration ({@code provincial-node*.yml}) and routing rules
 * ({@code rules/provincial-routing-rules.yaml}).
 */
package org.singlewindow.provincial;
