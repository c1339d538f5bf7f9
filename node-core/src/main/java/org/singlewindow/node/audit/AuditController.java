package org.singlewindow.node.audit;

import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.identity.Caller;
import org.singlewindow.node.refusal.Refusal;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/audit/verify}: the node's operators check its audit chain while it runs. */
@RestController
@RequestMapping("/api/v1/audit")
public class AuditController {

    private final AuditLog audit;
    private final AuditVerification verification;
    private final NodeProperties node;

    public AuditController(AuditLog audit, AuditVerification verification, NodeProperties node) {
        this.verification = verification;
        this.audit = audit;
        this.node = node;
    }

    @GetMapping(path = "/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    public AuditVerification.Verification verify(Authentication authentication) {
        Caller caller = Caller.from(authentication);
        if (!caller.operates(node.code())) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "NOT_THIS_NODES_OPERATOR", "Not an operator of this node",
                    "非本节点运维人员", "only this node's operators may check its audit log", "只有本节点运维人员可以核验审计日志");
        }
        AuditVerification.Verification result = verification.verify();
        audit.recordNow(caller.clientId(), "AUDIT_VERIFIED", null, result.intact() ? "intact"
                : result.problems().size() + " problem(s)");
        return result;
    }
}
