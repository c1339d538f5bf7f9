package org.singlewindow.international;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * SOAP with attachments: a {@code multipart/related} body whose first part is the SOAP 1.2 envelope and whose other
 * parts are the payloads, each named by its {@code Content-ID} ({@code cid:} references in the envelope).
 */
final class SwaMime {

    static final String SOAP_TYPE = "application/soap+xml";

    private SwaMime() {
    }

    /** One MIME part: its Content-ID (without angle brackets), type and bytes. */
    record Part(String contentId, String contentType, byte[] bytes) {
    }

    /** A message ready for HTTP: its Content-Type header and body. */
    record Message(String contentType, byte[] body) {
    }

    /** A message read: the envelope and the other parts. */
    record Read(byte[] soap, List<Part> attachments) {
    }

    static Message write(byte[] soap, List<Part> attachments) {
        try {
            MimeMultipart multipart = new MimeMultipart("related");
            String start = "soap-" + UUID.randomUUID() + "@singlewindow";
            multipart.addBodyPart(part(new Part(start, SOAP_TYPE + "; charset=UTF-8", soap)));
            for (Part attachment : attachments) {
                multipart.addBodyPart(part(attachment));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            multipart.writeTo(out);
            String type = multipart.getContentType().replaceAll("\\s+", " ") + "; type=\"" + SOAP_TYPE
                    + "\"; start=\"<" + start + ">\"";
            return new Message(type, out.toByteArray());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a body: multipart/related as above, or a bare SOAP envelope (signals come that way). */
    static Read read(String contentType, byte[] body) {
        if (contentType == null || !contentType.toLowerCase().startsWith("multipart/related")) {
            if (contentType != null && contentType.toLowerCase().startsWith(SOAP_TYPE)) {
                return new Read(body, List.of());
            }
            throw new As4Refusal("EBMS:0009", "InvalidHeader", "Content-Type must be multipart/related or "
                    + SOAP_TYPE + ", not " + contentType);
        }
        try {
            MimeMultipart multipart = new MimeMultipart(new ByteArrayDataSource(body, contentType));
            if (multipart.getCount() == 0) {
                throw new As4Refusal("EBMS:0009", "InvalidHeader", "empty multipart");
            }
            List<Part> attachments = new ArrayList<>();
            byte[] soap = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                MimeBodyPart part = (MimeBodyPart) multipart.getBodyPart(i);
                byte[] bytes = part.getInputStream().readAllBytes();
                if (i == 0) {
                    soap = bytes;
                } else {
                    String id = part.getContentID();
                    if (id == null) {
                        throw new As4Refusal("EBMS:0009", "InvalidHeader", "an attachment has no Content-ID");
                    }
                    attachments.add(new Part(id.replaceAll("^<|>$", ""), part.getContentType(), bytes));
                }
            }
            return new Read(soap, attachments);
        } catch (MessagingException | IOException e) {
            throw new As4Refusal("EBMS:0009", "InvalidHeader", "unreadable MIME: " + e.getMessage());
        }
    }

    private static MimeBodyPart part(Part p) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(p.bytes(), p.contentType())));
        part.setHeader("Content-Type", p.contentType());
        part.setHeader("Content-ID", "<" + p.contentId() + ">");
        part.setHeader("Content-Transfer-Encoding", "binary");
        return part;
    }
}
