//! Names built around a known place: more capitalised words beside a place make another name
//! ("Perth Glory", "Sony Australia", "Bank of Scotland": organisations), and a compass word
//! before one makes a larger place ("West Jersey", "Western Australia").

use super::gazetteer::Kind;
use super::matches::Hit;
use super::orgs::OrgMention;
use super::people::{is_function_word, is_title};
use super::places::PlaceMention;
use super::tokens::Token;
use super::zones::Zone;

/// Compass words (folded) that open a region's name before a place.
const COMPASS: [&str; 16] = [
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "upper", "lower", "greater", "nord", "sud", "ouest", "est",
];

/// Connectors allowed between an organisation's head and a place ("Bank of Scotland").
const OF: [&str; 4] = ["of", "de", "du", "des"];

fn is_place(hit: &Hit) -> bool {
    matches!(hit.kind(), Kind::Country | Kind::City | Kind::Region)
}

/// A capitalised word that can extend a name: not shouted, not a function word or title, not
/// the first word of a sentence (which is capitalised whatever it is).
fn extends(t: &Token) -> bool {
    t.is_cap
        && !t.shouting
        && !t.starts_sentence
        && !is_function_word(t.folded)
        && !is_title(t.folded)
        && (t.has_lower || t.is_upper && t.text.len() <= 4)
}

/// Whether token `k` continues the name before it: only spaces between, or the period of an
/// abbreviation ("U.S. Supreme").
fn follows(text: &str, tokens: &[Token], k: usize) -> bool {
    let prev = &tokens[k - 1];
    tokens[k].joined
        || prev.text.len() == 1 && prev.is_cap && text[prev.end..tokens[k].start].trim_end() == "."
}

/// Finds organisations and regions named around gazetteer places. `covered[i]` is the hit that
/// owns token `i`. Titles are left alone: headlines capitalise every word. Beside "of", only
/// English capitalises every word of a name, so the other languages are not read for them.
pub fn find(
    english: bool,
    text: &str,
    tokens: &[Token],
    hits: &[Hit],
    covered: &[Option<usize>],
) -> (Vec<OrgMention>, Vec<PlaceMention>) {
    let (mut orgs, mut places) = (Vec::new(), Vec::new());
    let free = |k: usize| covered[k].is_none();
    for hit in hits.iter().filter(|h| is_place(h) && h.zone != Zone::Title) {
        let first = hit.token;
        let Some(last) = (first..tokens.len())
            .take_while(|&k| tokens[k].start < hit.end)
            .last()
        else {
            continue;
        };
        if tokens[first].shouting {
            continue;
        }
        // Capitalised words right before the place ("Sony Australia", "West Jersey").
        let mut from = first;
        let compass_word = |t: &Token| t.is_cap && !t.shouting && COMPASS.contains(&t.folded);
        while english
            && from > 0
            && tokens[from].joined
            && free(from - 1)
            && (extends(&tokens[from - 1]) || compass_word(&tokens[from - 1]))
        {
            from -= 1;
        }
        // "Bank of Scotland": an organisation word, "of", the place.
        if from == first
            && first >= 2
            && tokens[first].joined
            && tokens[first - 1].joined
            && OF.contains(&tokens[first - 1].folded)
            && free(first - 2)
            && extends(&tokens[first - 2])
            && super::orgs::is_org_word(tokens[first - 2].folded)
        {
            from = first - 2;
        }
        // Capitalised words right after it ("Perth Glory", "U.S. Supreme Court").
        let mut to = last;
        while english && to + 1 < tokens.len() && follows(text, tokens, to + 1) && free(to + 1) {
            if !extends(&tokens[to + 1]) {
                break;
            }
            to += 1;
        }
        let compass = |k: usize| COMPASS.contains(&tokens[k].folded);
        let compass_before = from < first && (from..first).all(compass);
        // A compass word after a place is a surname or a quarter ("Kanye West"), no name.
        let named_after = to > last && !(last + 1..=to).all(compass);
        let (start, end) = (tokens[from].start, tokens[to].end);
        // "Holt Brook", "Avon Junction": a geographic word makes the name a place's.
        if named_after && super::places::is_place_word(tokens[to].folded) {
            places.push(PlaceMention { start, end });
        } else if named_after || from < first && !compass_before {
            orgs.push(OrgMention {
                start,
                end,
                name: text[start..end].to_string(),
                alias: None,
            });
        } else if compass_before {
            places.push(PlaceMention {
                start,
                end: tokens[last].end,
            });
        }
    }
    (orgs, places)
}
