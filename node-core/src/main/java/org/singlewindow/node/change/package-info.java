/**
 * Amendments and cancellations as both roles keep them: the change requests of a declaration
 * ({@code declaration_change}), its immutable numbered versions ({@code document_version}, each sealed, signed and
 * with its own canonical hash) and the involved agencies' answers ({@code change_answer}). {@link
 * org.singlewindow.node.change.ChangeStore} opens a change and settles it in the caller's transaction (the new
 * version becomes current, or the document CANCELLED), one change open per declaration at a time; {@link
 * org.singlewindow.node.change.ChangeController} lets the parties read them. Who may ask and who decides is the
 * roles' (the province takes requests, central asks the agencies); the rules are data
 * ({@link org.singlewindow.contracts.change.ChangeRules}).
 */
package org.singlewindow.node.change;
