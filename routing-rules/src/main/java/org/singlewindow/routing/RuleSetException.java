package org.singlewindow.routing;

/** A rule file or table that cannot be used; the message names the file, the rule and what is wrong. */
public class RuleSetException extends RuntimeException {

    public RuleSetException(String message) {
        super(message);
    }
}
