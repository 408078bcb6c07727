//! Overlap tests against many byte spans in logarithmic time: the analysis asks "does this span
//! overlap any of those?" once per candidate, and scanning them all made long texts quadratic.

use std::collections::BTreeSet;

/// A fixed set of spans `[start, end)`, in any order and overlapping one another, asked
/// whether any overlaps a given span.
pub(super) struct SpanIndex {
    /// The spans' starts, sorted.
    starts: Vec<usize>,
    /// For each `i`, the greatest end among the first `i + 1` spans by start.
    max_end: Vec<usize>,
}

impl SpanIndex {
    pub(super) fn new(spans: impl IntoIterator<Item = (usize, usize)>) -> Self {
        let mut spans: Vec<(usize, usize)> = spans.into_iter().collect();
        spans.sort_unstable();
        let mut max = 0;
        let max_end = spans
            .iter()
            .map(|&(_, end)| {
                max = max.max(end);
                max
            })
            .collect();
        Self {
            starts: spans.into_iter().map(|(start, _)| start).collect(),
            max_end,
        }
    }

    /// Whether some span `(s, e)` has `s < end && start < e`, as a scan over them would test.
    pub(super) fn overlaps(&self, start: usize, end: usize) -> bool {
        // Of the spans starting before `end`, the one ending last decides.
        let before = self.starts.partition_point(|&s| s < end);
        before > 0 && self.max_end[before - 1] > start
    }
}

/// Spans kept free of overlaps, each new one kept only if it overlaps none kept.
#[derive(Default)]
pub(super) struct Disjoint(BTreeSet<(usize, usize)>);

impl Disjoint {
    /// Keeps `[start, end)` and says so when it overlaps no span kept (the test of
    /// [`SpanIndex::overlaps`]); otherwise keeps nothing.
    pub(super) fn take(&mut self, start: usize, end: usize) -> bool {
        // Kept spans never overlap, so in (start, end) order their ends never decrease (an empty
        // span included): the last one starting before `end` ends last.
        let clash = self
            .0
            .range(..(end, 0))
            .next_back()
            .is_some_and(|&(_, e)| e > start);
        if !clash {
            self.0.insert((start, end));
        }
        !clash
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{Disjoint, SpanIndex};

    fn overlap(a: (usize, usize), b: (usize, usize)) -> bool {
        a.0 < b.1 && b.0 < a.1
    }

    fn span() -> impl Strategy<Value = (usize, usize)> {
        (0..40_usize, 0..6_usize).prop_map(|(start, len)| (start, start + len))
    }

    proptest! {
        // The index answers what the scan it replaces answered, empty spans included.
        #[test]
        fn index_agrees_with_a_scan(
            spans in prop::collection::vec(span(), 0..30),
            asked in prop::collection::vec(span(), 1..30),
        ) {
            let index = SpanIndex::new(spans.iter().copied());
            for a in asked {
                prop_assert_eq!(index.overlaps(a.0, a.1), spans.iter().any(|&s| overlap(s, a)));
            }
        }

        #[test]
        fn disjoint_keeps_what_a_scan_keeps(offered in prop::collection::vec(span(), 0..60)) {
            let mut kept: Vec<(usize, usize)> = Vec::new();
            let mut disjoint = Disjoint::default();
            for s in offered {
                let free = !kept.iter().any(|&k| overlap(k, s));
                prop_assert_eq!(disjoint.take(s.0, s.1), free);
                if free {
                    kept.push(s);
                }
            }
        }
    }

    #[test]
    fn spans_touching_do_not_overlap() {
        let index = SpanIndex::new([(0, 5), (10, 12)]);
        assert!(!index.overlaps(5, 10));
        assert!(index.overlaps(4, 6));
        assert!(index.overlaps(11, 11));
        let mut disjoint = Disjoint::default();
        assert!(disjoint.take(0, 5));
        assert!(disjoint.take(5, 9));
        assert!(!disjoint.take(8, 20));
    }
}
