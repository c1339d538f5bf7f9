/**
 * What may happen to a document after it was submitted: amendment (修改申请) and cancellation (撤销申请). The rules
 * per document type are data ({@code change-rules.yaml}: who decides, in which statuses a document is closed to a
 * change, which fields identify it and may never change), read by {@link org.singlewindow.contracts.change.ChangeRules};
 * {@link org.singlewindow.contracts.change.ChangeRules.Rule#decide} turns the involved agencies' answers into one
 * outcome, and {@link org.singlewindow.contracts.change.FieldDiff} names the fields a new version changed. Pure code,
 * shared by both roles and the tests.
 */
package org.singlewindow.contracts.change;
