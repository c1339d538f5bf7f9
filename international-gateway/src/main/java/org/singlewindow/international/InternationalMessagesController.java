package org.singlewindow.international;

import java.util.List;

import org.singlewindow.node.operations.Operators;
import org.singlewindow.node.refusal.Refusal;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/international/messages} (central operators): the latest AS4 messages both ways, their status,
 * attempts, last error and the result that came back; {@code GET .../{messageId}} one with its payload and receipt.
 */
@RestController
@RequestMapping("/api/v1/international/messages")
@ConditionalOnProperty(name = "sw.as4.enabled", havingValue = "true")
class InternationalMessagesController {

    private final As4MessageMapper messages;
    private final Operators operators;

    InternationalMessagesController(As4MessageMapper messages, Operators operators) {
        this.messages = messages;
        this.operators = operators;
    }

    @GetMapping
    List<As4MessageRow> latest(Authentication authentication) {
        operators.require(authentication);
        return messages.latest(100);
    }

    @GetMapping("/{messageId}")
    As4MessageRow one(@PathVariable String messageId, Authentication authentication) {
        operators.require(authentication);
        As4MessageRow row = messages.find(messageId);
        if (row == null) {
            throw Refusal.notFound("AS4 message " + messageId);
        }
        return row;
    }
}
