//! Reading a file's bytes as text: encodings, binary detection, size limit.
//!
//! News corpora come from everywhere, so this module is lenient about encodings
//! (UTF-8 with or without BOM, UTF-16 with BOM, and a Windows-1252 fallback for
//! old Latin-1 files) and strict about what is not text at all. It does not
//! know any article format; line endings are normalised to `\n` so the format
//! parsers only ever see one kind.

use std::fs::File;
use std::io::Read;
use std::path::Path;

/// Files larger than this are not read (64 MiB): no single article is that
/// big, and reading one whole would only waste memory. JSON Lines files are
/// streamed and so are exempt, but each of their lines has the same limit.
pub const MAX_FILE_BYTES: u64 = 64 * MIB;

const MIB: u64 = 1024 * 1024;

/// How much of the start of a file is inspected to decide whether it is binary.
const SNIFF_BYTES: usize = 8 * 1024;

/// Reads a file as text.
///
/// UTF-8 (BOM stripped); UTF-16 LE/BE with BOM; otherwise, if the bytes are not
/// valid UTF-8 but look like text, Windows-1252 (a superset of Latin-1 in
/// practice, so a stray `£` in an old file is kept, not lost). CRLF and lone CR
/// line endings become `\n`.
///
/// Errors are reasons ready for a [`Problem`](super::Problem): `"binary file"`,
/// `"empty file"`, `"file is 100.0 MiB, over the 64 MiB limit"`, or the I/O
/// error.
pub fn read_text(path: &Path) -> Result<String, String> {
    decode(&read_bytes(path)?)
}

/// Reads a whole file's bytes, refusing files over [`MAX_FILE_BYTES`]; errors
/// are reasons as for [`read_text`].
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, String> {
    let file = File::open(path).map_err(|e| format!("cannot read: {e}"))?;
    // Check the size before reading so a huge file costs nothing; `take` below
    // guards against a file that grows in between.
    let len = file
        .metadata()
        .map_err(|e| format!("cannot read: {e}"))?
        .len();
    if len > MAX_FILE_BYTES {
        return Err(too_big(len));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Decodes a whole file's bytes (see [`read_text`]).
pub fn decode(bytes: &[u8]) -> Result<String, String> {
    let text = if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        decode_utf16(rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        decode_utf16(rest, u16::from_be_bytes)?
    } else {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if looks_binary(bytes) {
            return Err("binary file".to_string());
        }
        decode_8bit(bytes)
    };
    if text.trim().is_empty() {
        return Err("empty file".to_string());
    }
    Ok(normalize_newlines(text))
}

/// True when the start of `bytes` has a NUL byte or more than 5% control
/// characters (other than tab, newlines, form feed and escape). Text in any
/// 8-bit encoding or UTF-8 passes; executables, images and compressed data
/// do not.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if sample.contains(&0) {
        return true;
    }
    let controls = sample
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B)) || b == 0x7F)
        .count();
    controls * 20 > sample.len()
}

/// UTF-8 when valid, else Windows-1252. Never fails: every byte means
/// something in Windows-1252 (the five undefined ones map to the C1 controls,
/// as browsers do).
pub fn decode_8bit(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    }
}

fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, String> {
    if !bytes.len().is_multiple_of(2) {
        return Err("not valid UTF-16: odd number of bytes".to_string());
    }
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let text: String = char::decode_utf16(units)
        .collect::<Result<_, _>>()
        .map_err(|e| format!("not valid UTF-16: {e}"))?;
    if text.contains('\0') {
        return Err("binary file".to_string());
    }
    Ok(text)
}

/// The character for one Windows-1252 byte.
fn windows_1252(byte: u8) -> char {
    // Only 0x80..=0x9F differ from Latin-1 (where they are C1 controls).
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// CRLF and lone CR become LF.
pub fn normalize_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

fn too_big(len: u64) -> String {
    format!(
        "file is {:.1} MiB, over the {} MiB limit",
        len as f64 / MIB as f64,
        MAX_FILE_BYTES / MIB
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn write_temp(bytes: &[u8]) -> tempfile::NamedTempFile {
        let mut file = tempfile::NamedTempFile::new().expect("temp file");
        file.write_all(bytes).expect("write temp file");
        file
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("héllo".as_bytes()).as_deref(), Ok("héllo"));
        assert_eq!(decode(b"\xEF\xBB\xBFhello").as_deref(), Ok("hello"));
    }

    #[test]
    fn utf16_both_byte_orders() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("£5\r\nok".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("£5\r\nok".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&le).as_deref(), Ok("£5\nok"));
        assert_eq!(decode(&be).as_deref(), Ok("£5\nok"));
        assert!(decode(&[0xFF, 0xFE, 0x41]).is_err());
    }

    #[test]
    fn latin1_falls_back_to_windows_1252() {
        assert_eq!(decode(b"cost \xA35m").as_deref(), Ok("cost £5m"));
        assert_eq!(decode(b"\x93quoted\x94 \x80").as_deref(), Ok("“quoted” €"));
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(decode(b"%PDF-1.4\n\x00\x01\x02"), Err("binary file".into()));
        let controls: Vec<u8> = (0..100)
            .map(|i| if i % 4 == 0 { 0x01 } else { b'a' })
            .collect();
        assert_eq!(decode(&controls), Err("binary file".into()));
        // A single stray control character in real text is fine.
        let mut text = "word ".repeat(100).into_bytes();
        text.push(0x07);
        assert!(decode(&text).is_ok());
    }

    #[test]
    fn empty_and_blank_are_refused() {
        assert_eq!(decode(b""), Err("empty file".into()));
        assert_eq!(decode(b" \r\n\t\n"), Err("empty file".into()));
        assert_eq!(decode(b"\xEF\xBB\xBF\n"), Err("empty file".into()));
    }

    #[test]
    fn line_endings_become_lf() {
        assert_eq!(decode(b"a\r\nb\rc\n").as_deref(), Ok("a\nb\nc\n"));
    }

    #[test]
    fn reads_files_and_reports_size() {
        let file = write_temp(b"Title\n\nBody.");
        assert_eq!(read_text(file.path()).as_deref(), Ok("Title\n\nBody."));
        assert_eq!(
            too_big(100 * MIB),
            "file is 100.0 MiB, over the 64 MiB limit"
        );
        let missing = read_text(Path::new("/nonexistent/newsdex/x.txt"));
        assert!(missing.is_err_and(|e| e.starts_with("cannot read: ")));
    }

    #[test]
    fn oversized_file_is_refused_without_reading_it() {
        let file = tempfile::NamedTempFile::new().expect("temp file");
        // A sparse file: its length is set, no data is written.
        file.as_file()
            .set_len(MAX_FILE_BYTES + 1)
            .expect("set length");
        assert_eq!(
            read_text(file.path()),
            Err("file is 64.0 MiB, over the 64 MiB limit".into())
        );
    }
}
