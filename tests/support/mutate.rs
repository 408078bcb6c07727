//! Byte edits for the mutation fuzzers (tests/properties.rs, tests/fuzz.rs): insertions (often
//! UTF-8 lead or continuation bytes) and deleted ranges, at places drawn by proptest.

use proptest::prelude::*;

/// One edit: at an index of the input, delete up to 5 bytes and insert up to 3.
pub type Edit = (prop::sample::Index, Vec<u8>, usize);

/// Up to six edits.
pub fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let edit = (
        any::<prop::sample::Index>(),
        prop::collection::vec(any::<u8>(), 0..4),
        0..6usize,
    );
    prop::collection::vec(edit, 0..6)
}

/// `bytes` with `edits` applied in order.
pub fn apply(mut bytes: Vec<u8>, edits: Vec<Edit>) -> Vec<u8> {
    for (at, insert, delete) in edits {
        let at = at.index(bytes.len() + 1);
        let end = (at + delete).min(bytes.len());
        bytes.splice(at..end, insert);
    }
    bytes
}
