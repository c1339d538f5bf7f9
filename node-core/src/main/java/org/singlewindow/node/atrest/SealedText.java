package org.singlewindow.node.atrest;

/**
 * A document or message body that is stored sealed (SM4-GCM) and held in clear in memory. Its type is what makes
 * MyBatis seal it on write and open it on read ({@link SealedTextTypeHandler}).
 *
 * @param text the clear text
 */
public record SealedText(String text) {

    @Override
    public String toString() {
        return "SealedText[" + text.length() + " chars]";
    }
}
