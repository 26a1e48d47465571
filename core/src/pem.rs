//! Minimal PEM and DER reading for RSA keys (no secret ever appears in an error).

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use ring::signature::RsaKeyPair;

/// One PEM block: its label (`PRIVATE KEY`) and DER bytes.
pub(crate) struct Block {
    pub label: String,
    pub der: Vec<u8>,
}

/// Parses the first PEM block in `text`.
pub(crate) fn parse(text: &str) -> Option<Block> {
    let start = text.find("-----BEGIN ")?;
    let rest = &text[start + 11..];
    let label_end = rest.find("-----")?;
    let label = rest[..label_end].to_string();
    let body_start = &rest[label_end + 5..];
    let end_marker = format!("-----END {label}-----");
    let body_end = body_start.find(&end_marker)?;
    let b64: String = body_start[..body_end].chars().filter(|c| !c.is_whitespace()).collect();
    // Literal "\n" sequences appear when a key travels through an environment variable.
    let b64 = b64.replace("\\n", "");
    let der = STANDARD.decode(b64).ok()?;
    Some(Block { label, der })
}

/// A description of a would-be key that never reveals its content.
pub(crate) fn describe(text: &str) -> String {
    if text.trim().is_empty() {
        "<empty>".into()
    } else {
        format!("<redacted, {} chars, no PEM block>", text.len())
    }
}

/// Builds an RSA key pair from a `PRIVATE KEY` (PKCS#8) or `RSA PRIVATE KEY` (PKCS#1) block.
pub(crate) fn rsa_key_pair(block: &Block) -> Result<RsaKeyPair, String> {
    match block.label.as_str() {
        "PRIVATE KEY" => RsaKeyPair::from_pkcs8(&block.der).map_err(|e| e.to_string()),
        "RSA PRIVATE KEY" => RsaKeyPair::from_der(&block.der).map_err(|e| e.to_string()),
        other => Err(format!("a {other} block is not an RSA private key")),
    }
}

/// Reads one DER TLV at `input`, returning (tag, content, rest).
fn tlv(input: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = input.split_first()?;
    let (&first, rest) = rest.split_first()?;
    let (len, rest) = if first < 0x80 {
        (first as usize, rest)
    } else {
        let n = (first & 0x7f) as usize;
        if n == 0 || n > 4 || rest.len() < n {
            return None;
        }
        let len = rest[..n].iter().fold(0usize, |acc, b| (acc << 8) | *b as usize);
        (len, &rest[n..])
    };
    if rest.len() < len {
        return None;
    }
    Some((tag, &rest[..len], &rest[len..]))
}

/// Extracts the PKCS#1 `RSAPublicKey` from a SubjectPublicKeyInfo.
pub(crate) fn spki_to_pkcs1(der: &[u8]) -> Option<Vec<u8>> {
    let (tag, spki, _) = tlv(der)?;
    if tag != 0x30 {
        return None;
    }
    let (alg_tag, alg, rest) = tlv(spki)?;
    // rsaEncryption OID 1.2.840.113549.1.1.1
    const RSA_OID: [u8; 11] = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];
    if alg_tag != 0x30 || !alg.starts_with(&RSA_OID) {
        return None;
    }
    let (bit_tag, bits, _) = tlv(rest)?;
    if bit_tag != 0x03 || bits.first() != Some(&0) {
        return None;
    }
    Some(bits[1..].to_vec())
}
