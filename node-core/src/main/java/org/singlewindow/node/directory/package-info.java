/**
 * Publishes the data element directory on every node: {@code GET /api/v1/directory} (elements, code lists with
 * their sources, document types with their fields, rules and references, each agency's data subset) and
 * {@code GET /api/v1/schemas/{documentType}} (a JSON Schema generated from the directory for offline
 * validation). Both are public: they describe the contract, not anybody's data.
 */
package org.singlewindow.node.directory;
