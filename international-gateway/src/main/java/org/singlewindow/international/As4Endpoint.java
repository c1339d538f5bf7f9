package org.singlewindow.international;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /as4}: partner windows push their user messages here and get the signed receipt or the signed ebMS
 * error signal on the same connection, both with HTTP 200 as eDelivery access points answer (a 5xx, or a SOAP
 * Fault, is taken for a transport failure by other implementations, which then never read the error).
 */
@RestController
@ConditionalOnProperty(name = "sw.as4.enabled", havingValue = "true")
class As4Endpoint {

    /** Larger messages are refused before they are read. */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    private final As4Inbox inbox;

    As4Endpoint(As4Inbox inbox) {
        this.inbox = inbox;
    }

    @PostMapping("/as4")
    ResponseEntity<byte[]> receive(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            return answer(inbox.refuse(new As4Refusal("EBMS:0004", "Other", "message larger than 16 MB"), null));
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            return answer(inbox.refuse(new As4Refusal("EBMS:0004", "Other", "message larger than 16 MB"), null));
        }
        return answer(inbox.receive(request.getContentType(), body));
    }

    private static ResponseEntity<byte[]> answer(As4Inbox.Answer answer) {
        return ResponseEntity.status(HttpStatus.OK).header("Content-Type", SwaMime.SOAP_TYPE + "; charset=UTF-8")
                .body(answer.soap());
    }
}
