//! Viterbi decoding of the tagger's tags: the best-scoring tag sequence over each run of scored
//! tokens, where greedy decoding let one early mistake ("Bank" read as a person) steer the rest.

use super::features::{Features, Scored, feature};
use super::{OUTSIDE, SLOT, TAGS, allowed};

/// The rows of [`ALLOWED`]: how a token is scored.
const SCORED: [Scored; 3] = [Scored::Never, Scored::Always, Scored::Inside];

const fn scored_row(scored: Scored) -> usize {
    match scored {
        Scored::Never => 0,
        Scored::Always => 1,
        Scored::Inside => 2,
    }
}

/// [`allowed`] as a table: `ALLOWED[scored_row(scored)][prev][tag]` (tags past the seventh never).
const ALLOWED: [[[bool; SLOT]; TAGS]; 3] = {
    let mut table = [[[false; SLOT]; TAGS]; 3];
    let mut row = 0;
    while row < 3 {
        let mut prev = 0;
        while prev < TAGS {
            let mut tag = 0;
            while tag < TAGS {
                #[allow(clippy::cast_possible_truncation)] // below TAGS, 7
                let allow = allowed(SCORED[row], prev as u8, tag as u8);
                table[row][prev][tag] = allow;
                tag += 1;
            }
            prev += 1;
        }
        row += 1;
    }
    table
};

/// The tag before the first token of a text.
const START: u32 = 15;

/// The features of token `i` that depend on the tag before it (`prev`, `None` at the text's
/// start): the transition itself and the transition crossed with the token's shape.
pub fn prev_features(f: &Features, i: usize, prev: Option<u8>) -> [u32; 2] {
    prev_move(f.shape[i], prev)
}

/// [`prev_features`] of a token of shape class `shape`.
pub fn prev_move(shape: u8, prev: Option<u8>) -> [u32; 2] {
    let p = prev.map_or(START, u32::from);
    [feature(90, p), feature(91, p << 8 | u32::from(shape))]
}

/// The tag sequence with the highest total score. `score` adds the weights of a set of feature
/// hashes to the tag scores. Tokens never scored are outside; a run of scored tokens is decoded
/// as a whole.
pub fn viterbi(f: &Features, score: impl Fn(&[u32], &mut [f32; SLOT])) -> Vec<u8> {
    viterbi_with(f, &score, |k, prev| {
        let mut moves = [0f32; SLOT];
        score(&prev_features(f, k, prev), &mut moves);
        moves
    })
}

/// [`viterbi`] with the scores of the tag-dependent features ([`prev_features`]) of token `k`
/// after `prev` given by `moves`: a model answers them from a table (`Model::moves`), where
/// hashing them cost seven lookups a token.
pub fn viterbi_with(
    f: &Features,
    score: impl Fn(&[u32], &mut [f32; SLOT]),
    moves: impl Fn(usize, Option<u8>) -> [f32; SLOT],
) -> Vec<u8> {
    let n = f.scored.len();
    let mut tags = vec![OUTSIDE; n];
    let mut i = 0;
    // Scores and back-pointers of the current run, reused across runs.
    let mut best: Vec<[f32; SLOT]> = Vec::new();
    let mut back: Vec<[u8; SLOT]> = Vec::new();
    while i < n {
        if f.scored[i] == Scored::Never {
            i += 1;
            continue;
        }
        let end = (i..n).find(|&k| f.scored[k] == Scored::Never).unwrap_or(n);
        best.clear();
        back.clear();
        for k in i..end {
            let mut own = [0f32; SLOT];
            score(f.of(k), &mut own);
            let mut here = [f32::NEG_INFINITY; SLOT];
            let mut from = [OUTSIDE; SLOT];
            // The run's first token follows an outside token or the text's start.
            let prevs: &[u8] = if k == i { &[OUTSIDE] } else { &ALL_TAGS };
            for &prev in prevs {
                let before = if k == i {
                    0.0
                } else {
                    best[k - i - 1][usize::from(prev)]
                };
                if before == f32::NEG_INFINITY {
                    continue;
                }
                let at_start = k == 0;
                let moves = moves(k, (!at_start).then_some(prev));
                // Branch-free over the tags (a tag not allowed scores minus infinity, which never
                // beats `here`), so that the compiler can do the eight at once.
                let ok = &ALLOWED[scored_row(f.scored[k])][usize::from(prev)];
                for (t, &ok) in ok.iter().enumerate() {
                    let total = if ok {
                        before + own[t] + moves[t]
                    } else {
                        f32::NEG_INFINITY
                    };
                    if total > here[t] {
                        here[t] = total;
                        from[t] = prev;
                    }
                }
            }
            best.push(here);
            back.push(from);
        }
        let last = best.last().expect("a run has a token");
        let mut tag = OUTSIDE;
        for t in ALL_TAGS {
            if last[usize::from(t)] > last[usize::from(tag)] {
                tag = t;
            }
        }
        for k in (i..end).rev() {
            tags[k] = tag;
            tag = back[k - i][usize::from(tag)];
        }
        i = end;
    }
    tags
}

#[allow(clippy::cast_possible_truncation)] // TAGS is 7
const ALL_TAGS: [u8; TAGS] = {
    let mut all = [0u8; TAGS];
    let mut t = 0;
    while t < TAGS {
        all[t] = t as u8;
        t += 1;
    }
    all
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_allowed_table_is_allowed() {
        for scored in SCORED {
            for prev in ALL_TAGS {
                let row = &ALLOWED[scored_row(scored)][usize::from(prev)];
                for tag in ALL_TAGS {
                    assert_eq!(row[usize::from(tag)], allowed(scored, prev, tag));
                }
                assert!(!row[TAGS], "the padding tag is never allowed");
            }
        }
    }
}
