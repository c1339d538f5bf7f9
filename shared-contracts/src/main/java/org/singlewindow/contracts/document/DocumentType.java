package org.singlewindow.contracts.document;

import java.util.Arrays;
import java.util.Optional;

/**
 * The functions of the single window's standard edition (标准版): the business documents a declarant submits once,
 * at one access point. Each has a definition in the data element directory
 * ({@code org/singlewindow/contracts/directory/documents/}) and routing rules choosing its agencies.
 */
public enum DocumentType {
    /** 货物申报: customs goods declaration (报关单), import or export; two-step as SUMMARY then COMPLETE. → GACC. */
    GOODS_DECLARATION,
    /** 舱单申报: cargo manifest of a waterway, air, rail or road conveyance, with bills and containers. */
    MANIFEST,
    /** 运输工具申报: arrival or departure of a vessel or aircraft. */
    TRANSPORT_MEANS,
    /** 许可证件申领: import/export licence or automatic import licence application. → MOFCOM. */
    LICENCE_APPLICATION,
    /** 原产地证书申领: certificate of origin, preferential (Form E, RCEP) or not. → GACC or CCPIT. */
    ORIGIN_CERTIFICATE,
    /** 企业资质办理: registration as consignee/consignor or customs broker. → GACC. */
    ENTERPRISE_QUALIFICATION,
    /** 出口退税申报: export tax rebate, after customs released the export. → STA. */
    TAX_REBATE,
    /** 税费支付: duty and tax payment through a bank, the payment shared with customs. → BANK, GACC. */
    TAX_PAYMENT;

    /** The type with this name, if any. */
    public static Optional<DocumentType> parse(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }

    /** The name of its directory file: {@code goods-declaration.yaml}. */
    public String fileName() {
        return name().toLowerCase().replace('_', '-') + ".yaml";
    }
}
