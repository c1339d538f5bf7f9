package org.singlewindow.node.declaration;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.singlewindow.contracts.declaration.GoodsDeclarationValidator;
import org.singlewindow.contracts.declaration.Violation;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.identity.Caller;
import org.singlewindow.node.web.ApiException;
import org.singlewindow.node.web.JsonBodies;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/declarations} on provincial nodes, the declarants' access point: 202 and a Location for a
 * new declaration, 200 with the existing one for a repeated identical submission, 400/403/409/413/415 problem
 * details otherwise (nothing stored).
 */
@RestController
@RequestMapping("/api/v1/declarations")
@ConditionalOnProperty(name = "sw.role", havingValue = "PROVINCIAL", matchIfMissing = true)
public class SubmissionController {

    private final IntakeService intake;
    private final DeclarationQueries queries;
    private final GoodsDeclarationValidator validator = new GoodsDeclarationValidator();
    private final NodeProperties node;

    public SubmissionController(IntakeService intake, DeclarationQueries queries, NodeProperties node) {
        this.intake = intake;
        this.queries = queries;
        this.node = node;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<DeclarationView> submit(HttpServletRequest request, Authentication authentication)
            throws IOException {
        Caller caller = Caller.from(authentication);
        if (!caller.has(Caller.DECLARANT) || caller.uscc() == null) {
            throw new ApiException(HttpStatus.FORBIDDEN, "NOT_A_DECLARANT", "Not a declarant", "非申报人",
                    "only declarant clients bound to an enterprise may submit", "只有绑定企业的申报客户端可以申报");
        }
        JsonNode document = JsonBodies.read(request, node.intake().maxBodySize());
        List<Violation> violations = validator.validate(document);
        if (!violations.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Invalid declaration", "申报数据有误",
                    violations.size() + " field(s) are invalid; see errors", violations.size() + " 个字段有误，详见 errors",
                    violations);
        }
        String uscc = document.get("declarant").get("uscc").asString();
        if (!uscc.equals(caller.uscc())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "USCC_MISMATCH", "Not your enterprise", "非本企业",
                    "your token may only declare for enterprise " + caller.uscc(),
                    "您的令牌只能为企业 " + caller.uscc() + " 申报",
                    List.of(new Violation("$.declarant.uscc", "USCC_MISMATCH", "与令牌绑定的企业不一致",
                            "differs from the enterprise your token is bound to")));
        }
        Submission submission = intake.submit(uscc, DocumentType.GOODS_DECLARATION, document);
        DeclarationView view = queries.view(caller, submission.declarationId());
        if (!submission.created()) {
            return ResponseEntity.ok(view);
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/v1/declarations/" + submission.declarationId())).body(view);
    }
}
