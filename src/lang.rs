//! Language identification for article text: ISO 639-1 codes from whatlang's trigram models.
//! A declared language always wins over detection; detection never fails, it may say `None`.

use whatlang::Lang;

/// Detects the language of `text`, as an ISO 639-1 code, when the evidence is good enough.
///
/// Short or mixed text (a headline, a list of names) is where detection goes wrong, so a guess is
/// only returned when whatlang calls it reliable or the text is long enough to trust.
pub fn detect(text: &str) -> Option<&'static str> {
    let sample = sample(text, 4000);
    let info = whatlang::detect(sample)?;
    let trusted = info.is_reliable() || (sample.len() >= 200 && info.confidence() >= 0.2);
    if !trusted {
        return None;
    }
    Some(iso_639_1(info.lang()))
}

/// The first `max_bytes` of `text`, cut at a character boundary: enough for trigram statistics.
fn sample(text: &str, max_bytes: usize) -> &str {
    if text.len() <= max_bytes {
        return text;
    }
    let mut end = max_bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Maps whatlang's ISO 639-3 languages to ISO 639-1 (every language whatlang knows has one).
fn iso_639_1(lang: Lang) -> &'static str {
    match lang {
        Lang::Epo => "eo",
        Lang::Eng => "en",
        Lang::Rus => "ru",
        Lang::Cmn => "zh",
        Lang::Spa => "es",
        Lang::Por => "pt",
        Lang::Ita => "it",
        Lang::Ben => "bn",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Ukr => "uk",
        Lang::Kat => "ka",
        Lang::Ara => "ar",
        Lang::Hin => "hi",
        Lang::Jpn => "ja",
        Lang::Heb => "he",
        Lang::Yid => "yi",
        Lang::Pol => "pl",
        Lang::Amh => "am",
        Lang::Jav => "jv",
        Lang::Kor => "ko",
        Lang::Nob => "nb",
        Lang::Dan => "da",
        Lang::Swe => "sv",
        Lang::Fin => "fi",
        Lang::Tur => "tr",
        Lang::Nld => "nl",
        Lang::Hun => "hu",
        Lang::Ces => "cs",
        Lang::Ell => "el",
        Lang::Bul => "bg",
        Lang::Bel => "be",
        Lang::Mar => "mr",
        Lang::Kan => "kn",
        Lang::Ron => "ro",
        Lang::Slv => "sl",
        Lang::Hrv => "hr",
        Lang::Srp => "sr",
        Lang::Mkd => "mk",
        Lang::Lit => "lt",
        Lang::Lav => "lv",
        Lang::Est => "et",
        Lang::Tam => "ta",
        Lang::Vie => "vi",
        Lang::Urd => "ur",
        Lang::Tha => "th",
        Lang::Guj => "gu",
        Lang::Uzb => "uz",
        Lang::Pan => "pa",
        Lang::Aze => "az",
        Lang::Ind => "id",
        Lang::Tel => "te",
        Lang::Pes => "fa",
        Lang::Mal => "ml",
        Lang::Ori => "or",
        Lang::Mya => "my",
        Lang::Nep => "ne",
        Lang::Sin => "si",
        Lang::Khm => "km",
        Lang::Tuk => "tk",
        Lang::Aka => "ak",
        Lang::Zul => "zu",
        Lang::Sna => "sn",
        Lang::Afr => "af",
        Lang::Lat => "la",
        Lang::Slk => "sk",
        Lang::Cat => "ca",
        Lang::Tgl => "tl",
        Lang::Hye => "hy",
        Lang::Cym => "cy",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_french_english_spanish_and_arabic_sentences() {
        let french = "Le gouvernement a annoncé mardi une nouvelle réforme des retraites qui sera \
                      présentée au Parlement dans les prochaines semaines.";
        let english = "The government announced on Tuesday a new pension reform that will be \
                       presented to parliament in the coming weeks.";
        let spanish = "El gobierno anunció el martes una nueva reforma de las pensiones que será \
                       presentada al Parlamento en las próximas semanas.";
        let arabic = "أعلنت الحكومة يوم الثلاثاء عن إصلاح جديد لنظام التقاعد سيقدم إلى البرلمان";
        assert_eq!(detect(french), Some("fr"));
        assert_eq!(detect(english), Some("en"));
        assert_eq!(detect(spanish), Some("es"));
        assert_eq!(detect(arabic), Some("ar"));
    }

    #[test]
    fn says_nothing_for_too_little_text() {
        assert_eq!(detect(""), None);
        assert_eq!(detect("Paris"), None);
    }

    #[test]
    fn samples_long_text_at_a_char_boundary() {
        let text = "é".repeat(3000);
        assert!(sample(&text, 4001).len() <= 4001);
        assert!(sample(&text, 4001).is_char_boundary(sample(&text, 4001).len()));
    }
}
