package org.singlewindow.node.declaration;

import java.time.Instant;

/**
 * What a search of declarations asks for; every criterion is optional (null: any).
 *
 * @param party        the enterprise whose declarations these are, as declarant or as the broker that submitted them;
 *                     null for operators, who see every declaration at their node
 * @param documentType a document type
 * @param status       an overall status
 * @param agency       an agency the declaration was routed to
 * @param from         created at or after
 * @param to           created before
 * @param reference    the declarant's client reference, exactly
 * @param hsCode       an HS code or a prefix of one (chapter, heading): declarations with such goods
 */
public record DeclarationFilter(String party, String documentType, String status, String agency, Instant from,
                                Instant to, String reference, String hsCode) {

    /** The same criteria, for {@code party}'s declarations only. */
    public DeclarationFilter forParty(String uscc) {
        return new DeclarationFilter(uscc, documentType, status, agency, from, to, reference, hsCode);
    }
}
