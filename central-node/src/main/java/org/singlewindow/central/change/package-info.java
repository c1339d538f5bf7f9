/**
 * Central's part of amendments and cancellations: {@link org.singlewindow.central.change.ChangeRequestHandler}
 * takes a province's change request (the declarant's signature checked again, the document's rules checked
 * against central's own status), asks every agency that received the document (each gets its own subset of an
 * amendment and the fields of it that changed) and tells the province; {@link
 * org.singlewindow.central.change.ChangeDecisions} records each agency's decision, decides the change by its type's
 * rule ({@link org.singlewindow.contracts.change.ChangeRules}), settles it and reports back. An approved amendment
 * also goes, as a new request, to every agency whose rules match only the new version.
 */
package org.singlewindow.central.change;
