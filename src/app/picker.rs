//! The country picker (`c`): every country of the archive with its article count under the
//! current filter, narrowed fuzzily over the country's names in every language and its ISO code.
//! Also the country chip: which filter the picker and `]`/`[` replace.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

use super::line_edit::LineEdit;
use crate::analyze::{country_name, country_names_in};
use crate::query::Query;

/// What an exact name adds to a fuzzy score, above any partial match's.
const EXACT: u32 = 1000;

/// The languages whose country names typing matches: those kiosk analyses.
pub const LANGUAGES: &[&str] = &["en", "fr", "es", "pt", "de", "ar"];

/// One country of the picker.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PickerCountry {
    pub code: String,
    /// English display name (the names in other languages are what typing matches).
    pub name: String,
    /// Articles about it under the picker's base filter.
    pub count: u64,
}

/// A country as listed: its index in [`PickerState::countries`] and the name that matched the
/// typed text when it is not the display name ("Allemagne" for Germany).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub index: usize,
    pub matched: Option<String>,
}

/// The open picker.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PickerState {
    pub input: LineEdit,
    /// The filters the counts are for: the current ones without the country chip, which the
    /// choice replaces. The count shown is what the list will hold.
    pub base: Vec<Query>,
    /// Most articles first; empty while the counts are on their way.
    pub countries: Vec<PickerCountry>,
    pub loading: bool,
    pub shown: Vec<Shown>,
    pub selected: usize,
    /// Codes marked with Space, in the order marked.
    pub marked: Vec<String>,
    /// Enter was pressed before the counts arrived: apply the choice when they do.
    pub submitted: bool,
}

impl PickerState {
    pub fn new(base: Vec<Query>) -> Self {
        Self {
            base,
            loading: true,
            ..Self::default()
        }
    }

    /// The counts arrived: `(code, articles)` most first.
    pub fn fill(&mut self, counts: &[(String, u64)]) {
        self.countries = counts
            .iter()
            .map(|(code, count)| PickerCountry {
                name: country_name(code, "en").unwrap_or(code).to_string(),
                code: code.clone(),
                count: *count,
            })
            .collect();
        self.loading = false;
        self.refilter();
    }

    /// Replaces the typed text as a `String` (the cursor goes to its end).
    pub fn edit(&mut self, edit: impl FnOnce(&mut String)) {
        self.edit_line(|line| line.edit_text(edit));
    }

    /// Edits the typed text at its cursor; the list narrows again.
    pub fn edit_line(&mut self, edit: impl FnOnce(&mut LineEdit)) {
        let before = self.input.clone();
        edit(&mut self.input);
        if self.input.text() != before.text() {
            self.selected = 0;
            self.refilter();
        }
    }

    /// Recomputes the listed countries for the typed text: the country the text names exactly
    /// (a code, a name, an abbreviation or alias the analyser knows: `RDC`, `USA`, `EEUU`) first,
    /// then the best fuzzy name score, then counts.
    fn refilter(&mut self) {
        let query = self.input.trim();
        if query.is_empty() {
            self.shown = (0..self.countries.len())
                .map(|index| Shown {
                    index,
                    matched: None,
                })
                .collect();
            return;
        }
        let named = crate::analyze::country_code(query);
        let pattern = Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart);
        let mut matcher = Matcher::new(Config::DEFAULT);
        let mut buffer = Vec::new();
        let mut scored: Vec<(u32, Shown)> = Vec::new();
        for (index, country) in self.countries.iter().enumerate() {
            let mut best: Option<(u32, &str)> = None;
            for name in country_names_in(&country.code, LANGUAGES) {
                let Some(score) = pattern.score(Utf32Str::new(name, &mut buffer), &mut matcher)
                else {
                    continue;
                };
                // An exact code or name ("NE", "niger") outranks any partial match.
                let exact = name.eq_ignore_ascii_case(query) || name.to_lowercase() == query;
                let score = if exact { score + EXACT } else { score };
                if best.is_none_or(|(top, _)| score > top) {
                    best = Some((score, name));
                }
            }
            let alias = named == Some(country.code.as_str());
            let shown = match best {
                Some((score, name)) => {
                    let matched =
                        (name != country.name && name != country.code).then(|| name.into());
                    let score = if alias {
                        score.max(EXACT) + EXACT
                    } else {
                        score
                    };
                    Some((score, Shown { index, matched }))
                }
                // An abbreviation the fuzzy names miss ("RDC" is no subsequence of them all).
                None if alias => Some((
                    2 * EXACT,
                    Shown {
                        index,
                        matched: Some(query.to_string()),
                    },
                )),
                None => None,
            };
            scored.extend(shown);
        }
        let countries = &self.countries;
        scored.sort_by(|(a, x), (b, y)| {
            b.cmp(a)
                .then(countries[y.index].count.cmp(&countries[x.index].count))
                .then(x.index.cmp(&y.index))
        });
        self.shown = scored.into_iter().map(|(_, shown)| shown).collect();
    }

    pub fn move_by(&mut self, delta: isize) {
        let last = self.shown.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    pub fn selected_country(&self) -> Option<&PickerCountry> {
        let shown = self.shown.get(self.selected)?;
        self.countries.get(shown.index)
    }

    /// Space: marks or unmarks the selected country. After typed text it clears the text, so
    /// the next name can be typed (`niger␣mali⏎`) and a mark never hides behind a narrowed list;
    /// without text it moves down, to mark while browsing by count.
    pub fn toggle_mark(&mut self) {
        let Some(code) = self.selected_country().map(|c| c.code.clone()) else {
            return;
        };
        if let Some(at) = self.marked.iter().position(|m| *m == code) {
            self.marked.remove(at);
        } else {
            self.marked.push(code);
        }
        if self.input.trim().is_empty() {
            self.move_by(1);
        } else {
            self.edit(String::clear);
        }
    }

    /// What Enter applies: the marked countries, plus the selected one when a name was typed
    /// since the last mark (what the user sees picked); without marks, the selected one.
    pub fn chosen(&self) -> Vec<String> {
        let mut chosen = self.marked.clone();
        let typed = !self.input.trim().is_empty() || chosen.is_empty();
        if let Some(country) = self.selected_country().filter(|_| typed)
            && !chosen.contains(&country.code)
        {
            chosen.push(country.code.clone());
        }
        chosen
    }
}

/// The index of the last country chip among `filters`.
pub fn country_chip_index(filters: &[Query]) -> Option<usize> {
    filters.iter().rposition(|chip| chip.countries().is_some())
}

/// `filters` without the country chip.
pub fn without_country(filters: &[Query]) -> Vec<Query> {
    let mut base = filters.to_vec();
    if let Some(at) = country_chip_index(filters) {
        base.remove(at);
    }
    base
}

/// `filters` with the country chip replaced by (or, without one, ending with) `chip`.
pub fn with_country(filters: &[Query], chip: Query) -> Vec<Query> {
    let mut filters = filters.to_vec();
    match country_chip_index(&filters) {
        Some(at) => filters[at] = chip,
        None => filters.push(chip),
    }
    filters
}

/// The country after (or before) `current` in `order` (most articles first), wrapping; the
/// first (or last) when there is no current country. Countries with no article are skipped.
pub fn step_country(
    order: &[(String, u64)],
    current: Option<&str>,
    forward: bool,
) -> Option<String> {
    let listed: Vec<&str> = order
        .iter()
        .filter(|(_, count)| *count > 0)
        .map(|(code, _)| code.as_str())
        .collect();
    let len = listed.len();
    if len == 0 {
        return None;
    }
    let at = current.and_then(|code| listed.iter().position(|c| *c == code));
    let next = match (at, forward) {
        (Some(i), true) => (i + 1) % len,
        (Some(i), false) => (i + len - 1) % len,
        (None, true) => 0,
        (None, false) => len - 1,
    };
    Some(listed[next].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn picker(codes: &[(&str, u64)]) -> PickerState {
        let mut picker = PickerState::new(Vec::new());
        let counts: Vec<(String, u64)> = codes.iter().map(|(c, n)| ((*c).into(), *n)).collect();
        picker.fill(&counts);
        picker
    }

    fn typed(picker: &mut PickerState, text: &str) -> Vec<String> {
        picker.edit(|input| *input = text.into());
        picker
            .shown
            .iter()
            .map(|s| picker.countries[s.index].code.clone())
            .collect()
    }

    const SOME: [(&str, u64); 8] = [
        ("FR", 40),
        ("US", 30),
        ("NG", 20),
        ("DE", 12),
        ("NE", 10),
        ("NL", 3),
        ("NP", 2),
        ("ML", 1),
    ];

    #[test]
    fn names_in_any_language_and_codes_find_the_country() {
        let mut p = picker(&SOME);
        assert_eq!(typed(&mut p, "alle")[0], "DE");
        assert_eq!(p.shown[0].matched.as_deref(), Some("Allemagne"));
        assert_eq!(typed(&mut p, "deutschland")[0], "DE");
        assert_eq!(typed(&mut p, "germany")[0], "DE");
        assert_eq!(typed(&mut p, "EEUU")[0], "US");
        assert_eq!(typed(&mut p, "États")[0], "US");
        assert_eq!(typed(&mut p, "etats")[0], "US");
        assert_eq!(typed(&mut p, "estados unidos")[0], "US");
        assert_eq!(typed(&mut p, "senegal"), Vec::<String>::new());
    }

    #[test]
    fn abbreviations_and_spaced_names_rank_their_country_first() {
        let counts = [
            ("CG", 30),
            ("CD", 5),
            ("CF", 9),
            ("ZA", 4),
            ("SS", 8),
            ("CI", 3),
            ("US", 2),
        ];
        let mut p = picker(&counts);
        assert_eq!(typed(&mut p, "RDC")[0], "CD");
        assert_eq!(typed(&mut p, "rdc")[0], "CD");
        assert_eq!(typed(&mut p, "DRC")[0], "CD");
        assert_eq!(typed(&mut p, "south africa")[0], "ZA");
        assert_eq!(typed(&mut p, "côte d'ivoire")[0], "CI");
        assert_eq!(typed(&mut p, "cote d'ivoire")[0], "CI");
        assert_eq!(typed(&mut p, "USA")[0], "US");
        let congo = typed(&mut p, "congo");
        assert!(congo[..2].contains(&"CG".into()) && congo[..2].contains(&"CD".into()));
    }

    #[test]
    fn ne_puts_niger_and_nigeria_near_the_top() {
        let mut p = picker(&SOME);
        let codes = typed(&mut p, "ne");
        assert_eq!(codes[0], "NE");
        let nigeria = codes
            .iter()
            .position(|c| c == "NG")
            .expect("Nigeria listed");
        assert!(nigeria < 5, "{codes:?}");
    }

    #[test]
    fn without_text_countries_come_by_count_and_space_marks_several() {
        let mut p = picker(&SOME);
        assert_eq!(p.selected_country().map(|c| c.code.as_str()), Some("FR"));
        assert_eq!(p.chosen(), ["FR"]);
        p.toggle_mark();
        p.move_by(2);
        p.toggle_mark();
        assert_eq!(p.chosen(), ["FR", "DE"]);
        assert_eq!(
            Query::any_country(&p.chosen()).to_string(),
            "country:FR OR country:DE"
        );
        p.move_by(-1);
        p.toggle_mark();
        assert_eq!(p.chosen(), ["FR"]);
    }

    #[test]
    fn space_after_a_name_marks_it_and_clears_the_text_for_the_next() {
        let mut p = picker(&SOME);
        typed(&mut p, "niger");
        p.toggle_mark();
        assert_eq!((p.input.text(), p.marked.clone()), ("", vec!["NE".into()]));
        assert_eq!(p.shown.len(), SOME.len(), "the whole list again");
        assert_eq!(p.chosen(), ["NE"], "no name typed: only the marks");
        typed(&mut p, "mali");
        assert_eq!(p.chosen(), ["NE", "ML"], "Enter takes the typed one too");
        typed(&mut p, "niger");
        assert_eq!(p.chosen(), ["NE"], "a marked one is not added twice");
        typed(&mut p, "zzz");
        assert_eq!(p.chosen(), ["NE"], "nothing matches: only the marks");
    }

    #[test]
    fn country_chips_are_replaced() {
        let chips = |text: &str| Query::parse(text).expect("query").into_chips();
        let shown =
            |chips: Vec<Query>| -> Vec<String> { chips.iter().map(ToString::to_string).collect() };
        let filters = chips("lang:fr country:niger niamey");
        assert_eq!(shown(without_country(&filters)), ["lang:fr", "niamey"]);
        let mali = Query::any_country(&["ML".into()]);
        assert_eq!(
            shown(with_country(&filters, mali.clone())),
            ["lang:fr", "country:ML", "niamey"]
        );
        assert_eq!(
            shown(with_country(&chips("lang:fr"), mali)),
            ["lang:fr", "country:ML"]
        );
    }

    #[test]
    fn stepping_wraps_and_skips_empty_countries() {
        let order: Vec<(String, u64)> = [("FR", 4), ("NE", 2), ("ML", 1), ("TD", 0)]
            .iter()
            .map(|(c, n)| ((*c).to_string(), *n))
            .collect();
        assert_eq!(step_country(&order, None, true).as_deref(), Some("FR"));
        assert_eq!(step_country(&order, None, false).as_deref(), Some("ML"));
        assert_eq!(
            step_country(&order, Some("FR"), true).as_deref(),
            Some("NE")
        );
        assert_eq!(
            step_country(&order, Some("ML"), true).as_deref(),
            Some("FR")
        );
        assert_eq!(
            step_country(&order, Some("FR"), false).as_deref(),
            Some("ML")
        );
        assert_eq!(step_country(&[], None, true), None);
    }
}
