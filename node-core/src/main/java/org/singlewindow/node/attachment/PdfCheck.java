package org.singlewindow.node.attachment;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * A PDF read by Apache PDFBox (scratch data in temporary files, not the heap): refused when it does not parse, or
 * when any object in it is active content: JavaScript ({@code /JS}, {@code /JavaScript}), a launch action
 * ({@code /S /Launch}) or an embedded file ({@code /EmbeddedFile}, {@code /EF}, an {@code /EmbeddedFiles} name
 * tree). Every object of the file is looked at, not just the document catalog, so an action hidden in an
 * annotation, a page or a form field is found too.
 */
final class PdfCheck {

    private static final COSName LAUNCH = COSName.getPDFName("Launch");
    private static final COSName EMBEDDED_FILE = COSName.getPDFName("EmbeddedFile");
    private static final COSName EMBEDDED_FILES = COSName.getPDFName("EmbeddedFiles");

    private PdfCheck() {
    }

    static void check(Path file) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(new RandomAccessReadBufferedFile(file.toFile()), null, null, null,
                IOUtils.createTempFileOnlyStreamCache())) {
            for (COSObjectKey key : pdf.getDocument().getXrefTable().keySet()) {
                COSObject object = pdf.getDocument().getObjectFromPool(key);
                COSBase base = object.getObject();
                if (base instanceof COSDictionary dictionary) {
                    String active = active(dictionary);
                    if (active != null) {
                        throw FileCheck.refused("PDF_ACTIVE_CONTENT", "the PDF contains " + active
                                + "; attachments may not carry scripts, launch actions or embedded files",
                                "PDF 含有" + active + "，随附单证不得含脚本、启动动作或嵌入文件");
                    }
                }
            }
        } catch (IOException e) {
            throw FileCheck.refused("NOT_THE_CLAIMED_TYPE", "the PDF does not parse: " + e.getMessage(),
                    "PDF 无法解析");
        }
    }

    private static String active(COSDictionary d) {
        if (d.containsKey(COSName.JS) || d.containsKey(COSName.JAVA_SCRIPT)) {
            return " JavaScript";
        }
        if (LAUNCH.equals(d.getCOSName(COSName.S))) {
            return " a launch action";
        }
        if (EMBEDDED_FILE.equals(d.getCOSName(COSName.TYPE)) || d.containsKey(COSName.EF)
                || d.containsKey(EMBEDDED_FILES)) {
            return " an embedded file";
        }
        return null;
    }
}
