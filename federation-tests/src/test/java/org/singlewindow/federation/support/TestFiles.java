package org.singlewindow.federation.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.common.filespecification.PDSimpleFileSpecification;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.singlewindow.security.Sm3;

/**
 * Attachment files made on the spot by real libraries (PDFBox, ImageIO): clean ones, and the ones a window must
 * refuse (scripts, launch actions, embedded files, truncated).
 */
public final class TestFiles {

    private TestFiles() {
    }

    /** A one-page PDF with a line of text in its info, changed by {@code tweak}. */
    public static byte[] pdf(String title, Consumer<PDDocument> tweak) {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            document.getDocumentInformation().setTitle(title);
            tweak.accept(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] pdf(String title) {
        return pdf(title, d -> { });
    }

    /**
     * A PDF of about {@code 3 * side * side} bytes: one page showing an image of noise (which no compression
     * shrinks), made from {@code seed}.
     */
    public static byte[] noisyPdf(int side, long seed) {
        return pdf("noise " + seed, document -> {
            BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
            java.util.Random random = new java.util.Random(seed);
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    image.setRGB(x, y, random.nextInt());
                }
            }
            try (PDPageContentStream content = new PDPageContentStream(document, document.getPage(0))) {
                content.drawImage(LosslessFactory.createFromImage(document, image), 0, 0, 300, 300);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public static byte[] pdfWithJavaScript() {
        return pdf("script", d -> d.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('x')")));
    }

    public static byte[] pdfWithLaunchAction() {
        return pdf("launch", d -> {
            PDActionLaunch launch = new PDActionLaunch();
            PDSimpleFileSpecification file = new PDSimpleFileSpecification();
            file.setFile("calc.exe");
            launch.setFile(file);
            d.getDocumentCatalog().setOpenAction(launch);
        });
    }

    public static byte[] pdfWithEmbeddedFile() {
        return pdf("embedded", d -> {
            try {
                PDComplexFileSpecification spec = new PDComplexFileSpecification();
                spec.setFile("payload.exe");
                spec.setEmbeddedFile(new PDEmbeddedFile(d, new java.io.ByteArrayInputStream(
                        "MZ".getBytes(StandardCharsets.US_ASCII))));
                PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
                tree.setNames(Map.of("payload.exe", spec));
                PDDocumentNameDictionary names = new PDDocumentNameDictionary(d.getDocumentCatalog());
                names.setEmbeddedFiles(tree);
                d.getDocumentCatalog().setNames(names);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** An image of the given format ("png", "jpg"). */
    public static byte[] image(String format, int rgb) {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, rgb);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] truncated(byte[] file) {
        return java.util.Arrays.copyOf(file, file.length / 2);
    }

    /** The id a window gives these bytes: their SM3 hash, hex. */
    public static String sm3(byte[] file) {
        return java.util.HexFormat.of().formatHex(Sm3.digest(file));
    }
}
