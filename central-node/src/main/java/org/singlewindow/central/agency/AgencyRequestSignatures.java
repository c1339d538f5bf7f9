package org.singlewindow.central.agency;

import java.nio.charset.StandardCharsets;

import org.singlewindow.contracts.json.CanonicalJson;
import org.singlewindow.node.signature.NodeKey;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Central's signature of each request it sends a ministry ({@code X-SW-Signature}): Base64 detached CMS,
 * SM3withSM2, over the request's RFC 8785 form, so a ministry can prove what central sent it, subset or not. Null
 * when central has no key (a local federation without PKI).
 */
@Component
class AgencyRequestSignatures {

    private final NodeKey key;

    AgencyRequestSignatures(NodeKey key) {
        this.key = key;
    }

    String sign(JsonNode request) {
        return key.sign(CanonicalJson.canonicalize(request).getBytes(StandardCharsets.UTF_8));
    }
}
