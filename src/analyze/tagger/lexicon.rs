//! The tagger's facts about a word form that depend on nothing else (its hash, affix hashes and
//! cue-list memberships), remembered per thread: a news text repeats its words, and the corpus
//! of a reader repeats them more, so most tokens cost one lookup instead of ten.

use std::cell::RefCell;
use std::collections::HashMap;

use super::super::gazetteer::{FastHash, is_given_name};
use super::super::name_cues::{
    CENSUS_GIVEN, SAID, SURNAMES, is_event_word, is_function_word, is_title,
};
use super::super::orgs::is_org_word;
use super::super::places::is_place_word;
use super::features::str_hash;

/// Cue-list memberships of a word form (bit flags of [`Lex::cues`]), in the order of the
/// tagger's cue features.
pub mod cue {
    pub const GIVEN: u16 = 1;
    pub const CENSUS_GIVEN: u16 = 1 << 1;
    pub const SURNAME: u16 = 1 << 2;
    pub const ORG_WORD: u16 = 1 << 3;
    pub const PLACE_WORD: u16 = 1 << 4;
    pub const FUNCTION_WORD: u16 = 1 << 5;
    pub const TITLE: u16 = 1 << 6;
    pub const EVENT_WORD: u16 = 1 << 7;
    /// A speech verb ("said"): asked of a name's next word only.
    pub const SAID: u16 = 1 << 9;
}

/// What the tagger's features need of a folded word form.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Lex {
    /// `str_hash` of the form, made odd so that 0 means "not looked up yet".
    pub word: u32,
    pub prefix3: u32,
    pub suffix3: u32,
    pub suffix2: u32,
    pub cues: u16,
}

/// Word forms remembered per thread before the memo starts over (a few MB at most).
const CAPACITY: usize = 1 << 15;

thread_local! {
    static MEMO: RefCell<HashMap<Box<str>, Lex, FastHash>> = RefCell::new(HashMap::default());
}

/// The facts about `folded`, remembered.
pub fn lookup(folded: &str) -> Lex {
    MEMO.with_borrow_mut(|memo| {
        if let Some(lex) = memo.get(folded) {
            return *lex;
        }
        let lex = compute(folded);
        if memo.len() >= CAPACITY {
            memo.clear();
        }
        memo.insert(folded.into(), lex);
        lex
    })
}

/// The facts about `folded`, worked out.
pub fn compute(folded: &str) -> Lex {
    let f = folded;
    let bit = |yes: bool, bit: u16| if yes { bit } else { 0 };
    let cues = bit(is_given_name(f), cue::GIVEN)
        | bit(CENSUS_GIVEN.contains(f), cue::CENSUS_GIVEN)
        | bit(SURNAMES.contains(f), cue::SURNAME)
        | bit(is_org_word(f), cue::ORG_WORD)
        | bit(is_place_word(f), cue::PLACE_WORD)
        | bit(is_function_word(f), cue::FUNCTION_WORD)
        | bit(is_title(f), cue::TITLE)
        | bit(is_event_word(f), cue::EVENT_WORD)
        | bit(SAID.contains(f), cue::SAID);
    Lex {
        word: str_hash(f) | 1,
        prefix3: str_hash(prefix(f, 3)),
        suffix3: str_hash(suffix(f, 3)),
        suffix2: str_hash(suffix(f, 2)),
        cues,
    }
}

/// The first `chars` characters of `word` (all of it when shorter).
pub fn prefix(word: &str, chars: usize) -> &str {
    word.char_indices()
        .nth(chars)
        .map_or(word, |(at, _)| &word[..at])
}

/// The last `chars` characters of `word` (all of it when shorter), found from the end.
pub fn suffix(word: &str, chars: usize) -> &str {
    word.char_indices()
        .rev()
        .nth(chars.wrapping_sub(1))
        .map_or(word, |(at, _)| &word[at..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn affixes_respect_characters() {
        assert_eq!(prefix("élysée", 3), "ély");
        assert_eq!(suffix("élysée", 3), "sée");
        assert_eq!(suffix("ab", 3), "ab");
        assert_eq!(suffix("abc", 3), "abc");
        assert_eq!(suffix("abcd", 2), "cd");
        assert_eq!(suffix("", 2), "");
    }

    #[test]
    fn the_memo_gives_what_computing_gives() {
        for word in [
            "said", "bank", "mr", "general", "smith", "élysée", "", "john", "said",
        ] {
            assert_eq!(lookup(word), compute(word), "{word}");
            assert_eq!(lookup(word), compute(word), "{word}, remembered");
        }
        let said = compute("said");
        assert!(said.cues & cue::SAID != 0 && said.word & 1 == 1);
        assert!(compute("bank").cues & cue::ORG_WORD != 0);
    }
}
