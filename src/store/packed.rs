//! Texts kept for rare reads (an article's original, its analysis JSON) stored deflated: they were
//! most of the store (the original repeats the body; the analysis JSON outweighed it).
//!
//! A packed text is a BLOB of raw deflate; a TEXT value is read as it is, so stores written before
//! packing read unchanged and need no rewrite. Short texts stay TEXT (deflate would not pay).

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
    fn a_damaged_blob_is_an_error_not_a_panic() {
        assert!(unpack(ValueRef::Blob(&[0xff, 0x00, 0x13])).is_err());
    }
}
