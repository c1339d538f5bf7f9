package org.singlewindow.node.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.singlewindow.contracts.declaration.Violation;
import org.singlewindow.node.refusal.Refusal;

/**
 * What a file is, judged by its bytes and never by its name: each accepted type has a signature at its start and a
 * proper end (a truncated file has not), a PDF is then read by a real PDF parser ({@link PdfCheck}), an OFD must be
 * a whole ZIP package with its {@code OFD.xml}, and XML must parse without a DTD. A file that is not what its
 * {@code Content-Type} claims, is empty or truncated is refused (400, the problem naming {@code $.content}).
 */
final class FileCheck {

    /** The media types an attachment may have, with the E-Port format code (EdocFomatType) of each. */
    static final Map<String, String> TYPES = Map.of("application/pdf", "US", "image/jpeg", "IM",
            "image/png", "IM", "application/ofd", "OF", "application/xml", "XM");

    private static final byte[] PDF = "%PDF-".getBytes();
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] JPEG_END = {(byte) 0xFF, (byte) 0xD9};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] PNG_END = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private FileCheck() {
    }

    /** Checks the file against the type it claims; returns normally when it is that type, whole. */
    static void check(Path file, String mediaType) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            throw refused("EMPTY_FILE", "the file is empty", "文件为空");
        }
        byte[] head = head(file, 16);
        byte[] tail = tail(file, 1024);
        switch (mediaType) {
            case "application/pdf" -> {
                expect(starts(head, PDF), "a PDF starts with %PDF-", "PDF 文件应以 %PDF- 开头");
                expect(new String(tail, java.nio.charset.StandardCharsets.ISO_8859_1).contains("%%EOF"),
                        "the PDF has no end (%%EOF): truncated", "PDF 文件不完整（缺少 %%EOF）");
                PdfCheck.check(file);
            }
            case "image/jpeg" -> {
                expect(starts(head, JPEG), "a JPEG starts with FF D8 FF", "JPEG 文件头不符");
                expect(endsWith(trimmed(tail), JPEG_END), "the JPEG has no end marker (FF D9): truncated",
                        "JPEG 文件不完整");
            }
            case "image/png" -> {
                expect(starts(head, PNG), "a PNG starts with its 8-byte signature", "PNG 文件头不符");
                expect(endsWith(tail, PNG_END), "the PNG has no IEND chunk: truncated", "PNG 文件不完整");
            }
            case "application/ofd" -> {
                expect(starts(head, ZIP), "an OFD is a ZIP package", "OFD 文件应为 ZIP 包");
                ofd(file);
            }
            case "application/xml" -> xml(file);
            default -> throw new IllegalArgumentException(mediaType);
        }
    }

    private static void ofd(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            expect(zip.getEntry("OFD.xml") != null, "the OFD package has no OFD.xml", "OFD 包缺少 OFD.xml");
        } catch (IOException e) {
            throw refused("NOT_THE_CLAIMED_TYPE", "the OFD package does not read as a ZIP: truncated or damaged",
                    "OFD 包无法读取（不完整或已损坏）");
        }
    }

    private static void xml(Path file) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader reader = factory.createXMLStreamReader(in);
            while (reader.hasNext()) {
                reader.next();
            }
        } catch (XMLStreamException e) {
            throw refused("NOT_THE_CLAIMED_TYPE", "the XML does not parse (or has a DTD): " + e.getMessage(),
                    "XML 无法解析（或含 DTD）");
        }
    }

    private static void expect(boolean ok, String en, String zh) {
        if (!ok) {
            throw refused("NOT_THE_CLAIMED_TYPE", en, zh);
        }
    }

    static Refusal refused(String code, String en, String zh) {
        return new Refusal(Refusal.Kind.INVALID, code, "Attachment refused", "随附单证被拒绝", en, zh,
                List.of(new Violation("$.content", code, zh, en)));
    }

    private static boolean starts(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(Arrays.copyOf(bytes, prefix.length), prefix);
    }

    private static boolean endsWith(byte[] bytes, byte[] suffix) {
        return bytes.length >= suffix.length
                && Arrays.equals(Arrays.copyOfRange(bytes, bytes.length - suffix.length, bytes.length), suffix);
    }

    /** The tail without trailing zero or whitespace padding some cameras and scanners add. */
    private static byte[] trimmed(byte[] tail) {
        int end = tail.length;
        while (end > 0 && (tail[end - 1] == 0 || tail[end - 1] == '\n' || tail[end - 1] == '\r')) {
            end--;
        }
        return Arrays.copyOf(tail, end);
    }

    private static byte[] head(Path file, int n) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        }
    }

    private static byte[] tail(Path file, int n) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, raf.length() - n);
            byte[] bytes = new byte[(int) (raf.length() - start)];
            raf.seek(start);
            raf.readFully(bytes);
            return bytes;
        }
    }
}
