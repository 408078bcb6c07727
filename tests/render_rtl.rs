//! Right-to-left text on a real store (issue 17): Arabic and Hebrew paragraphs and titles end at
//! the right edge of the reader and of the list, left-to-right ones stay at the left, and search
//! hits and the analysis' entity marks stay on the characters they belong to.

#[path = "support/archive.rs"]
mod archive;
#[path = "support/fixtures.rs"]
mod fixtures;
#[path = "support/screen.rs"]
mod screen;

use fixtures::Harness;
use kiosk::article::NewArticle;
use kiosk::store::Store;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_width::UnicodeWidthStr;

/// A French article with Arabic, Hebrew and digit-first Arabic paragraphs between French ones.
fn mixed() -> NewArticle {
    let body = [
        "Le ministre a cité la déclaration du CNSP, publiée en arabe à Niamey.",
        "أعلن المجلس الوطني لحماية الوطن في النيجر عن خطة جديدة للتعاون مع مالي وبوركينا فاسو.",
        "2024 — قال المتحدث إن الاتفاق سيوقع في نيامي الأسبوع المقبل.",
        "ההודעה פורסמה גם בעברית בירושלים.",
        "La Cédéao n'a pas encore réagi.",
    ];
    NewArticle {
        external_id: Some("mixed-1".into()),
        title: "Niger : le communiqué du CNSP en trois langues".into(),
        body: body.join("\n\n"),
        original: String::new(),
        source: Some("RFI".into()),
        url: Some("https://example.org/mixed".into()),
        author: None,
        published: Some("2024-03-28T08:00:00Z".into()),
        lang: Some("fr".into()),
    }
}

/// A store holding `article` with an analysis that marks each of `names` where it occurs.
fn harness_with(article: &NewArticle, names: &[&str], width: u16, height: u16) -> Harness {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("kiosk.db");
    fixtures::import(&path, std::slice::from_ref(article));
    let text = format!("{}\n\n{}", article.title, article.body);
    let mentions: Vec<String> = names
        .iter()
        .flat_map(|name| {
            text.match_indices(name).map(move |(at, _)| {
                format!(
                    r#"{{"kind":"place","text":"{name}","start":{at},"end":{},"entity":"{name}"}}"#,
                    at + name.len()
                )
            })
        })
        .collect();
    let json = format!(
        r#"{{"countries":[],"entities":[],"mentions":[{}]}}"#,
        mentions.join(",")
    );
    let mut store = Store::open(&path).expect("open store");
    let writer = store.writer().expect("writer");
    writer
        .set_analysis(1, 1, &json, &[], &[])
        .expect("analysis");
    writer.commit().expect("commit");
    drop(store);
    let mut h = Harness::open(dir, path, width, height);
    h.state.view.this_year = None;
    h
}

/// The text of row `y` of `area` in `buffer`, one symbol per cell (wide glyphs' shadow cells
/// are empty strings), so a char index in it is not a column: see [`columns_of`].
fn row_cells(buffer: &Buffer, area: Rect, y: u16) -> Vec<String> {
    (area.x..area.right())
        .map(|x| buffer[(x, y)].symbol().to_string())
        .collect()
}

/// The columns (relative to `area`) where `word` starts and ends on row `y`, if it is there.
fn columns_of(buffer: &Buffer, area: Rect, y: u16, word: &str) -> Option<(u16, u16)> {
    let cells = row_cells(buffer, area, y);
    let row: String = cells.concat();
    let at = row.find(word)?;
    // Column of byte `at`: the cells whose symbols come before it.
    let mut bytes = 0;
    let start = cells.iter().position(|cell| {
        let here = bytes;
        bytes += cell.len();
        here >= at
    })?;
    let end = start
        + cells[start..]
            .iter()
            .scan(0, |taken, cell| {
                *taken += cell.len();
                Some(*taken)
            })
            .position(|taken| taken >= word.len())?;
    Some((u16::try_from(start).ok()?, u16::try_from(end).ok()?))
}

/// The first row of `area` holding `word`, and where on it.
fn find(buffer: &Buffer, area: Rect, word: &str) -> Option<(u16, u16, u16)> {
    (area.y..area.bottom())
        .find_map(|y| columns_of(buffer, area, y, word).map(|(start, end)| (y, start, end)))
}

/// The last column of row `y` of `area` holding something other than a space.
fn last_filled(buffer: &Buffer, area: Rect, y: u16) -> Option<u16> {
    (area.x..area.right())
        .rev()
        .find(|&x| !buffer[(x, y)].symbol().trim().is_empty())
        .map(|x| x - area.x)
}

fn inner(area: Rect) -> Rect {
    Rect::new(area.x + 1, area.y + 1, area.width - 2, area.height - 2)
}

#[test]
fn a_mixed_article_aligns_each_paragraph_by_its_own_direction() {
    let mut h = harness_with(&mixed(), &["النيجر", "نيامي", "ירושלים", "Niamey"], 60, 28);
    h.press("/وبوركينا<enter> <enter>");
    let terminal = screen::screen(&h.state);
    let buffer = terminal.backend().buffer();
    let reader = inner(h.state.panes().reader.expect("the reader is open"));
    let right = reader.width - 1;
    for word in ["أعلن", "2024 —", "ההודעה"] {
        let (y, start, _) = find(buffer, reader, word).unwrap_or_else(|| panic!("{word}"));
        assert_eq!(
            last_filled(buffer, reader, y),
            Some(right),
            "{word} ends at the edge"
        );
        assert!(start > 0, "{word} is pushed right");
    }
    for word in ["Le ministre", "La Cédéao", "Niger : le"] {
        let (y, start, _) = find(buffer, reader, word).unwrap_or_else(|| panic!("{word}"));
        assert_eq!(start, 0, "{word} starts at the left");
        assert!(
            last_filled(buffer, reader, y) < Some(right),
            "{word} is not padded"
        );
    }
    let theme = &h.state.view.theme;
    let style = |x: u16, y: u16| buffer[(reader.x + x, y)].style();
    let has = |cell: Style, wanted: Style| {
        wanted.add_modifier.is_empty() || cell.add_modifier.contains(wanted.add_modifier)
    };
    // The search hit and the marked places cover their own cells and no neighbour.
    for (word, wanted) in [
        ("وبوركينا", theme.hit),
        ("النيجر", theme.entity),
        ("نيامي", theme.entity), // after الاتفاق, whose lam-alef once shifted what followed
        ("ירושלים", theme.entity),
    ] {
        let (y, start, end) = find(buffer, reader, word).unwrap_or_else(|| panic!("{word}"));
        assert_ne!(wanted, Style::default());
        for x in start..=end {
            assert!(has(style(x, y), wanted), "{word}: column {x} styled");
        }
        assert_ne!(
            style(start - 1, y),
            style(start, y),
            "{word}: not before it"
        );
        if end < right {
            assert_ne!(style(end + 1, y), style(end, y), "{word}: not after it");
        }
    }
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn the_sample_s_arabic_article_in_the_list_and_the_reader() {
    let mut h = Harness::sample(80, 24);
    h.state.view.this_year = None;
    h.press("/source:\"Al-Markaz<space>News\"<space>الناقل<enter>");
    let terminal = screen::screen(&h.state);
    let buffer = terminal.backend().buffer();
    let list = inner(h.state.panes().list.expect("the list"));
    let screen = screen::buffer_text(buffer);
    let (y, _, _) = find(buffer, list, "الأردن")
        .unwrap_or_else(|| panic!("the Jordan title in the list:\n{screen}"));
    assert_eq!(last_filled(buffer, list, y), Some(list.width - 1));
    insta::assert_snapshot!("sample_arabic_list", terminal.backend());
    h.press("<enter>");
    let terminal = screen::screen(&h.state);
    let buffer = terminal.backend().buffer();
    let reader = inner(h.state.panes().reader.expect("the reader"));
    let mut body_rows = 0;
    for y in reader.y..reader.bottom() {
        let text = row_cells(buffer, reader, y).concat();
        if text.chars().any(|c| ('\u{600}'..='\u{6ff}').contains(&c)) {
            body_rows += 1;
            assert_eq!(
                last_filled(buffer, reader, y),
                Some(reader.width - 1),
                "{text}"
            );
        }
    }
    assert!(body_rows > 10, "{body_rows} Arabic rows");
    let (y, start, _) = find(buffer, reader, "الناقل").expect("the hit on screen");
    let hit = h.state.view.theme.hit;
    assert!(
        buffer[(reader.x + start, y)]
            .style()
            .add_modifier
            .contains(hit.add_modifier)
    );
    insta::assert_snapshot!("sample_arabic_reader", terminal.backend());
}

#[test]
fn padding_counts_cells_as_the_buffer_places_them() {
    // unicode-width reads lam-alef as one ligature column in a string, two as characters:
    // the padding follows the characters, as the buffer does, so the line ends at the edge.
    assert_eq!("لا".width(), 1);
    let article = NewArticle {
        title: "لا لا لا".into(),
        body: "لا لا لا لا".into(),
        ..mixed()
    };
    let mut h = harness_with(&article, &[], 40, 10);
    h.press("<enter>");
    let terminal = screen::screen(&h.state);
    let buffer = terminal.backend().buffer();
    let reader = inner(h.state.panes().reader.expect("the reader"));
    let (y, _, _) = find(buffer, reader, "لا لا لا لا").expect("the body");
    assert_eq!(last_filled(buffer, reader, y), Some(reader.width - 1));
}
