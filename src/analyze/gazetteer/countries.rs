//! Country display names by locale (`countries.tsv`), kept apart from the matcher's index:
//! what analyses, the CLI and the country picker show for an ISO code.

use std::sync::LazyLock;

const COUNTRIES: &str = include_str!("../../../assets/gazetteer/countries.tsv");

/// Display names of one country: (name, comma-separated CLDR locales) pairs.
pub struct CountryNames {
    pub code: &'static str,
    pub names: Vec<(&'static str, &'static str)>,
    /// (locale, name), sorted by locale, the first name of each locale: the display name an
    /// analysis asks for once per country it finds.
    pub by_locale: Vec<(&'static str, &'static str)>,
}

impl CountryNames {
    /// The display name in a CLDR locale, if the country has one.
    pub fn name_in(&self, locale: &str) -> Option<&'static str> {
        let i = self
            .by_locale
            .binary_search_by(|(l, _)| (*l).cmp(locale))
            .ok()?;
        Some(self.by_locale[i].1)
    }
}

/// Country display names by locale, built on first use (separately from the matcher).
pub static COUNTRY_NAMES: LazyLock<Vec<CountryNames>> = LazyLock::new(|| {
    COUNTRIES
        .lines()
        .filter_map(|line| {
            let mut f = line.split('\t');
            let code = f.next()?;
            let mut names = Vec::new();
            while let (Some(name), Some(locales)) = (f.next(), f.next()) {
                names.push((name, locales));
            }
            let mut by_locale: Vec<(&str, &str)> = names
                .iter()
                .flat_map(|&(name, locales)| locales.split(',').map(move |l| (l, name)))
                .filter(|(l, _)| !l.is_empty())
                .collect();
            // Stable: the first name listed for a locale stays first.
            by_locale.sort_by_key(|&(l, _)| l);
            by_locale.dedup_by_key(|&mut (l, _)| l);
            Some(CountryNames {
                code,
                names,
                by_locale,
            })
        })
        .collect()
});
