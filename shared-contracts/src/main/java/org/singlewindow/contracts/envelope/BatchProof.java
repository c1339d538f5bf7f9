package org.singlewindow.contracts.envelope;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Where an envelope stands in a batch its sending node signed at once: the node's outbox relay signs the SM3 Merkle
 * root (RFC 9162 tree hash, {@code org.singlewindow.security.MerkleTree}) of the canonical forms of the envelopes it
 * publishes together, and each envelope carries its place in that tree, so a receiver checks one envelope on its
 * own (its hash and this path lead to the signed root) and verifies the batch's signature once for all of them.
 *
 * @param index    this envelope's position in the batch, from 0
 * @param size     how many envelopes the batch holds (the signature covers the size with the root)
 * @param signedAt when the node signed the batch (covered by the signature; the receiver judges the signer's
 *                 certificate at this instant, as it judges an envelope's own signature at its creation)
 * @param path     the audit path, leaf first: Base64 SM3 hashes of the siblings up to the root
 */
public record BatchProof(int index, int size, Instant signedAt, List<String> path) {

    public BatchProof {
        Objects.requireNonNull(signedAt, "signedAt");
        Objects.requireNonNull(path, "path");
        path = List.copyOf(path);
    }
}
