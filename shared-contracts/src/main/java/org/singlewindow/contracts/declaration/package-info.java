/**
 * The goods declaration (报关单) contract as Java records, and the {@link org.singlewindow.contracts.declaration.Violation}
 * every validator reports. Validation itself is driven by the data element directory
 * ({@link org.singlewindow.contracts.directory}); it works on the JSON tree so that it can report every
 * offending field at once, type errors included.
 */
package org.singlewindow.contracts.declaration;
