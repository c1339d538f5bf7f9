/**
 * The goods declaration (报关单) contract: the public JSON a declarant submits, as Java records, and its validator.
 * The validator works on the JSON tree rather than on bound records so that it can report every offending field
 * at once, type errors included, each with its JSON path, a code, and a message in Chinese and English.
 */
package org.singlewindow.contracts.declaration;
