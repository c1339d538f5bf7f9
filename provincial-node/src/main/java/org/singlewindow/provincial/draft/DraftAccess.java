package org.singlewindow.provincial.draft;

import jakarta.servlet.http.HttpServletRequest;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.node.identity.Caller;
import org.singlewindow.node.refusal.Refusal;
import org.singlewindow.provincial.submission.CallerTokens;
import org.singlewindow.provincial.submission.CentralDelegations;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may keep and see an enterprise's drafts: its own declarant clients, and a customs broker it delegated that
 * document type to (asked of central, as for a submission). Anyone else is told there is no such draft (404), so a
 * draft's existence is not given away.
 */
@Component
class DraftAccess {

    private final CallerTokens tokens;
    private final CentralDelegations delegations;

    DraftAccess(CallerTokens tokens, CentralDelegations delegations) {
        this.tokens = tokens;
        this.delegations = delegations;
    }

    /** A declarant client bound to an enterprise: 403 for anyone else. */
    static Caller declarant(Authentication authentication) {
        return Caller.declarant(authentication, "keep drafts", "保存草稿");
    }

    /**
     * Whether the caller may keep drafts of {@code type} for {@code owner}: its own enterprise, or a principal that
     * delegated the type to it (central's refusal relayed as it is: 403 with its reason).
     */
    void mayKeep(Caller caller, String owner, DocumentType type, HttpServletRequest request,
                 Authentication authentication) {
        if (owner.equals(caller.uscc())) {
            return;
        }
        if (!caller.has(Caller.BROKER)) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "USCC_MISMATCH", "Not your enterprise", "非本企业",
                    "you may keep drafts for enterprise " + caller.uscc() + " only (a customs broker needs the BROKER "
                            + "role and a delegation)", "您只能为企业 " + caller.uscc() + " 保存草稿");
        }
        String token = tokens.of(authentication, request);
        if (token == null) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "DELEGATION_UNCHECKED", "Delegation not checked",
                    "无法核验委托", "this login carries no token central accepts", "此登录没有中央节点可核验的令牌");
        }
        delegations.covering(token, owner, type);
    }

    /** The draft if the caller may see it; 404 when it is not there or not the caller's to see. */
    DraftRow readable(Caller caller, DraftRow row, HttpServletRequest request, Authentication authentication) {
        if (row == null) {
            throw Refusal.notFound("draft");
        }
        try {
            mayKeep(caller, row.owner(), DocumentType.valueOf(row.documentType()), request, authentication);
        } catch (Refusal refusal) {
            if (refusal.kind() == Refusal.Kind.FORBIDDEN) {
                throw Refusal.notFound("draft " + row.id());
            }
            throw refusal;
        }
        return row;
    }
}
