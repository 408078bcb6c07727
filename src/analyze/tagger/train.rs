//! Training of the tagger: a structured averaged perceptron (Collins 2002) over the same features
//! and Viterbi decoder that tagging uses, deterministic (integer updates, a fixed shuffle seed), so a run reproduces its model
//! byte for byte.

use super::features::{Features, Scored};
use super::viterbi::{prev_features, viterbi};
use super::{Model, OUTSIDE, SLOT, allowed};

/// One training text: its features and a gold tag per token.
pub struct Example {
    pub features: Features,
    pub gold: Vec<u8>,
}

impl Example {
    /// Pairs features with gold tags, made decodable: tokens the tagger never scores are
    /// outside, and a continuation the decoder cannot reach opens a name instead (or is dropped).
    pub fn new(features: Features, mut gold: Vec<u8>) -> Example {
        let mut prev = OUTSIDE;
        for (i, tag) in gold.iter_mut().enumerate() {
            let scored = features.scored[i];
            if scored == Scored::Never || scored == Scored::Inside && prev == OUTSIDE {
                *tag = OUTSIDE;
            }
            if !allowed(scored, prev, *tag) {
                let opening = *tag - 1;
                *tag = if *tag % 2 == 0 && allowed(scored, prev, opening) {
                    opening
                } else {
                    OUTSIDE
                };
            }
            prev = *tag;
        }
        Example { features, gold }
    }
}

/// Training settings: feature bucket bits, passes over the data and the shuffle seed.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    pub bits: u32,
    pub epochs: u32,
    pub seed: u64,
}

/// Weights with lazily averaged sums: `sum[k]` holds the total of `w[k]` over every step up to
/// `stamp[k]`.
struct Perceptron {
    bits: u32,
    w: Vec<i32>,
    sum: Vec<i64>,
    stamp: Vec<u32>,
    step: u32,
}

impl Perceptron {
    fn bump(&mut self, k: usize, by: i32) {
        self.sum[k] += i64::from(self.step - self.stamp[k]) * i64::from(self.w[k]);
        self.stamp[k] = self.step;
        self.w[k] += by;
    }

    /// Adds `by` to the weights of `tag` for each feature.
    fn update(&mut self, hashes: &[u32], tag: u8, by: i32) {
        for &h in hashes {
            let at = Model::bucket(self.bits, h) * SLOT;
            self.bump(at + usize::from(tag), by);
        }
    }

    fn add(&self, hashes: &[u32], scores: &mut [f32; SLOT]) {
        for &h in hashes {
            let at = Model::bucket(self.bits, h) * SLOT;
            for (s, w) in scores.iter_mut().zip(&self.w[at..at + SLOT]) {
                #[allow(clippy::cast_precision_loss)] // i32 weights of a few thousand steps
                let w = *w as f32;
                *s += w;
            }
        }
    }

    /// Moves the weights toward the gold tags of one text and away from the predicted ones,
    /// where the two disagree on a tag or on the tag before it; returns the tokens wrong.
    fn learn(&mut self, f: &Features, gold: &[u8], predicted: &[u8]) -> u64 {
        self.step += 1;
        let mut errors = 0;
        for (i, (&g, &p)) in gold.iter().zip(predicted).enumerate() {
            let before = |tags: &[u8]| (i > 0).then(|| tags[i - 1]);
            if g == p && before(gold) == before(predicted) {
                continue;
            }
            if g != p {
                errors += 1;
                self.update(f.of(i), g, 1);
                self.update(f.of(i), p, -1);
            }
            if f.scored[i] != Scored::Never {
                self.update(&prev_features(f, i, before(gold)), g, 1);
                self.update(&prev_features(f, i, before(predicted)), p, -1);
            }
        }
        errors
    }

    fn averaged(mut self) -> Vec<f32> {
        let step = i64::from(self.step.max(1));
        (0..self.w.len())
            .map(|k| {
                self.sum[k] += i64::from(self.step - self.stamp[k]) * i64::from(self.w[k]);
                // An average weight: f32 is the model's precision.
                #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)]
                let average = (self.sum[k] as f64 / step as f64) as f32;
                average
            })
            .collect()
    }
}

/// A small fixed-seed generator for the shuffle (xorshift64*).
fn next(state: &mut u64) -> u64 {
    *state ^= *state >> 12;
    *state ^= *state << 25;
    *state ^= *state >> 27;
    state.wrapping_mul(0x2545_f491_4f6c_dd1d)
}

/// Trains a model file from `examples`; `report` hears each epoch's token error count.
pub fn train(
    examples: &[Example],
    settings: Settings,
    mut report: impl FnMut(u32, u64),
) -> Vec<u8> {
    let size = SLOT << settings.bits;
    let mut p = Perceptron {
        bits: settings.bits,
        w: vec![0; size],
        sum: vec![0; size],
        stamp: vec![0; size],
        step: 0,
    };
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut state = settings.seed | 1;
    for epoch in 0..settings.epochs {
        for i in (1..order.len()).rev() {
            #[allow(clippy::cast_possible_truncation)] // below i + 1, a usize
            let j = (next(&mut state) % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let mut errors = 0u64;
        for &e in &order {
            let ex = &examples[e];
            let predicted = viterbi(&ex.features, |hashes, scores| p.add(hashes, scores));
            errors += p.learn(&ex.features, &ex.gold, &predicted);
        }
        report(epoch, errors);
    }
    Model::serialize(settings.bits, &p.averaged())
}
