package org.singlewindow.contracts.document;

/** Business documents a declarant can submit once, at one access point. */
public enum DocumentType {
    /** 货物申报: customs goods declaration (报关单), import or export. */
    GOODS_DECLARATION
}
