//! A cheap first guess at the language from function words, for the Latin-script languages kiosk
//! serves; anything unclear goes to the trigram detector in [`crate::lang`]. No other state.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::gazetteer::FastHash;

/// Function words frequent in one language and rare in the others (ASCII, lower case). Words
/// shared between languages ("que", "en", "a", "de", "la") are left out on purpose.
const WORDS: [(&str, &[&str]); 6] = [
    (
        "en",
        &[
            "the", "and", "of", "to", "is", "that", "was", "for", "with", "said", "by", "it",
            "from", "be", "has", "have", "which", "will", "are", "its",
        ],
    ),
    (
        "fr",
        &[
            "le", "les", "des", "du", "et", "est", "une", "dans", "qui", "au", "aux", "sur",
            "pour", "pas", "ont", "avec", "ce", "cette", "sont", "leur",
        ],
    ),
    (
        "es",
        &[
            "el", "los", "las", "del", "y", "con", "por", "una", "es", "su", "lo", "se", "como",
            "fue", "al", "sus", "pero", "entre", "este", "esta",
        ],
    ),
    (
        "pt",
        &[
            "os", "do", "das", "dos", "uma", "com", "ao", "em", "foi", "mais", "pelo", "pela",
            "seu", "sua", "ser", "pelos", "isso", "ele", "ela", "tem",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "und", "ist", "nicht", "mit", "den", "von", "zu", "sich", "ein", "eine",
            "auf", "im", "dem", "auch", "wird", "hat", "werden", "sie",
        ],
    ),
    (
        "it",
        &[
            "il", "di", "che", "della", "per", "sono", "gli", "nel", "alla", "anche", "non",
            "questo", "delle", "degli", "ha", "questa", "dei", "nella", "ed", "essere",
        ],
    ),
];

/// Each function word: the languages it belongs to, with its position in each list.
type Index = HashMap<&'static [u8], Vec<(usize, usize)>, FastHash>;

static INDEX: LazyLock<Index> = LazyLock::new(|| {
    let mut index: HashMap<_, Vec<_>, _> = HashMap::default();
    for (l, (_, words)) in WORDS.iter().enumerate() {
        for (k, w) in words.iter().enumerate() {
            index.entry(w.as_bytes()).or_default().push((l, k));
        }
    }
    index
});

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

/// Reads the function words and figures of the opening of `text`.
fn guess(text: &str) -> Guess {
    let mut hits = [0u32; WORDS.len()];
    let mut distinct = [0u64; WORDS.len()];
    let mut buf = [0u8; 8];
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
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        for &(l, k) in INDEX.get(&*lower).into_iter().flatten() {
            hits[l] += 1;
            distinct[l] |= 1 << k;
        }
    }
    let mut order: Vec<usize> = (0..WORDS.len()).collect();
    order.sort_by_key(|&l| std::cmp::Reverse(hits[l]));
    let (best, second) = (order[0], order[1]);
    // Either a clear majority, or a few words of one language and none of the others (a table
    // or a list with a line of prose).
    let (words, kinds) = (hits[best], distinct[best].count_ones());
    let clear =
        kinds >= 2 && words >= 4 && words >= 3 * hits[second] || kinds >= 3 && hits[second] == 0;
    if clear {
        Guess::Clear(WORDS[best].0)
    } else if words < 3 && figures > 0 && 2 * figures >= seen.min(SAMPLE_WORDS) || prose < MIN_PROSE
    {
        Guess::NoProse
    } else {
        Guess::Unclear
    }
}

/// Lower-case words of four letters or more the sample needs before trigram statistics mean
/// anything: fewer, and it is a headline, a byline or a table of abbreviations.
const MIN_PROSE: usize = 8;

/// A word of running text: four letters or more, starting in lower case ("rose", "année").
fn is_prose(word: &str) -> bool {
    word.starts_with(|c: char| c.is_lowercase())
        && word.chars().nth(3).is_some()
        && word.chars().all(char::is_alphabetic)
}

/// [`is_prose`] for an ASCII word, without decoding.
fn is_ascii_prose(word: &str) -> bool {
    let bytes = word.as_bytes();
    bytes.len() >= 4 && bytes[0].is_ascii_lowercase() && bytes.iter().all(u8::is_ascii_alphabetic)
}

/// The runs of letters and digits of `text` (`text.split(|c| !c.is_alphanumeric())` without
/// the empty pieces), decoding only non-ASCII characters.
fn words(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    // The length of the character at `i` when it is a letter or digit.
    let alnum_at = move |i: usize| match bytes.get(i) {
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric().then_some(1),
        Some(_) => {
            let c = text.get(i..)?.chars().next()?;
            c.is_alphanumeric().then(|| c.len_utf8())
        }
        None => None,
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            if alnum_at(i).is_some() {
                let start = i;
                while let Some(n) = alnum_at(i) {
                    i += n;
                }
                return text.get(start..i);
            }
            // A separator: skip the whole character.
            i += text.get(i..)?.chars().next().map_or(1, char::len_utf8);
        }
        None
    })
}

fn is_latin(c: char) -> bool {
    // Latin-1 Supplement through Latin Extended Additional, without the symbols in between.
    matches!(c, '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}')
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
        let table = "ACME WIDGETS Q3 RESULTS\nNet 12,345 vs 11,002\nSales 98.1 mln vs 90.4 mln\n\
                     Shares 3,100,000 vs 3,050,000";
        assert_eq!(guess(table), Guess::NoProse);
        assert_eq!(detect(table), None);
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
}
