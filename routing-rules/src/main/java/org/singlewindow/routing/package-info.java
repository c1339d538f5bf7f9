/**
 * Routing rules as data. A rule file (YAML) lists, per document type, where a document goes ({@code central},
 * {@code agency:<CODE>} or {@code peer:<provinceCode>}), under which condition, and which fields the destination
 * is granted (data minimization). {@link org.singlewindow.routing.RuleSetLoader} reads and validates a file
 * (a broken file is refused with a message naming the file and the rule); {@link
 * org.singlewindow.routing.RuleMatcher} is the small pure function that turns a document into rule matches; {@link
 * org.singlewindow.routing.FieldProjection} cuts a document down to the fields a rule grants. The customs
 * district → province table ({@link org.singlewindow.routing.CustomsDistricts}) is data too. No Spring here.
 */
package org.singlewindow.routing;
