// Detached CMS SignedData (RFC 5652) with SM3 digests and SM2 signatures, made in the browser exactly as the node's
// CmsSignatures checks it: signed attributes contentType (data) and messageDigest (SM3 of the content), signed with
// SM3withSM2 (GM/T 0009, default signer ID 1234567812345678, DER r‖s), the signer's certificate included, no content
// (detached). The key is read from the declarant's own PKCS#8 file in the page and never leaves the browser.
// SM2 and SM3 come from the vendored sm-crypto 0.5.8 (window.sm2, window.sm3); the ASN.1 here is the few structures
// this needs.
'use strict';

window.CmsSm2 = (() => {
  const OID = {
    data: '1.2.840.113549.1.7.1', signedData: '1.2.840.113549.1.7.2', contentType: '1.2.840.113549.1.9.3',
    messageDigest: '1.2.840.113549.1.9.4', sm3: '1.2.156.10197.1.401', sm2WithSm3: '1.2.156.10197.1.501',
  };

  const hex = bytes => Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
  const fromHex = h => Uint8Array.from(h.match(/../g) || [], b => parseInt(b, 16));
  const concat = parts => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    parts.forEach(p => { out.set(p, at); at += p.length; });
    return out;
  };

  /** One DER element: tag + length + the contents. */
  function der(tag, ...contents) {
    const body = concat(contents);
    const n = body.length;
    const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : n < 0x10000 ? [0x82, n >> 8, n & 0xff]
      : [0x83, n >> 16, (n >> 8) & 0xff, n & 0xff];
    return concat([Uint8Array.of(tag), Uint8Array.from(length), body]);
  }

  function oid(dotted) {
    const [a, b, ...rest] = dotted.split('.').map(Number);
    const bytes = [40 * a + b];
    rest.forEach(v => {
      const chunk = [v & 0x7f];
      for (v >>= 7; v > 0; v >>= 7) chunk.unshift((v & 0x7f) | 0x80);
      bytes.push(...chunk);
    });
    return der(0x06, Uint8Array.from(bytes));
  }

  /** The element at {@code at}: its tag, where its contents start and where it ends. */
  function read(bytes, at) {
    const tag = bytes[at];
    let length = bytes[at + 1];
    let start = at + 2;
    if (length & 0x80) {
      const count = length & 0x7f;
      length = 0;
      for (let i = 0; i < count; i++) length = length * 256 + bytes[start + i];
      start += count;
    }
    return {tag, at, start, end: start + length};
  }

  function children(bytes, element) {
    const out = [];
    for (let at = element.start; at < element.end;) {
      const child = read(bytes, at);
      out.push(child);
      at = child.end;
    }
    return out;
  }

  function pem(text, label) {
    const match = new RegExp('-----BEGIN ' + label + '-----([^-]+)-----END ' + label + '-----').exec(text);
    if (!match) throw new Error('not a PEM ' + label);
    return Uint8Array.from(atob(match[1].replace(/\s+/g, '')), c => c.charCodeAt(0));
  }

  /** The 32-byte private scalar of a PKCS#8 SM2 key, as hex. */
  function privateKeyHex(pkcs8Pem) {
    const bytes = pem(pkcs8Pem, 'PRIVATE KEY');
    const info = children(bytes, read(bytes, 0));
    const ecKey = read(bytes, info[2].start);
    const d = children(bytes, ecKey)[1];
    return hex(bytes.slice(d.start, d.end)).replace(/^(00)+/, '').padStart(64, '0');
  }

  /** The certificate's DER, issuer name and serial number (what names the signer in SignerInfo). */
  function certificate(certificatePem) {
    const bytes = pem(certificatePem, 'CERTIFICATE');
    const tbs = children(bytes, read(bytes, 0))[0];
    const fields = children(bytes, tbs);
    const first = fields[0].tag === 0xa0 ? 1 : 0;
    const serial = fields[first];
    const issuer = fields[first + 2];
    return {der: bytes, serial: bytes.slice(serial.at, serial.end), issuer: bytes.slice(issuer.at, issuer.end)};
  }

  /** Base64 of the detached signature over {@code content} (bytes). */
  function sign(content, keyPem, certificatePem) {
    const key = privateKeyHex(keyPem);
    const cert = certificate(certificatePem);
    const digest = fromHex(window.sm3(Array.from(content)));
    const attributes = [
      der(0x30, oid(OID.contentType), der(0x31, oid(OID.data))),
      der(0x30, oid(OID.messageDigest), der(0x31, der(0x04, digest))),
    ].sort((x, y) => hex(x) < hex(y) ? -1 : 1);
    const signedAttributes = der(0x31, ...attributes);
    const signature = fromHex(window.sm2.doSignature(Array.from(signedAttributes), key, {hash: true, der: true}));
    const sm3 = der(0x30, oid(OID.sm3));
    const signerInfo = der(0x30, der(0x02, Uint8Array.of(1)), der(0x30, cert.issuer, cert.serial), sm3,
      der(0xa0, ...attributes), der(0x30, oid(OID.sm2WithSm3)), der(0x04, signature));
    const signedData = der(0x30, der(0x02, Uint8Array.of(1)), der(0x31, sm3), der(0x30, oid(OID.data)),
      der(0xa0, cert.der), der(0x31, signerInfo));
    const contentInfo = der(0x30, oid(OID.signedData), der(0xa0, signedData));
    return btoa(String.fromCharCode(...contentInfo));
  }

  /** The signature of a JSON document as the node checks it: over its RFC 8785 canonical form, UTF-8. */
  function signJson(document, keyPem, certificatePem) {
    return sign(new TextEncoder().encode(window.canonicalize(document)), keyPem, certificatePem);
  }

  return {sign, signJson, privateKeyHex, certificate};
})();
