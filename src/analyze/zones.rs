//! The zones of an article (title, wire dateline, lead, body), which weigh its country
//! evidence, and the wire dateline that opens a body.

/// Where in the article a span lies; earlier zones weigh more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    Title,
    Dateline,
    Lead,
    Body,
}

/// Byte ranges of the article's zones.
#[derive(Debug, Clone, Default)]
pub struct Zones {
    pub title_end: usize,
    pub dateline: Option<(usize, usize)>,
    pub lead_end: usize,
}

impl Zones {
    pub fn zone(&self, at: usize) -> Zone {
        if at < self.title_end {
            Zone::Title
        } else if self.dateline.is_some_and(|(s, e)| at >= s && at < e) {
            Zone::Dateline
        } else if at < self.lead_end {
            Zone::Lead
        } else {
            Zone::Body
        }
    }
}

fn is_place_start(c: char) -> bool {
    c.is_uppercase()
}

fn is_place_char(c: char) -> bool {
    c.is_uppercase() || super::tokens::is_mark(c) || matches!(c, ' ' | '.' | '\'' | '’' | '-')
}

/// A wire dateline opening `body`: a place in capitals, an optional ", region, date", an optional
/// "(Agency)", then one or two dashes and a space, as in `SECAUCUS, N.J., March 3 - ` or
/// `NIAMEY (Reuters) - `. Returns the byte range of the place and its region and date. The
/// shortest place and comma part that let the rest follow win (hand-written: a regex with Unicode
/// classes took milliseconds to compile).
fn dateline(body: &str) -> Option<(usize, usize)> {
    let from = body.len() - body.trim_start().len();
    // Most bodies open with no capital: settled before the characters are gathered.
    if !body[from..].chars().next().is_some_and(is_place_start) {
        return None;
    }
    let chars: Vec<(usize, char)> = body[from..]
        .char_indices()
        .take(130)
        .map(|(i, c)| (from + i, c))
        .collect();
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let pos = |k: usize| chars.get(k).map_or(from + body[from..].len(), |&(i, _)| i);
    let skip_space = |mut k: usize| {
        while at(k).is_some_and(char::is_whitespace) {
            k += 1;
        }
        k
    };
    let dash = |k: usize| at(k).is_some_and(|c| matches!(c, '-' | '–' | '—'));
    let space = |k: usize| at(k).is_some_and(char::is_whitespace);
    // Spaces, one or two dashes, one space.
    let dashes = |k: usize| {
        let k = skip_space(k);
        dash(k) && (dash(k + 1) && space(k + 2) || space(k + 1))
    };
    // After the comma part: spaces, an optional "(...)" of 1 to 30 characters, then the dashes.
    let tail = |k: usize| {
        let k = skip_space(k);
        if at(k) == Some('(') {
            let close = (k + 1..=k + 31).find(|&j| at(j).is_none_or(|c| c == ')' || c == '\n'));
            if let Some(j) = close.filter(|&j| j > k + 1 && at(j) == Some(')'))
                && dashes(j + 1)
            {
                return true;
            }
        }
        dashes(k)
    };
    if !at(0).is_some_and(is_place_start) {
        return None;
    }
    for len in 2..=41 {
        if !at(len - 1).is_some_and(is_place_char) {
            break;
        }
        let after = skip_space(len);
        if at(after) == Some(',') {
            for n in 0..=40 {
                if n > 0 && at(after + n).is_none_or(|c| c == '\n') {
                    break;
                }
                if tail(after + 1 + n) {
                    return Some((pos(0), pos(after + 1 + n)));
                }
            }
        }
        if tail(len) {
            return Some((pos(0), pos(len)));
        }
    }
    None
}

/// Finds the zones: the title is given, a wire dateline may open the body, the lead follows.
pub fn zones(text: &str, title_len: usize) -> Zones {
    let title_end = title_len.min(text.len());
    let body = text.get(title_end..).unwrap_or_default();
    let dateline = dateline(body).map(|(s, e)| (title_end + s, title_end + e));
    let lead_from = dateline.map_or(title_end, |(_, e)| e);
    let mut lead_end = (lead_from + 400).min(text.len());
    while !text.is_char_boundary(lead_end) {
        lead_end += 1;
    }
    Zones {
        title_end,
        dateline,
        lead_end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_wire_datelines() {
        let text = "STOCKS RISE\nSECAUCUS, N.J., March 3 - Shares rose.";
        let z = zones(text, 12);
        let (s, e) = z.dateline.expect("dateline");
        assert!(text[s..e].starts_with("SECAUCUS, N.J."));
        let text = "Titre\nNIAMEY (Reuters) - Le gouvernement a dit.";
        let (s, e) = zones(text, 6).dateline.expect("dateline");
        assert_eq!(&text[s..e], "NIAMEY");
        assert!(zones("Title\nThe U.S. said - no.", 6).dateline.is_none());
    }
}
