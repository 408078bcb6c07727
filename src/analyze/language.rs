//! A cheap first guess at the language from function words, for the Latin-script languages kiosk
//! serves; anything unclear goes to the trigram detector in [`crate::lang`]. No other state.

mod scan;
mod words;

use scan::{MIN_PROSE, is_ascii_prose, is_latin, is_prose, words};
use words::{INDEX, TABLE_INDEX, TABLE_WORDS, WORDS};

/// Words looked at: enough for a clear majority, few enough to cost nothing.
const SAMPLE_WORDS: usize = 80;

/// What the function words of a text's opening say about its language.
#[derive(Debug, PartialEq)]
enum Guess {
    /// One language's function words clearly dominate.
    Clear(&'static str),
    /// No clear majority in running text: a language kiosk lists no function words for, or
    /// another script.
    Unclear,
    /// Not enough running text to tell: hardly a function word (a place name may look like
    /// one) among many figures (a results table, a list of prices), or too few lower-case
    /// words (a headline alone, a table of abbreviations).
    NoProse,
}

/// The language of `text` when its function words leave no doubt, else the trigram detector's;
/// none without running text, where the detector's trigrams mislead it (on the Reuters tables
/// it named French, Catalan or German for one English table in three).
pub fn detect(text: &str) -> Option<&'static str> {
    match guess(text) {
        Guess::Clear(lang) => Some(lang),
        Guess::NoProse => None,
        Guess::Unclear => crate::lang::detect(super::prefix(text, 400)),
    }
}

/// [`detect`] for a text whose source mostly writes `usual`: where the function words do not
/// settle it in a Latin script (a headline, a table, a short brief), `usual` wins over a
/// trigram guess; another script is still the trigram detector's to judge.
pub fn detect_or<'u>(text: &str, usual: Option<&'u str>) -> Option<&'u str> {
    let Some(usual) = usual else {
        return detect(text);
    };
    match guess(text) {
        Guess::Clear(lang) => Some(lang),
        Guess::NoProse => Some(usual),
        Guess::Unclear if other_script(super::prefix(text, 400)) => detect(text),
        Guess::Unclear => Some(usual),
    }
}

/// Whether `text` has letters of a script other than Latin (Arabic, Cyrillic...).
fn other_script(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_alphabetic() && !c.is_ascii() && !is_latin(c))
}

/// Reads the function words and figures of the opening of `text`.
fn guess(text: &str) -> Guess {
    // Words in capitals (a headline, a dateline's town: "DES MOINES") are counted apart: they
    // decide only a text that has nothing else.
    let (mut mixed, mut caps) = (Counts::default(), Counts::default());
    let mut buf = [0u8; 10];
    let mut seen = 0;
    let mut figures = 0;
    let mut prose = 0;
    for word in words(text) {
        if !word.is_ascii() {
            // Another script (Arabic, Cyrillic...) is the trigram detector's to judge.
            if word
                .chars()
                .any(|c| c.is_alphabetic() && !c.is_ascii() && !is_latin(c))
            {
                return Guess::Unclear;
            }
            seen += 1;
            prose += usize::from(is_prose(word));
            continue;
        }
        if word.bytes().all(|b| b.is_ascii_digit()) {
            // Figures say nothing of the language; a table of them would use up the sample.
            figures += 1;
            if figures > 2 * SAMPLE_WORDS {
                break;
            }
            continue;
        }
        seen += 1;
        if seen > SAMPLE_WORDS {
            break;
        }
        prose += usize::from(is_ascii_prose(word));
        if word.len() > buf.len() {
            continue;
        }
        let shouting = !word.bytes().any(|b| b.is_ascii_lowercase());
        if shouting && word.len() == 1 {
            // An initial ("N.Y.", "John F. Kennedy"), not Spanish "y" or French "a".
            continue;
        }
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        if shouting { &mut caps } else { &mut mixed }.add(lower);
    }
    let counts = if mixed.is_empty() { &caps } else { &mixed };
    let (hits, kinds) = (&counts.hits, &counts.distinct);
    let mut order: Vec<usize> = (0..WORDS.len()).collect();
    order.sort_by_key(|&l| std::cmp::Reverse(hits[l]));
    let (best, second) = (order[0], order[1]);
    // Either a clear majority, or a few words of one language and none of the others (a table
    // or a list with a line of prose).
    let (words, kinds) = (hits[best], kinds[best].count_ones());
    // A headline alone has room for two function words ("suspension of debt payments to").
    let short = seen <= 20;
    let alone = hits[second] == 0 && (kinds >= 3 || kinds >= 2 && short);
    let clear = kinds >= 2 && words >= 4 && words >= 3 * hits[second] || alone;
    if clear {
        Guess::Clear(WORDS[best].0)
    } else if let Some(l) = counts.table_language() {
        Guess::Clear(TABLE_WORDS[l].0)
    } else if words < 3 && figures > 0 && 2 * figures >= seen.min(SAMPLE_WORDS) || prose < MIN_PROSE
    {
        Guess::NoProse
    } else {
        Guess::Unclear
    }
}

/// The function words and table words of each language found in part of a text.
#[derive(Default)]
struct Counts {
    hits: [u32; WORDS.len()],
    /// Which of a language's function words were seen, one bit each.
    distinct: [u64; WORDS.len()],
    table: [u32; TABLE_WORDS.len()],
}

impl Counts {
    fn add(&mut self, lower: &[u8]) {
        for &(l, k) in INDEX.get(lower).into_iter().flatten() {
            self.hits[l] += 1;
            self.distinct[l] |= 1 << k;
        }
        if let Some(&l) = TABLE_INDEX.get(lower) {
            self.table[l] += 1;
        }
    }

    fn is_empty(&self) -> bool {
        self.hits.iter().chain(&self.table).all(|&n| n == 0)
    }

    /// Without clear prose, the month names, numbers and figures' words of a table or a
    /// dateline decide when they are one language's and the few function words do not say
    /// otherwise.
    fn table_language(&self) -> Option<usize> {
        let l = (0..TABLE_WORDS.len()).max_by_key(|&l| self.table[l])?;
        let alone = self
            .table
            .iter()
            .enumerate()
            .all(|(o, &n)| o == l || n == 0);
        (self.table[l] > 0 && alone && self.hits.iter().all(|&n| n <= self.hits[l])).then_some(l)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_settle_clear_cases() {
        let en = "The minister said on Monday that the talks with the union were over and that \
                  it was time for a vote.";
        assert_eq!(guess(en), Guess::Clear("en"));
        let fr = "Le ministre a dit lundi que les discussions avec le syndicat sont terminées et \
                  qu'il est temps pour un vote dans le pays.";
        assert_eq!(guess(fr), Guess::Clear("fr"));
        let es = "El ministro dijo el lunes que las conversaciones con los sindicatos terminaron y \
                  que es hora de votar por una ley.";
        assert_eq!(guess(es), Guess::Clear("es"));
        let de = "Der Minister sagte am Montag, dass die Gespräche mit der Gewerkschaft beendet \
                  sind und es Zeit für eine Abstimmung ist.";
        assert_eq!(guess(de), Guess::Clear("de"));
    }

    #[test]
    fn unclear_text_goes_to_trigrams() {
        let hausa = "Shugaban kasar Nijar ya ce za a gudanar da zabe a shekara mai zuwa, kuma \
                     gwamnatin sojoji za ta mika mulki ga farar hula bayan tattaunawa";
        assert_eq!(guess(hausa), Guess::Unclear);
        assert_eq!(guess("قال الرئيس إن المحادثات انتهت"), Guess::Unclear);
    }

    #[test]
    fn tables_and_headlines_have_no_language() {
        let table = "ACME WIDGETS Q3 RESULTS\nNet 12,345 vs 11,002\nShares 3,100,000 vs 3,050,000";
        assert_eq!(guess(table), Guess::NoProse);
        assert_eq!(detect(table), None);
        // The same with its words of results tables is an English one.
        let table = format!("{table}\nSales 98.1 mln vs 90.4 mln");
        assert_eq!(detect(&table), Some("en"));
        // A line of prose with a few figures is prose.
        let prose = "Acme sold 12 widgets in 2025, its best year since 1998, and hired 40 people \
                     to make them; its rivals sold fewer";
        assert_ne!(guess(prose), Guess::NoProse);
        assert_eq!(
            guess("Acme Widgets Names New Chief Executive"),
            Guess::NoProse
        );
        assert_eq!(guess("Niamey, Moscou, Washington"), Guess::NoProse);
    }

    #[test]
    fn tables_and_datelines_speak_through_months_and_numbers() {
        let dividend = "ACME CORP SETS QUARTERLY\nDES MOINES, Iowa, March 3 - Qtly div nine cts \
                        vs eight cts\n    Pay March 31\n    Record March 13";
        // "DES" in capitals is a town, not French; "N.Y." no Spanish "y".
        assert_eq!(guess(dividend), Guess::Clear("en"));
        let results = "ACME <ACM> 4TH QTR NET\nGARDEN CITY, N.Y., March 4 - Shr loss 51 cts vs \
                       loss 44 cts\n    Net loss 1.8 mln vs loss 1.5 mln";
        assert_eq!(guess(results), Guess::Clear("en"));
        let fr = "Résultats au 31 mars\n    Perte nette 12 millions\n    Ventes 40 millions";
        assert_eq!(guess(fr), Guess::Clear("fr"));
        // A word of several languages' tables decides nothing ("April": English and German).
        assert_eq!(
            guess("Berlin, April 3\nUmsatz 12\nApril 40"),
            Guess::Clear("de")
        );
        assert_eq!(guess("Pay April 3, 12 vs 40"), Guess::NoProse);
    }

    #[test]
    fn a_text_too_bare_to_tell_takes_its_sources_language() {
        let table = "ACME WIDGETS Q3 RESULTS\nNet 12,345 vs 11,002\nShares 3,100,000 vs 3,050,000";
        assert_eq!(detect_or(table, Some("en")), Some("en"));
        assert_eq!(
            detect_or("Niamey, Moscou, Washington", Some("fr")),
            Some("fr")
        );
        // A short brief in a language kiosk lists no function words for: the source's, not a guess.
        assert_eq!(detect_or("Zabe a Nijar gobe", Some("ha")), Some("ha"));
        // Clear prose and another script speak for themselves.
        let fr = "Le ministre a dit lundi que les discussions avec le syndicat sont terminées et \
                  qu'il est temps pour un vote dans le pays.";
        assert_eq!(detect_or(fr, Some("en")), Some("fr"));
        let ar = "قال الرئيس إن المحادثات مع النقابات انتهت وإن الوقت قد حان للتصويت على القانون";
        assert_eq!(detect_or(ar, Some("en")), detect(ar));
        assert_eq!(detect_or(table, None), None);
    }

    #[test]
    fn a_headline_in_mixed_case_needs_two_function_words() {
        let headline = "Ecuador ratifies suspension of debt payments to private foreign banks";
        assert_eq!(guess(headline), Guess::Clear("en"));
    }
}
