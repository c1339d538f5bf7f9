package org.singlewindow.contracts.declaration;

import java.math.BigDecimal;
import java.util.List;

import org.singlewindow.contracts.document.DocumentType;

/**
 * A customs goods declaration as a declarant submits it. Later versions add fields; none is removed or changes
 * meaning.
 *
 * @param documentType    always {@link DocumentType#GOODS_DECLARATION}
 * @param clientReference the declarant's own reference; with the declarant it makes a submission idempotent
 * @param declarant       the enterprise that declares (must match the caller's token)
 * @param data            the declaration itself
 */
public record GoodsDeclaration(DocumentType documentType, String clientReference, Enterprise declarant, Data data) {

    /** An enterprise identified by its Unified Social Credit Code. */
    public record Enterprise(String uscc, String name) {
    }

    /** A foreign trading party. */
    public record OverseasParty(String name, String country) {
    }

    /** Import or export (进出口标志). */
    public enum Direction {
        /** 进口 */
        IMPORT,
        /** 出口 */
        EXPORT
    }

    /** Two-step declaration (两步申报). */
    public enum Kind {
        /** 概要申报: the summary filed for release. */
        SUMMARY,
        /** 完整申报: the complete declaration referring to its summary. */
        COMPLETE
    }

    /**
     * Declaration head and items. Fields after {@code items} were added in the second release and are optional;
     * the data element directory ({@code documents/goods-declaration.yaml}) is the authority on each.
     *
     * @param direction          import or export
     * @param declarationCustoms customs district where it is declared (申报地海关), 4 digits
     * @param portCustoms        customs district of entry or exit (进出境关别), 4 digits
     * @param tradeMode          supervision mode (监管方式), 4 digits, e.g. 0110 general trade
     * @param transportMode      mode of transport (运输方式), one character, e.g. 2 waterway
     * @param billOfLading       bill of lading or waybill number (提运单号)
     * @param consigneeConsignor domestic consignee or consignor (境内收发货人)
     * @param overseasParty      overseas consignor or consignee (境外收发货人)
     * @param tradeCountry       trading country (贸易国), ISO 3166-1 alpha-3
     * @param currency           currency of prices, ISO 4217
     * @param remarks            remarks (备注)
     * @param items              goods items, at least one
     * @param declarationKind    SUMMARY or COMPLETE for a two-step declaration, absent for one step
     * @param summaryDeclarationId for a COMPLETE declaration, the id of its SUMMARY
     * @param transportName      vessel or conveyance name (运输工具名称)
     * @param voyageNo           voyage or flight number (航次号)
     * @param contractNo         contract number (合同协议号)
     * @param foreignPort        port of loading or destination abroad, UN/LOCODE
     * @param transactionTerms   terms of transaction code (成交方式)
     * @param packages           number of packages (件数)
     * @param grossWeight        gross weight, kg
     * @param netWeight          net weight, kg
     * @param marks              shipping marks (标记唛码)
     * @param containers         containers (集装箱)
     * @param attachedDocuments  attached documents (随附单证)
     */
    public record Data(Direction direction, String declarationCustoms, String portCustoms, String tradeMode,
                       String transportMode, String billOfLading, Enterprise consigneeConsignor,
                       OverseasParty overseasParty, String tradeCountry, String currency, String remarks,
                       List<Item> items, Kind declarationKind, String summaryDeclarationId, String transportName,
                       String voyageNo, String contractNo, String foreignPort, String transactionTerms,
                       Integer packages, BigDecimal grossWeight, BigDecimal netWeight, String marks,
                       List<Container> containers, List<AttachedDocument> attachedDocuments) {
    }

    /** A container, ISO 6346 number. */
    public record Container(String number) {
    }

    /** An attached document (随附单证): its kind code and number. */
    public record AttachedDocument(String code, String number) {
    }

    /**
     * One goods item (商品项).
     *
     * @param seq           item number from 1
     * @param hsCode        commodity code (商品编号), 10 digits
     * @param name          goods name (商品名称)
     * @param quantity      declared quantity
     * @param unit          unit of measure code (计量单位), 3 digits
     * @param unitPrice     unit price in the declaration currency
     * @param totalPrice    quantity × unit price, to the cent
     * @param originCountry country of origin, ISO 3166-1 alpha-3
     * @param licences      licences or permits attached to the item
     * @param model         specification and model (规格型号)
     * @param destinationCountry country of final destination
     */
    public record Item(int seq, String hsCode, String name, BigDecimal quantity, String unit, BigDecimal unitPrice,
                       BigDecimal totalPrice, String originCountry, List<Licence> licences, String model,
                       String destinationCountry) {
    }

    /** A licence or permit attached to an item. */
    public record Licence(LicenceType type, String number) {
    }

    /** Kinds of licence the commerce ministry issues. */
    public enum LicenceType {
        /** 自动进口许可证 */
        AUTO_IMPORT,
        /** 进口许可证 */
        IMPORT_LICENCE,
        /** 出口许可证 */
        EXPORT_LICENCE
    }
}
