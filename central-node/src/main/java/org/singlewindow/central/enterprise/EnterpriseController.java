package org.singlewindow.central.enterprise;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.identity.Caller;
import org.singlewindow.node.refusal.Refusal;
import org.singlewindow.node.signature.DocumentSignatures;
import org.singlewindow.node.web.RequestBodies;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/enterprises}: registration, open to anyone holding an enterprise key of the federation
 * (the signature is the credential); {@code GET /api/v1/enterprises/{uscc}} for the enterprise's own users and
 * central operators; {@code PUT /api/v1/enterprises/{uscc}/certificate} to bind a renewed certificate;
 * {@code POST /api/v1/users} for central operators.
 */
@RestController
public class EnterpriseController {

    /** What is shown of an enterprise: never passwords, only user names. */
    public record View(String uscc, String name, String kind, String certSha256, Instant registeredAt,
                       List<String> users) {
    }

    /** What is shown of a new user. */
    public record UserView(String username, List<String> roles, String uscc, String agency, String province) {

        static UserView of(UserAccount u) {
            return new UserView(u.username(), u.roleSet().stream().sorted().toList(), u.uscc(), u.agency(),
                    u.province());
        }
    }

    private final EnterpriseRegistry registry;
    private final NodeProperties node;

    public EnterpriseController(EnterpriseRegistry registry, NodeProperties node) {
        this.registry = registry;
        this.node = node;
    }

    @PostMapping(path = "/api/v1/enterprises", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<View> register(HttpServletRequest request) throws IOException {
        Enterprise e = registry.register(RequestBodies.read(request, node.intake().maxBodySize()),
                request.getHeader(DocumentSignatures.HEADER));
        return ResponseEntity.created(URI.create("/api/v1/enterprises/" + e.uscc())).body(view(e));
    }

    @GetMapping(path = "/api/v1/enterprises/{uscc}", produces = MediaType.APPLICATION_JSON_VALUE)
    public View get(@PathVariable String uscc, Authentication authentication) {
        Caller caller = Caller.from(authentication);
        if (!caller.has(Caller.CENTRAL_OPERATOR) && !uscc.equals(caller.uscc())) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "NOT_YOUR_ENTERPRISE", "Not your enterprise", "非本企业",
                    "only the enterprise's own users and central operators may read it",
                    "仅本企业用户和中央运维人员可查看");
        }
        Enterprise e = registry.find(uscc);
        if (e == null) {
            throw Refusal.notFound("enterprise " + uscc);
        }
        return view(e);
    }

    /** Binds the enterprise's renewed certificate (the request signed with the new key). */
    @PutMapping(path = "/api/v1/enterprises/{uscc}/certificate", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public View rebind(@PathVariable String uscc, HttpServletRequest request, Authentication authentication)
            throws IOException {
        return view(registry.rebind(Caller.from(authentication), uscc,
                RequestBodies.read(request, node.intake().maxBodySize()), request.getHeader(DocumentSignatures.HEADER)));
    }

    @PostMapping(path = "/api/v1/users", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<UserView> createUser(HttpServletRequest request, Authentication authentication)
            throws IOException {
        Caller caller = Caller.from(authentication);
        if (!caller.has(Caller.CENTRAL_OPERATOR)) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "ROLE_REQUIRED", "Role required", "需要相应角色",
                    "only central operators may create agency officers and operators", "仅中央运维人员可创建机构人员和运维人员");
        }
        UserAccount user = registry.createUser(caller, RequestBodies.read(request, node.intake().maxBodySize()));
        return ResponseEntity.status(HttpStatus.CREATED).body(UserView.of(user));
    }

    /** Disables a portal user (central operators): no more logins, and portal sessions end at their next check. */
    @PostMapping(path = "/api/v1/users/{username}/disable", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> disable(@PathVariable String username, Authentication authentication) {
        registry.setEnabled(centralOperator(authentication), username, false);
        return Map.of("username", username, "enabled", false);
    }

    @PostMapping(path = "/api/v1/users/{username}/enable", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> enable(@PathVariable String username, Authentication authentication) {
        registry.setEnabled(centralOperator(authentication), username, true);
        return Map.of("username", username, "enabled", true);
    }

    private static Caller centralOperator(Authentication authentication) {
        Caller caller = Caller.from(authentication);
        if (!caller.has(Caller.CENTRAL_OPERATOR)) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "ROLE_REQUIRED", "Role required", "需要相应角色",
                    "only central operators may disable or enable users", "仅中央运维人员可停用或启用用户");
        }
        return caller;
    }

    private View view(Enterprise e) {
        return new View(e.uscc(), e.name(), e.kind(), e.certSha256(), e.registeredAt(),
                registry.users(e.uscc()).stream().map(UserAccount::username).toList());
    }
}
