package org.singlewindow.node.operations;

import java.util.regex.Pattern;

import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.identity.Caller;
import org.singlewindow.node.refusal.Refusal;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Who may operate this node: its NODE_OPERATORs, and central operators everywhere. */
@Component
public class Operators {

    /** A message id an operator may name: letters, digits and {@code :._-}. */
    static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9:._-]{1,100}");

    private final NodeProperties node;

    public Operators(NodeProperties node) {
        this.node = node;
    }

    /**
     * The caller, when it operates this node.
     *
     * @throws Refusal 403 {@code NOT_THIS_NODES_OPERATOR} otherwise
     */
    public Caller require(Authentication authentication) {
        Caller caller = Caller.from(authentication);
        if (!caller.operates(node.code())) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "NOT_THIS_NODES_OPERATOR", "Not an operator of this node",
                    "非本节点运维人员", "only this node's operators (and central operators) may operate its queues",
                    "只有本节点运维人员（及中央运维人员）可以操作本节点的队列");
        }
        return caller;
    }

    static Refusal notParked(String what) {
        return new Refusal(Refusal.Kind.NOT_FOUND, "NOT_PARKED", "Not parked", "未找到该死信",
                what + " is not parked", what + " 未被搁置");
    }
}
