package org.singlewindow.contracts.change;

/** What a declarant asks for after submitting. */
public enum ChangeKind {
    /** 修改申请: a new version of the document replaces the current one once the agencies allow it. */
    AMENDMENT,
    /** 撤销申请: the document is withdrawn and ends CANCELLED once the agencies allow it. */
    CANCELLATION
}
