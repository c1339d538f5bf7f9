/**
 * Attachments (随附单证) end to end: uploads checked by their bytes, files that travel with their document in pieces
 * to central and on to the agencies their grants allow, downloads limited to the parties and those agencies.
 */
package org.singlewindow.federation.attachments;
