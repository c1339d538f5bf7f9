/**
 * The central role's assembly: a main class only. Its behaviour comes from the node engine ({@code node-core})
 * and its configuration ({@code central-node.yml}, {@code central-node-local.yml}, {@code central-node-prod.yml})
 * and routing rules ({@code rules/central-routing-rules.yaml}).
 */
package org.singlewindow.central;
