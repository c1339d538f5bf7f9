package org.singlewindow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.util.Arrays;
import org.junit.jupiter.api.Test;

/** The batch tree against RFC 9162's recursive definition, and every way a path can be wrong. */
class MerkleTreeTest {

    private static List<byte[]> messages(int n) {
        List<byte[]> messages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            messages.add(("{\"messageId\":\"m-" + i + "\"}").getBytes(StandardCharsets.UTF_8));
        }
        return messages;
    }

    /** MTH(D[n]) exactly as RFC 9162 §2.1.1 writes it: split at the largest power of two below n. */
    private static byte[] rfcRoot(List<byte[]> d) {
        if (d.size() == 1) {
            return Sm3.digest(Arrays.concatenate(new byte[] {0}, d.get(0)));
        }
        int k = Integer.highestOneBit(d.size() - 1);
        return Sm3.digest(Arrays.concatenate(new byte[] {1}, rfcRoot(d.subList(0, k)),
                rfcRoot(d.subList(k, d.size()))));
    }

    @Test
    void every_message_of_batches_of_1_to_70_should_lead_to_the_root_rfc_9162_defines() {
        for (int n = 1; n <= 70; n++) {
            List<byte[]> messages = messages(n);
            MerkleTree tree = MerkleTree.of(messages);
            assertThat(tree.root()).as("size %d", n).isEqualTo(rfcRoot(messages));
            for (int i = 0; i < n; i++) {
                assertThat(MerkleTree.rootFrom(messages.get(i), i, n, tree.path(i))).as("size %d index %d", n, i)
                        .isEqualTo(tree.root());
                assertThat(tree.path(i).size()).isLessThanOrEqualTo(32 - Integer.numberOfLeadingZeros(n - 1));
            }
        }
    }

    @Test
    void an_altered_message_or_another_index_should_lead_elsewhere() {
        List<byte[]> messages = messages(13);
        MerkleTree tree = MerkleTree.of(messages);
        byte[] altered = messages.get(5).clone();
        altered[3] ^= 1;
        assertThat(MerkleTree.rootFrom(altered, 5, 13, tree.path(5))).isNotEqualTo(tree.root());
        assertThat(MerkleTree.rootFrom(messages.get(5), 4, 13, tree.path(5))).isNotEqualTo(tree.root());
        assertThat(MerkleTree.rootFrom(messages.get(4), 5, 13, tree.path(5))).isNotEqualTo(tree.root());
    }

    @Test
    void a_path_of_the_wrong_length_or_an_index_outside_the_batch_should_be_refused() {
        List<byte[]> messages = messages(13);
        MerkleTree tree = MerkleTree.of(messages);
        List<byte[]> path = tree.path(6);
        List<byte[]> longer = new ArrayList<>(path);
        longer.add(tree.root());
        assertThatThrownBy(() -> MerkleTree.rootFrom(messages.get(6), 6, 13, longer))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer");
        assertThatThrownBy(() -> MerkleTree.rootFrom(messages.get(6), 6, 13, path.subList(0, path.size() - 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shorter");
        assertThatThrownBy(() -> MerkleTree.rootFrom(messages.get(6), 13, 13, path))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside");
        assertThatThrownBy(() -> MerkleTree.rootFrom(messages.get(6), -1, 13, path))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void two_leaf_hashes_given_as_one_message_should_not_pass_for_the_inner_node_they_make() {
        List<byte[]> messages = messages(2);
        byte[] inner = Arrays.concatenate(MerkleTree.leafHash(messages.get(0)), MerkleTree.leafHash(messages.get(1)));
        assertThat(MerkleTree.rootFrom(inner, 0, 1, List.of())).isNotEqualTo(MerkleTree.of(messages).root());
    }
}
