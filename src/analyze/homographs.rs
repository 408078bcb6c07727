//! Place names that are common words of the article's language (Arabic «مالي» "financial",
//! Spanish «Libertad» "freedom"): such a hit stands for the place only where the text shows one.

use std::sync::LazyLock;

use super::fold::fold_str;
use super::gazetteer::Kind;
use super::matches::Hit;
use super::tokens::Token;
use super::zones::Zone;

/// (language, word as written in lower case) pairs: a word of that language first, a place
/// second. Folded before comparing, as hits are.
const COMMON_WORDS: &[(&str, &str)] = &[
    ("ar", "مالي"),
    ("es", "libertad"),
    ("es", "esperanza"),
    ("es", "concordia"),
    ("es", "progreso"),
    ("es", "providencia"),
    ("es", "independencia"),
    ("es", "constitución"),
    ("pt", "liberdade"),
    ("pt", "esperança"),
    ("pt", "progresso"),
];

/// [`COMMON_WORDS`] folded, as the gazetteer's patterns are.
static FOLDED: LazyLock<Vec<(&str, String)>> = LazyLock::new(|| {
    COMMON_WORDS
        .iter()
        .map(|&(l, w)| (l, fold_str(w)))
        .collect()
});

/// Words right before a place that make it one: "في مالي" ("in Mali"), "دولة مالي" ("the
/// state of Mali"). Latin-script prepositions are left out: "privados de Libertad", "en
/// libertad" are the common phrase.
const SHOWS_A_PLACE: &[&str] = &[
    "في",
    "إلى",
    "الى",
    "من",
    "دولة",
    "جمهورية",
    "عاصمة",
    "شمال",
    "جنوب",
    "وسط",
    "república",
];

/// Drops the hits on a common word of `lang` that name a place where nothing shows a place:
/// not in a dateline, no country word or Arabic locative before it, no ", Region" after it.
pub(super) fn drop_common_words(
    text: &str,
    tokens: &[Token],
    hits: &mut Vec<Hit>,
    lang: Option<&str>,
) {
    let Some(lang) = lang else { return };
    if !COMMON_WORDS.iter().any(|(l, _)| *l == lang) {
        return;
    }
    let words = &*FOLDED;
    let folded_before = |t: &Token| fold_str(t.text);
    hits.retain(|h| {
        // The pattern is the folded name, as the words are: no folding per hit.
        let common = words.iter().any(|(l, w)| *l == lang && w == h.pattern.text);
        let place = matches!(h.kind(), Kind::Country | Kind::City | Kind::Region);
        if !common || !place || h.zone == Zone::Dateline {
            return true;
        }
        let t = &tokens[h.token];
        // A proclitic joined to the word ("بمالي") says nothing: "with my money" too.
        let whole = t.start == h.start;
        let before = whole
            && h.token > 0
            && SHOWS_A_PLACE
                .iter()
                .any(|w| fold_str(w) == folded_before(&tokens[h.token - 1]));
        let rest = text[h.end..].trim_start_matches(' ');
        let region_after = rest.strip_prefix(',').is_some_and(|r| {
            r.trim_start_matches(' ')
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        });
        before || region_after
    });
}

/// Drops the one-word hits on a country that the article also writes in lower case, where the
/// capital says nothing: in a headline in capitals or at a sentence start ("CORN LEAD U.S. FARM
/// PAYMENTS" beside "corn farmers": a language's name of some country, here a common word).
/// A dateline's place stays a place.
pub(super) fn drop_countries_written_as_words(
    tokens: &[Token],
    hits: &mut Vec<Hit>,
    lower: &super::gazetteer::FastSet<&str>,
) {
    if lower.is_empty() {
        return;
    }
    hits.retain(|h| {
        let t = &tokens[h.token];
        let one_word = h.start == t.start && h.end == t.end;
        let bare_capital = t.shouting || t.starts_sentence;
        !(one_word
            && bare_capital
            && h.zone != Zone::Dateline
            && h.kind() == Kind::Country
            && lower.contains(t.folded))
    });
}

#[cfg(test)]
mod tests {
    use crate::analyze::analyze;

    fn codes(text: &str, lang: &str) -> Vec<String> {
        analyze(text, 0, Some(lang))
            .countries
            .into_iter()
            .map(|c| c.code)
            .collect()
    }

    #[test]
    fn a_common_word_is_no_place_without_a_place_around_it() {
        // "The ministry set aside a large sum of money (مبلغ مالي) for the school in Cairo."
        let c = codes("خصصت الوزارة مبلغ مالي كبير للمدرسة في القاهرة.", "ar");
        assert!(!c.contains(&"ML".to_string()), "{c:?}");
        // "Financial support (دعم مالي) reached the farmers."
        let c = codes("وصل دعم مالي إلى المزارعين.", "ar");
        assert!(!c.contains(&"ML".to_string()), "{c:?}");
        let c = codes(
            "Las personas privadas de Libertad en Quito recibieron visitas.",
            "es",
        );
        assert!(!c.contains(&"PH".to_string()), "{c:?}");
        let c = codes("Os presos ganharam a Liberdade depois do julgamento.", "pt");
        assert_eq!(c.len(), 0, "{c:?}");
    }

    #[test]
    fn a_headline_word_the_article_writes_in_lower_case_is_that_word() {
        let text = "RICE, CORN LEAD FARM PAYMENTS\nWASHINGTON, March 24 - Rice and corn farmers \
                    will get the largest payments, the U.S. Agriculture Department said.";
        let a = analyze(text, 29, Some("en"));
        let c: Vec<&str> = a.countries.iter().map(|c| c.code.as_str()).collect();
        assert_eq!(c, ["US"], "{:?}", a.countries);
        // Without the word in lower case, a country in a capitals headline stays the country.
        let a = analyze(
            "TURKEY RAISES WHEAT IMPORTS\nThe ministry said so.",
            27,
            Some("en"),
        );
        assert!(
            a.countries.iter().any(|c| c.code == "TR"),
            "{:?}",
            a.countries
        );
    }

    #[test]
    fn the_same_word_is_the_place_where_the_text_shows_one() {
        // "The army withdrew from the north of Mali." / "in Mali".
        let c = codes("انسحب الجيش من شمال مالي.", "ar");
        assert!(c.contains(&"ML".to_string()), "{c:?}");
        let c = codes("وقعت اشتباكات في مالي أمس.", "ar");
        assert!(c.contains(&"ML".to_string()), "{c:?}");
        // Another language's text keeps the name as it was.
        let c = codes("Les soldats ont quitté le Mali.", "fr");
        assert!(c.contains(&"ML".to_string()), "{c:?}");
    }
}
