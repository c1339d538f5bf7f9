package org.singlewindow.node.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.Map;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.singlewindow.node.atrest.AtRestConfiguration;
import org.singlewindow.node.atrest.AtRestProperties;
import org.singlewindow.node.config.NodeProperties;
import org.singlewindow.node.refusal.Refusal;
import org.singlewindow.security.Sm4GcmStreams;
import org.springframework.stereotype.Component;

/**
 * The attachment files of a node, under {@code <sw.data-dir>/attachments}, each kept once by its SM3 hash and
 * sealed like documents (SM4-GCM with the at-rest key, bound to its hash; in clear when no key is set). Files go
 * through in fixed buffers, never whole in memory: an upload streams to a temporary file while its size is
 * counted and its hash computed; pieces arriving from another node are written at their offset and the whole is
 * checked against its hash before it is kept.
 */
@Component
public class AttachmentFiles {

    private static final int BUFFER = 64 * 1024;

    private final Path dir;
    private final Path incoming;
    private final AtRestProperties atRest;
    private final Map<String, byte[]> keys;

    public AttachmentFiles(NodeProperties node, AtRestProperties atRest) throws IOException {
        this.dir = Files.createDirectories(node.dataDir().resolve("attachments"));
        this.incoming = Files.createDirectories(dir.resolve("incoming"));
        this.atRest = atRest;
        this.keys = atRest.enabled() ? AtRestConfiguration.keys(atRest) : Map.of();
    }

    /** A file received in full into a temporary file, with its SM3 hash and size. */
    public record Received(Path file, String sm3, long size) {
    }

    /**
     * Streams an upload into a temporary file, refusing it (413, nothing kept) once it passes {@code limit} bytes.
     */
    public Received receive(InputStream in, long limit) throws IOException {
        Path temp = Files.createTempFile(incoming, "upload-", ".part");
        SM3Digest sm3 = new SM3Digest();
        long size = 0;
        try (OutputStream out = Files.newOutputStream(temp)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) > 0; ) {
                size += n;
                if (size > limit) {
                    throw new Refusal(Refusal.Kind.TOO_LARGE, "ATTACHMENT_TOO_LARGE", "Attachment too large",
                            "随附单证过大", "a file may have at most " + limit + " bytes (sw.attachments.max-file-size)",
                            "单个文件不得超过 " + limit + " 字节");
                }
                sm3.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return new Received(temp, hex(sm3), size);
    }

    /** Keeps a received file under its hash (sealed); a file kept before stays as it is. Deletes the temporary. */
    public void keep(Received received) throws IOException {
        Path target = path(received.sm3());
        try {
            if (!Files.exists(target)) {
                Path sealed = Files.createTempFile(incoming, "seal-", ".part");
                try (InputStream in = Files.newInputStream(received.file());
                     OutputStream out = sealing(Files.newOutputStream(sealed), received.sm3())) {
                    in.transferTo(out);
                }
                Files.move(sealed, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(received.file());
        }
    }

    /** Forgets a received file that was refused. */
    public void discard(Received received) {
        try {
            Files.deleteIfExists(received.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the file with this hash is kept here. */
    public boolean has(String sm3) {
        return Files.exists(path(sm3));
    }

    /** The kept file's bytes, opened; the caller closes it. An altered file fails at its end. */
    public InputStream open(String sm3) throws IOException {
        InputStream in = Files.newInputStream(path(sm3));
        return keys.isEmpty() ? in : Sm4GcmStreams.opening(in, keys, binding(sm3));
    }

    /** Writes one piece of a file arriving from another node at its offset (the same piece again is harmless). */
    public void writePiece(String sm3, long offset, byte[] data) throws IOException {
        try (RandomAccessFile part = new RandomAccessFile(incoming.resolve(sm3 + ".pieces").toFile(), "rw")) {
            part.seek(offset);
            part.write(data);
        }
    }

    /**
     * Once every piece is in: checks the whole against its hash and size and keeps it.
     *
     * @return false when the pieces do not make the file (it is then dropped, to arrive again)
     */
    public boolean finishPieces(String sm3, long size) throws IOException {
        Path pieces = incoming.resolve(sm3 + ".pieces");
        if (!Files.exists(pieces)) {
            return has(sm3);
        }
        SM3Digest digest = new SM3Digest();
        try (InputStream in = Files.newInputStream(pieces)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        if (Files.size(pieces) != size || !hex(digest).equals(sm3)) {
            Files.delete(pieces);
            return false;
        }
        keep(new Received(pieces, sm3, size));
        return true;
    }

    private OutputStream sealing(OutputStream out, String sm3) throws IOException {
        return keys.isEmpty() ? out : Sm4GcmStreams.sealing(out, atRest.currentKey(), keys.get(atRest.currentKey()),
                binding(sm3));
    }

    private Path path(String sm3) {
        if (!sm3.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not an SM3 hash");
        }
        return dir.resolve(sm3);
    }

    private static String binding(String sm3) {
        return "attachment:" + sm3;
    }

    private static String hex(SM3Digest digest) {
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
