/**
 * Identifiers with check characters and the code lists documents are validated against. Code lists are plain
 * text files shipped on the classpath (one code per line, {@code #} comments naming their source); loading them
 * touches no network and no disk outside the jar.
 */
package org.singlewindow.contracts.codes;
