//! The function words and table words of each language, and their lookup indexes; data only,
//! no scanning of text.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::super::gazetteer::FastHash;

/// Function words frequent in one language and rare in the others (ASCII, lower case). Words
/// shared between languages ("que", "en", "a", "de", "la") are left out on purpose.
pub(super) const WORDS: [(&str, &[&str]); 6] = [
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

/// Words of tables and datelines that still carry a language where there is no prose: month
/// names, small numbers written out and the words of results tables ("Pay March 31", "Record
/// April Seven", "Shr loss nine cts", English wires' standard abbreviations).
/// Only a word that belongs to one language counts ("April" is also German, "agosto" three
/// languages' word), so that none needs leaving out here.
pub(super) const TABLE_WORDS: [(&str, &[&str]); 6] = [
    (
        "en",
        &[
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "sept",
            "year",
            "loss",
            "profit",
            "sales",
            "shr",
            "shrs",
            "cts",
            "dlrs",
            "mln",
            "qtr",
            "qtly",
            "revs",
            "avg",
            "pct",
        ],
    ),
    (
        "fr",
        &[
            "janvier",
            "fevrier",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "aout",
            "septembre",
            "octobre",
            "novembre",
            "decembre",
            "deux",
            "trois",
            "quatre",
            "cinq",
            "sept",
            "huit",
            "neuf",
            "dix",
            "perte",
            "benefice",
            "ventes",
        ],
    ),
    (
        "es",
        &[
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
            "dos",
            "tres",
            "cuatro",
            "cinco",
            "seis",
            "siete",
            "ocho",
            "nueve",
            "diez",
            "perdida",
            "ganancia",
            "ventas",
        ],
    ),
    (
        "pt",
        &[
            "janeiro",
            "fevereiro",
            "marco",
            "abril",
            "maio",
            "junho",
            "julho",
            "agosto",
            "setembro",
            "outubro",
            "novembro",
            "dezembro",
            "dois",
            "tres",
            "quatro",
            "cinco",
            "seis",
            "sete",
            "oito",
            "nove",
            "dez",
            "prejuizo",
            "lucro",
            "vendas",
        ],
    ),
    (
        "de",
        &[
            "januar",
            "februar",
            "marz",
            "april",
            "mai",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "dezember",
            "zwei",
            "drei",
            "vier",
            "funf",
            "sechs",
            "sieben",
            "acht",
            "neun",
            "zehn",
            "verlust",
            "gewinn",
            "umsatz",
        ],
    ),
    (
        "it",
        &[
            "gennaio",
            "febbraio",
            "marzo",
            "aprile",
            "maggio",
            "giugno",
            "luglio",
            "agosto",
            "settembre",
            "ottobre",
            "novembre",
            "dicembre",
            "due",
            "tre",
            "quattro",
            "cinque",
            "sei",
            "sette",
            "otto",
            "nove",
            "dieci",
            "perdita",
            "utile",
            "ricavi",
        ],
    ),
];

/// Each table word: the one language it belongs to (words of several are left out).
pub(super) static TABLE_INDEX: LazyLock<HashMap<&'static [u8], usize, FastHash>> =
    LazyLock::new(|| {
        let mut langs: HashMap<&'static [u8], Vec<usize>, FastHash> = HashMap::default();
        for (l, (_, words)) in TABLE_WORDS.iter().enumerate() {
            for w in *words {
                langs.entry(w.as_bytes()).or_default().push(l);
            }
        }
        langs
            .into_iter()
            .filter_map(|(w, ls)| (ls.len() == 1).then(|| (w, ls[0])))
            .collect()
    });

/// Each function word: the languages it belongs to, with its position in each list.
type Index = HashMap<&'static [u8], Vec<(usize, usize)>, FastHash>;

pub(super) static INDEX: LazyLock<Index> = LazyLock::new(|| {
    let mut index: HashMap<_, Vec<_>, _> = HashMap::default();
    for (l, (_, words)) in WORDS.iter().enumerate() {
        for (k, w) in words.iter().enumerate() {
            index.entry(w.as_bytes()).or_default().push((l, k));
        }
    }
    index
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_words_follow_the_function_words_languages() {
        for (l, (lang, _)) in TABLE_WORDS.iter().enumerate() {
            assert_eq!(*lang, WORDS[l].0, "both lists index languages alike");
        }
    }
}
