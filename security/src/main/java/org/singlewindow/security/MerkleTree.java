package org.singlewindow.security;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * A Merkle tree over a batch of messages with SM3, so that one signature over its root vouches for each of them:
 * the tree hash and audit paths of RFC 9162 §2.1 (Certificate Transparency v2), leaves hashed as
 * {@code SM3(0x00 ‖ content)} and inner nodes as {@code SM3(0x01 ‖ left ‖ right)}, so a leaf can never pass for
 * an inner node. A receiver recomputes the root from one message, its index, the batch size and its path
 * ({@link #rootFrom}); a path of the wrong length for that index and size is refused, never guessed at.
 */
public final class MerkleTree {

    private static final byte LEAF = 0x00;
    private static final byte NODE = 0x01;

    /** Level 0 the leaf hashes, each next level their parents, the last level the root alone. */
    private final List<byte[][]> levels = new ArrayList<>();

    private MerkleTree(byte[][] leaves) {
        byte[][] level = leaves;
        levels.add(level);
        while (level.length > 1) {
            byte[][] up = new byte[(level.length + 1) / 2][];
            for (int i = 0; i < up.length; i++) {
                // a last node without a sibling goes up unchanged: the same tree as RFC 9162's split at the
                // largest power of two below the size
                up[i] = 2 * i + 1 < level.length ? nodeHash(level[2 * i], level[2 * i + 1]) : level[2 * i];
            }
            levels.add(up);
            level = up;
        }
    }

    /** The tree over the contents, in this order (at least one). */
    public static MerkleTree of(List<byte[]> contents) {
        if (contents.isEmpty()) {
            throw new IllegalArgumentException("a batch has at least one message");
        }
        byte[][] leaves = new byte[contents.size()][];
        for (int i = 0; i < leaves.length; i++) {
            leaves[i] = leafHash(contents.get(i));
        }
        return new MerkleTree(leaves);
    }

    public int size() {
        return levels.get(0).length;
    }

    public byte[] root() {
        return levels.get(levels.size() - 1)[0].clone();
    }

    /** The audit path of the leaf at {@code index}: the sibling hashes from the leaf up to the root. */
    public List<byte[]> path(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException(index);
        }
        List<byte[]> path = new ArrayList<>();
        int i = index;
        for (byte[][] level : levels.subList(0, levels.size() - 1)) {
            int sibling = (i & 1) == 1 ? i - 1 : i + 1;
            if (sibling < level.length) {
                path.add(level[sibling]);
            }
            i >>= 1;
        }
        return path;
    }

    /**
     * The root a message's path leads to (RFC 9162 §2.1.3.2), to be checked against a signature over it.
     *
     * @throws IllegalArgumentException when the index is outside the batch or the path's length does not fit
     */
    public static byte[] rootFrom(byte[] content, int index, int size, List<byte[]> path) {
        if (size < 1 || index < 0 || index >= size) {
            throw new IllegalArgumentException("index " + index + " is outside a batch of " + size);
        }
        long fn = index;
        long sn = size - 1L;
        byte[] r = leafHash(content);
        for (byte[] p : path) {
            if (sn == 0) {
                throw new IllegalArgumentException("the path is longer than a batch of " + size + " needs");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new IllegalArgumentException("the path is shorter than a batch of " + size + " needs");
        }
        return r;
    }

    static byte[] leafHash(byte[] content) {
        return digest(LEAF, content, null);
    }

    static byte[] nodeHash(byte[] left, byte[] right) {
        return digest(NODE, left, right);
    }

    private static byte[] digest(byte prefix, byte[] a, byte[] b) {
        SM3Digest d = new SM3Digest();
        d.update(prefix);
        d.update(a, 0, a.length);
        if (b != null) {
            d.update(b, 0, b.length);
        }
        byte[] out = new byte[d.getDigestSize()];
        d.doFinal(out, 0);
        return out;
    }

    @Override
    public String toString() {
        return "MerkleTree[size=" + size() + ", root=" + HexFormat.of().formatHex(root()) + "]";
    }
}
