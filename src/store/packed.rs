//! Texts stored deflated (an article's body, its original, its analysis JSON): they were most of
//! the store (the original repeats the body; the analysis JSON outweighed it). A body is read one
//! article at a time (the reader, `kiosk show`); search reads the full-text index, not bodies.
//!
//! A packed text is a BLOB of raw deflate; a TEXT value is read as it is, so stores written before
//! packing read unchanged and need no rewrite. Short texts stay TEXT (deflate would not pay).
//!
//! An original that holds its article's clean body verbatim (a text file) or JSON-escaped (a JSON
//! line) is stored without it: a BLOB starting with a tag byte that raw deflate never starts with
//! (block type 3 is reserved), the byte offset where the body goes, then the rest deflated. The
//! body is in the same row, so reading puts it back; a change of body first writes the original
//! whole ([`super::Writer::set_body`]).

use std::io::{Read, Write};

use flate2::Compression;
use flate2::read::DeflateDecoder;
use flate2::write::DeflateEncoder;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSqlOutput, Value, ValueRef};

/// Texts shorter than this are stored as TEXT: deflate's header and a tiny dictionary save nothing.
const PACK_FROM_BYTES: usize = 200;

/// `text` as the value to store: a deflated BLOB when that is smaller, else the text itself.
pub(super) fn pack(text: &str) -> ToSqlOutput<'_> {
    if text.len() >= PACK_FROM_BYTES {
        let mut encoder =
            DeflateEncoder::new(Vec::with_capacity(text.len() / 3), Compression::fast());
        // Writing into a Vec cannot fail; on the impossible error the text is stored plain.
        if encoder.write_all(text.as_bytes()).is_ok()
            && let Ok(bytes) = encoder.finish()
            && bytes.len() < text.len()
        {
            return ToSqlOutput::Owned(Value::Blob(bytes));
        }
    }
    ToSqlOutput::Borrowed(ValueRef::Text(text.as_bytes()))
}

/// First byte of an original stored without its body verbatim, and of one without its body
/// JSON-escaped: both have the reserved deflate block type, so no plain packed text starts so.
const WITHOUT_BODY: u8 = 0xFF;
const WITHOUT_ESCAPED_BODY: u8 = 0xFE;

/// `original` as the value to store beside `body`: without the body where it holds it, deflated.
pub(super) fn pack_original<'a>(original: &'a str, body: &str) -> ToSqlOutput<'a> {
    // An empty or short body saves too little to be worth a second form.
    if body.len() >= PACK_FROM_BYTES {
        let escaped = escape_json(body);
        let found = (original.find(body).map(|at| (WITHOUT_BODY, at, body.len()))).or_else(|| {
            (original.find(&escaped)).map(|at| (WITHOUT_ESCAPED_BODY, at, escaped.len()))
        });
        if let Some((tag, at, len)) = found
            && let Ok(offset) = u32::try_from(at)
        {
            let mut bytes = vec![tag];
            bytes.extend_from_slice(&offset.to_le_bytes());
            let mut encoder = DeflateEncoder::new(bytes, Compression::fast());
            if encoder.write_all(&original.as_bytes()[..at]).is_ok()
                && encoder.write_all(&original.as_bytes()[at + len..]).is_ok()
                && let Ok(bytes) = encoder.finish()
            {
                return ToSqlOutput::Owned(Value::Blob(bytes));
            }
        }
    }
    pack(original)
}

/// An article's body, original and analysis JSON packed ahead of the write (an import packs on
/// the analysis threads, so deflating is not the writer's work): [`super::Writer::insert_packed`]
/// and [`super::Writer::save_packed_analysis`] store them as they are.
pub struct PackedTexts {
    pub(super) body: Value,
    pub(super) original: Value,
    pub(super) analysis: Value,
}

impl PackedTexts {
    pub fn new(article: &crate::article::NewArticle, analysis: &crate::analyze::Analysis) -> Self {
        let json = serde_json::to_string(analysis).unwrap_or_default();
        Self {
            body: owned(pack(&article.body)),
            original: owned(pack_original(&article.original, &article.body)),
            analysis: owned(pack(&json)),
        }
    }
}

/// A value [`pack`] or [`pack_original`] gave, no longer borrowing its text.
fn owned(value: ToSqlOutput<'_>) -> Value {
    match value {
        ToSqlOutput::Owned(value) => value,
        ToSqlOutput::Borrowed(ValueRef::Text(text)) => {
            Value::Text(String::from_utf8_lossy(text).into_owned())
        }
        ToSqlOutput::Borrowed(ValueRef::Blob(bytes)) => Value::Blob(bytes.to_vec()),
        // `pack` gives only the forms above.
        _ => Value::Null,
    }
}

/// The original as stored by [`pack_original`] beside `body`.
pub(super) fn unpack_original(value: ValueRef<'_>, body: &str) -> Result<String, FromSqlError> {
    let ValueRef::Blob(bytes) = value else {
        return unpack(value);
    };
    let (tag, rest) = match bytes.split_first() {
        Some((&tag, rest)) if tag == WITHOUT_BODY || tag == WITHOUT_ESCAPED_BODY => (tag, rest),
        _ => return unpack(value),
    };
    let damaged = || FromSqlError::Other("a packed original too short for its offset".into());
    let (offset, deflated) = rest.split_first_chunk::<4>().ok_or_else(damaged)?;
    let offset = usize::try_from(u32::from_le_bytes(*offset)).map_err(|_| damaged())?;
    let rest = unpack(ValueRef::Blob(deflated))?;
    if !rest.is_char_boundary(offset) {
        return Err(damaged());
    }
    let inserted = if tag == WITHOUT_BODY {
        body.to_string()
    } else {
        escape_json(body)
    };
    Ok(format!("{}{inserted}{}", &rest[..offset], &rest[offset..]))
}

/// The clean body and the original of a row holding them at columns `body` and `body + 1`.
pub(super) fn body_and_original(
    row: &rusqlite::Row<'_>,
    body: usize,
) -> rusqlite::Result<(String, String)> {
    let text = row.get::<_, Packed>(body)?.0;
    let stored = row.get_ref(body + 1)?;
    let original = unpack_original(stored, &text).map_err(|error| {
        rusqlite::Error::FromSqlConversionFailure(body + 1, stored.data_type(), error.into())
    })?;
    Ok((text, original))
}

/// `text` as inside a JSON string (serde_json's escapes, without the quotes).
fn escape_json(text: &str) -> String {
    let quoted = serde_json::to_string(text).unwrap_or_default();
    quoted[1..quoted.len().saturating_sub(1).max(1)].to_string()
}

/// A column read through [`unpack`]: `row.get::<_, Packed>(i)?.0`.
pub(super) struct Packed(pub String);

impl FromSql for Packed {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        unpack(value).map(Packed)
    }
}

/// The text of a stored value written by [`pack`] (or plain TEXT, as older stores hold).
pub(super) fn unpack(value: ValueRef<'_>) -> Result<String, FromSqlError> {
    match value {
        ValueRef::Text(bytes) => {
            String::from_utf8(bytes.to_vec()).map_err(|error| FromSqlError::Other(error.into()))
        }
        ValueRef::Blob(bytes) => {
            let mut text = String::with_capacity(bytes.len() * 3);
            DeflateDecoder::new(bytes)
                .read_to_string(&mut text)
                .map_err(|error| FromSqlError::Other(error.into()))?;
            Ok(text)
        }
        _ => Err(FromSqlError::InvalidType),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(text: &str) -> String {
        match pack(text) {
            ToSqlOutput::Owned(Value::Blob(bytes)) => unpack(ValueRef::Blob(&bytes)),
            ToSqlOutput::Borrowed(value) => unpack(value),
            other => panic!("pack gives a blob or the text, not {other:?}"),
        }
        .expect("unpack")
    }

    #[test]
    fn long_texts_are_deflated_and_read_back_unchanged() {
        let text = "Le Kenya et le Brésil signent un accord. ".repeat(60);
        assert!(matches!(pack(&text), ToSqlOutput::Owned(Value::Blob(_))));
        assert_eq!(round_trip(&text), text);
    }

    #[test]
    fn short_texts_and_older_plain_values_stay_text() {
        assert!(matches!(
            pack("short"),
            ToSqlOutput::Borrowed(ValueRef::Text(_))
        ));
        assert_eq!(round_trip("short"), "short");
        assert_eq!(
            unpack(ValueRef::Text("plain 🌍".as_bytes())).unwrap(),
            "plain 🌍"
        );
    }

    #[test]
    fn an_original_holding_its_body_is_stored_without_it_and_read_back_whole() {
        let body = "Le Kenya et le Brésil signent un accord.\n\n« Une étape », dit-il. ".repeat(8);
        let text = format!("Titre\n\n{body}");
        let line = format!(
            "{{\"title\": \"Titre\", \"body\": {}, \"id\": 7}}",
            serde_json::to_string(&body).unwrap()
        );
        for original in [text, line] {
            let ToSqlOutput::Owned(Value::Blob(bytes)) = pack_original(&original, &body) else {
                panic!("a blob");
            };
            assert!(bytes[0] == WITHOUT_BODY || bytes[0] == WITHOUT_ESCAPED_BODY);
            assert!(bytes.len() < original.len() / 4, "{} bytes", bytes.len());
            let read = unpack_original(ValueRef::Blob(&bytes), &body).unwrap();
            assert_eq!(read, original);
        }
        // An original not holding the body is packed whole, and reads without it.
        let other = "Autre chose entièrement. ".repeat(20);
        let ToSqlOutput::Owned(Value::Blob(bytes)) = pack_original(&other, &body) else {
            panic!("a blob");
        };
        assert_eq!(unpack_original(ValueRef::Blob(&bytes), "").unwrap(), other);
    }

    #[test]
    fn a_damaged_original_is_an_error_not_a_panic() {
        for bytes in [
            &[WITHOUT_BODY][..],
            &[WITHOUT_ESCAPED_BODY, 9, 0, 0, 0, 0x03, 0x00],
        ] {
            assert!(unpack_original(ValueRef::Blob(bytes), "body").is_err());
        }
    }

    #[test]
    fn a_damaged_blob_is_an_error_not_a_panic() {
        assert!(unpack(ValueRef::Blob(&[0xff, 0x00, 0x13])).is_err());
    }
}
