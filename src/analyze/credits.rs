//! The agency a wire dateline credits (`NIAMEY (Reuters) -`, `PARIS, 3 mars (AFP) –`): the
//! article names it as its author, not as what it is about.

use super::zones::zones;
use super::{EntityKind, Mention};

/// The entity names of the organisations credited in the dateline opening the body of `text`
/// (its first `title_len` bytes are the title): a mention in parentheses right after the place
/// and date, before the dash.
pub(super) fn credited(text: &str, title_len: usize, mentions: &[Mention]) -> Vec<String> {
    let Some((_, place_end)) = zones(text, title_len).dateline else {
        return Vec::new();
    };
    let after = &text[place_end..];
    let Some(open) = after.find('(').filter(|&at| after[..at].trim().is_empty()) else {
        return Vec::new();
    };
    let Some(close) = after[open..].find(')').map(|at| open + at) else {
        return Vec::new();
    };
    let (start, end) = (place_end + open + 1, place_end + close);
    let mut names: Vec<String> = mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Organization && m.start >= start && m.end <= end)
        .map(|m| m.entity.clone())
        .collect();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::super::analyze;

    #[test]
    fn the_agency_of_a_dateline_is_credited() {
        for (text, title_len, agency) in [
            (
                "Niger votes\nNIAMEY (Reuters) - Voters queued in Niamey, Reuters saw.",
                11,
                "Reuters",
            ),
            (
                "Grève\nPARIS, 3 mars (AFP) - Les cheminots ont cessé le travail.",
                6,
                "Agence France-Presse",
            ),
        ] {
            let a = analyze(text, title_len, None);
            assert_eq!(a.credits, [agency], "{text}: {:?}", a.mentions);
        }
    }

    #[test]
    fn an_organisation_in_running_text_is_no_credit() {
        let text = "Talks\nGENEVA - The talks (WHO) went on, and the WHO said so.";
        assert!(analyze(text, 5, Some("en")).credits.is_empty());
        let text = "No dateline here: Reuters (Reuters) said so.";
        assert!(analyze(text, 0, Some("en")).credits.is_empty());
    }
}
