//! The trained name tagger: an averaged perceptron over hashed features, Viterbi-decoded with the
//! previous tag as a feature, labelling people, organisations and places (BIO).
//! The model is `assets/ner.model`, trained by `examples/train_ner.rs`.

mod document;
pub mod features;
mod lexicon;
pub mod train;
pub mod viterbi;

use std::sync::LazyLock;

use super::EntityKind;
use super::gazetteer::FastSet;
use super::matches::Hit;
use super::orgs::OrgMention;
use super::people::PersonMention;
use super::places::PlaceMention;
use super::tokens::Token;
use features::{Scored, rule};

/// Tags: 0 is outside; then B and I of PER, ORG and LOC.
pub const TAGS: usize = 7;
/// Weights per feature bucket: the tags padded to 8 so that a bucket is one aligned load.
pub const SLOT: usize = 8;
pub const OUTSIDE: u8 = 0;

const MAGIC: &[u8; 4] = b"KNR1";

/// A trained model: `weights[bucket * SLOT + tag]`, scaled to i16.
pub struct Model {
    bits: u32,
    weights: Vec<i16>,
    /// The scores of the tag-dependent features ([`viterbi::prev_features`]) for every shape
    /// class and previous tag (or the text's start, [`PREVS`] - 1): `moves[shape * PREVS + prev]`.
    moves: Vec<[f32; SLOT]>,
}

/// The previous tags a move table row is for: the tags, then the text's start.
const PREVS: usize = TAGS + 1;

/// The shipped model, read on first use (the reader's first screen analyses nothing).
static MODEL: LazyLock<Model> = LazyLock::new(|| {
    Model::parse(include_bytes!("../../assets/ner.model")).expect("the shipped model parses")
});

impl Model {
    /// Reads a model file: magic, bucket bits, then the weights as little-endian i16.
    pub fn parse(bytes: &[u8]) -> Result<Model, String> {
        let body = bytes
            .strip_prefix(MAGIC)
            .ok_or("not a kiosk NER model (bad magic)")?;
        let (&bits, body) = body.split_first().ok_or("model header truncated")?;
        let bits = u32::from(bits);
        if !(8..=24).contains(&bits) || body.len() != (SLOT << bits) * 2 {
            return Err(format!("model size does not match its {bits} bucket bits"));
        }
        let weights = body
            .chunks_exact(2)
            .map(|b| i16::from_le_bytes([b[0], b[1]]))
            .collect();
        let mut model = Model {
            bits,
            weights,
            moves: Vec::new(),
        };
        model.moves = (0..=u8::MAX)
            .flat_map(|shape| (0..PREVS).map(move |p| (shape, u8::try_from(p).ok())))
            .map(|(shape, p)| {
                let prev = p.filter(|&p| usize::from(p) < TAGS);
                let mut scores = [0f32; SLOT];
                model.add(&viterbi::prev_move(shape, prev), &mut scores);
                scores
            })
            .collect();
        Ok(model)
    }

    /// The scores of the tag-dependent features of a token of shape class `shape` after
    /// `prev` (`None` at the text's start): what [`Model::add`] gives for them, from a table.
    #[inline]
    pub fn moves(&self, shape: u8, prev: Option<u8>) -> [f32; SLOT] {
        let p = prev.map_or(PREVS - 1, usize::from).min(PREVS - 1);
        self.moves[usize::from(shape) * PREVS + p]
    }

    /// Writes averaged weights (`SLOT << bits` of them) as a model file, scaled so the largest
    /// magnitude fills i16.
    pub fn serialize(bits: u32, weights: &[f32]) -> Vec<u8> {
        let max = weights.iter().fold(0f32, |m, w| m.max(w.abs())).max(1e-9);
        let scale = f32::from(i16::MAX) / max;
        let mut out = MAGIC.to_vec();
        out.push(u8::try_from(bits).unwrap_or(0));
        for w in weights {
            #[allow(clippy::cast_possible_truncation)] // clamped to i16's range
            let q = (w * scale).round().clamp(-32767.0, 32767.0) as i16;
            out.extend_from_slice(&q.to_le_bytes());
        }
        out
    }

    #[inline]
    pub fn bucket(bits: u32, hash: u32) -> usize {
        (hash >> (32 - bits)) as usize
    }

    fn add(&self, hashes: &[u32], scores: &mut [f32; SLOT]) {
        let mut sum = [0i32; SLOT];
        for &h in hashes {
            let at = Self::bucket(self.bits, h) * SLOT;
            for (s, w) in sum.iter_mut().zip(&self.weights[at..at + SLOT]) {
                *s += i32::from(*w);
            }
        }
        for (s, v) in scores.iter_mut().zip(sum) {
            #[allow(clippy::cast_precision_loss)] // sums of a few i16 weights, far below f32's 2^24
            let v = v as f32;
            *s += v;
        }
    }
}

/// Whether `tag` may follow `prev` on a token scored as `scored`.
pub const fn allowed(scored: Scored, prev: u8, tag: u8) -> bool {
    if tag == OUTSIDE {
        return true;
    }
    let inside = tag.is_multiple_of(2);
    let continues = prev != OUTSIDE && prev.div_ceil(2) == tag.div_ceil(2);
    match scored {
        Scored::Never => false,
        Scored::Always => !inside || continues,
        Scored::Inside => inside && continues,
    }
}

/// Rule findings per token, as features.
pub fn rule_marks(
    tokens: &[Token],
    people: &[PersonMention],
    orgs: &[OrgMention],
    places: &[PlaceMention],
) -> Vec<u8> {
    let mut marks = vec![0u8; tokens.len()];
    let spans = people
        .iter()
        .map(|p| (p.start, p.end, rule::PERSON))
        .chain(orgs.iter().map(|o| (o.start, o.end, rule::ORG)))
        .chain(places.iter().map(|p| (p.start, p.end, rule::PLACE)));
    for (start, end, kind) in spans {
        let mut i = tokens.partition_point(|t| t.start < start);
        let mut flag = rule::FIRST;
        while i < tokens.len() && tokens[i].start < end {
            marks[i] |= kind | flag;
            flag = 0;
            i += 1;
        }
    }
    marks
}

/// A name the tagger found, in byte offsets of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
}

/// The spans a tag sequence spells.
pub fn spans(tokens: &[Token], tags: &[u8]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for (t, &tag) in tokens.iter().zip(tags) {
        if tag == OUTSIDE {
            continue;
        }
        let kind = match tag.div_ceil(2) {
            1 => EntityKind::Person,
            2 => EntityKind::Organization,
            _ => EntityKind::Place,
        };
        match out.last_mut() {
            Some(last) if tag.is_multiple_of(2) => last.end = t.end,
            _ => out.push(Span {
                start: t.start,
                end: t.end,
                kind,
            }),
        }
    }
    out
}

/// Whether the text is written in a script with case, which the tagger's features rely on:
/// Arabic and other caseless texts keep the rules alone.
pub fn applies(tokens: &[Token]) -> bool {
    let cased = tokens.iter().filter(|t| t.is_cap || t.has_lower).count();
    cased * 2 > tokens.len()
}

/// The shipped model, parsed on first use.
pub fn shipped() -> &'static Model {
    &MODEL
}

/// Tags the names of an analysed text with `model`.
pub fn tag(
    model: &Model,
    tokens: &[Token],
    hits: &[Hit],
    covered: &[Option<usize>],
    lower: &FastSet<&str>,
    marks: &[u8],
    german: bool,
) -> Vec<Span> {
    let f = features::extract(tokens, hits, covered, lower, marks, german);
    let tags = viterbi::viterbi_with(
        &f,
        |h, s| model.add(h, s),
        |k, prev| model.moves(f.shape[k], prev),
    );
    spans(tokens, &tags)
}

#[cfg(test)]
mod tests;
