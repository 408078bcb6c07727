//! Mutation fuzzing of the parts that read strangers' text and files (issue 19): the date parser,
//! HTML to text, the analyser and newsboat's `cache.db`. Each case must end without a panic and
//! within a hang bound, and its output must keep the invariants other code relies on (dates in
//! RFC 3339, mention offsets inside the text, every cache row read). A few dozen cases per target
//! run in the suite; `scripts/fuzz.sh SECONDS` runs thousands with fresh seeds. Inputs that once
//! failed are replayed first, from `REGRESSIONS`.

#[path = "support/mutate.rs"]
mod mutate;

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use kiosk::analyze::analyze;
use kiosk::config::Config;
use kiosk::ingest::date::parse_date;
use kiosk::ingest::html::paragraphs;
use kiosk::ingest::newsboat::read_cache;
use kiosk::ingest::{Importer, Input};
use kiosk::store::Store;
use proptest::prelude::*;
use proptest::test_runner::{Config as RunnerConfig, TestRunner};
use rusqlite::Connection;
use rusqlite::types::Value;

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(40)
}

/// `cases()` cases; failures are printed (and kept in REGRESSIONS by hand), not persisted to a
/// file proptest could not place for a runner built by hand.
fn runner_config() -> RunnerConfig {
    RunnerConfig {
        failure_persistence: None,
        ..RunnerConfig::with_cases(cases())
    }
}

/// No case may take longer than this: far above any real one even in a debug build on a loaded
/// machine, so passing it means a hang (or a quadratic blow-up), not slowness.
const HANG: Duration = Duration::from_secs(60);

/// Runs `work` on its own thread and fails the case when it does not end within [`HANG`].
fn bounded<T: Send + 'static>(what: &str, work: impl FnOnce() -> T + Send + 'static) -> T {
    let (done, result) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = done.send(work());
    });
    match result.recv_timeout(HANG) {
        Ok(value) => value,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("{what}: no answer within {HANG:?}"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("{what}: panicked"),
    }
}

/// A seed with bytes inserted, ranges deleted and a piece repeated, read back as UTF-8 (lossily:
/// every reader here takes `&str`).
fn mutated(seeds: &'static [&'static str]) -> impl Strategy<Value = String> {
    (
        0..seeds.len(),
        mutate::edits(),
        any::<prop::sample::Index>(),
        0..40usize,
    )
        .prop_map(move |(seed, edits, piece, repeats)| {
            let mut bytes = mutate::apply(seeds[seed].as_bytes().to_vec(), edits);
            let from = piece.index(bytes.len() + 1);
            let copied: Vec<u8> = bytes[from..(from + 24).min(bytes.len())].to_vec();
            for _ in 0..repeats {
                bytes.extend_from_slice(&copied);
            }
            String::from_utf8_lossy(&bytes).into_owned()
        })
}

fn run(strategy: impl Strategy<Value = String>, check: impl Fn(String)) {
    let mut runner = TestRunner::new(runner_config());
    runner
        .run(&strategy, |input| {
            check(input);
            Ok(())
        })
        .expect("every case passes");
}

/// Inputs that once broke something, replayed on every run.
const REGRESSIONS: &[(&str, &str)] = &[
    // Every prefix of a long date field was joined and tried: quadratic, an import stalled.
    ("date", "Tue, 02 Jan 2024 10:00:00 GMT {noise}"),
    ("html", "<table><tr><td>{noise}</td></tr></table>"),
    ("analyze", "Niger Niger Niger {noise} Mali"),
];

fn expand(template: &str) -> String {
    template.replace("{noise}", &"Niamey RFI x ".repeat(20_000))
}

const DATES: &[&str] = &[
    "2024-03-28T10:15:00+02:00",
    "Thu, 28 Mar 2024 10:15:00 +0100",
    "26-FEB-1987 15:01:01.79",
    "27-MAR-1987 13:29:49.68F RM A",
    "March 3, 2024",
    "1700000000",
    "28.03.2024",
    "2015-07-23 14:02:11 +0000",
];

fn check_date(text: String) {
    let parsed = bounded("parse_date", move || parse_date(&text));
    if let Some(date) = parsed {
        assert!(
            chrono::DateTime::parse_from_rfc3339(&date).is_ok(),
            "parse_date gave {date:?}, not RFC 3339"
        );
    }
}

#[test]
fn dates_in_any_form_parse_to_rfc3339_or_to_nothing() {
    for (_, template) in REGRESSIONS.iter().filter(|(target, _)| *target == "date") {
        check_date(expand(template));
    }
    run(mutated(DATES), check_date);
    run(any::<String>(), check_date);
}

const PAGES: &[&str] = &[
    "<p>Les autorités de <b>Niamey</b> &amp; la <a href=\"http://a.test/x\">CEDEAO</a>.</p>",
    "<div><div><div><ul><li>un</li><li>deux &#x1F30D;</li></ul></div></div></div>",
    "<table><tr><td>Mali</td><td>Niger</td></tr><tr><td colspan=\"9\">x</td></tr></table>",
    "<script>alert(1)</script><style>p{}</style><pre>  code\n  more</pre><br/><hr>",
    "<![CDATA[ raw ]]><!-- comment --><p dir=\"rtl\">نص عربي عن النيجر</p>&nbsp;&lt;&gt;",
];

fn check_html(html: String) {
    let limit = 16 * html.len() + 4096;
    let text = bounded("paragraphs", move || paragraphs(&html, true));
    let size: usize = text.iter().map(String::len).sum();
    assert!(
        size <= limit,
        "{size} bytes of text from HTML allowing {limit}"
    );
}

#[test]
fn html_of_any_shape_turns_into_bounded_text() {
    for (_, template) in REGRESSIONS.iter().filter(|(target, _)| *target == "html") {
        check_html(expand(template));
    }
    run(mutated(PAGES), check_html);
}

const TEXTS: &[&str] = &[
    "Niger : la junte du général Tiani reçoit une délégation russe à Niamey. Les États-Unis et la Cédéao s'inquiètent.",
    "WASHINGTON (Reuters) - President Joe Biden met Emmanuel Macron of France at the White House on Tuesday.",
    "أعلن المجلس العسكري في النيجر أن مبلغ مالي كبير خصص لبرنامج في نيامي.",
    "Der Bundestag in Berlin stimmte zu; Olaf Scholz reiste nach Paris und traf die UNO.",
    "東京でトヨタ自動車の社長が記者会見した。",
    "ST. PETERSBURG, Fla. — Hong Kong's HSBC and Singapore Airlines; José Bono in Madrid.",
];

fn check_analysis(text: String, title_len: usize, lang: Option<&'static str>) {
    let copy = text.clone();
    let analysis = bounded("analyze", move || analyze(&copy, title_len, lang));
    for mention in &analysis.mentions {
        let span = text.get(mention.start..mention.end);
        assert_eq!(
            span,
            Some(mention.text.as_str()),
            "mention {mention:?} is not the text at its offsets"
        );
    }
    for country in &analysis.countries {
        assert!(
            (0.0..=1.0).contains(&country.score),
            "score {} of {}",
            country.score,
            country.code
        );
    }
    assert!(analysis.entities.iter().all(|entity| entity.count > 0));
}

#[test]
fn the_analyser_keeps_its_offsets_inside_any_text() {
    for (_, template) in REGRESSIONS
        .iter()
        .filter(|(target, _)| *target == "analyze")
    {
        check_analysis(expand(template), 7, None);
    }
    let langs = prop::sample::select(vec![None, Some("fr"), Some("en"), Some("ar"), Some("de")]);
    let mut runner = TestRunner::new(runner_config());
    runner
        .run(
            &(mutated(TEXTS), 0..200usize, langs),
            |(text, title, lang)| {
                // A title length past the text or inside a character must be taken as given.
                check_analysis(text, title, lang);
                Ok(())
            },
        )
        .expect("every case passes");
}

/// Any value SQLite can hold in a cell.
fn cell() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<i64>().prop_map(Value::Integer),
        any::<f64>().prop_map(Value::Real),
        ".{0,12}".prop_map(Value::Text),
        prop::collection::vec(any::<u8>(), 0..12).prop_map(Value::Blob),
        Just(Value::Text("1700000000".into())),
    ]
}

const ITEM_COLUMNS: &[&str] = &[
    "id",
    "guid",
    "title",
    "author",
    "url",
    "feedurl",
    "pubDate",
    "content",
    "unread",
    "flags",
    "enclosure_url",
    "deleted",
];

fn write_cache(path: &Path, feeds: &[(Value, Value)], items: &[Vec<Value>]) {
    let connection = Connection::open(path).expect("cache");
    connection
        .execute_batch(&format!(
            "CREATE TABLE rss_feed (rssurl, title); CREATE TABLE rss_item ({});",
            ITEM_COLUMNS.join(", ")
        ))
        .expect("tables");
    for (url, title) in feeds {
        connection
            .execute("INSERT INTO rss_feed VALUES (?1, ?2)", [url, title])
            .expect("feed");
    }
    let marks = vec!["?"; ITEM_COLUMNS.len()].join(", ");
    for item in items {
        connection
            .execute(
                &format!("INSERT INTO rss_item VALUES ({marks})"),
                rusqlite::params_from_iter(item),
            )
            .expect("item");
    }
}

/// newsboat's columns are untyped: every row of a cache with cells of any type is read (the
/// cells that make no sense cost themselves), and importing it never panics.
#[test]
fn a_newsboat_cache_with_cells_of_any_type_is_read_row_by_row() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store_path = dir.path().join("kiosk.db");
    let feeds = prop::collection::vec((cell(), cell()), 0..3);
    let items = prop::collection::vec(prop::collection::vec(cell(), ITEM_COLUMNS.len()), 1..5);
    let mut runner = TestRunner::new(runner_config());
    let case = std::cell::Cell::new(0);
    runner
        .run(&(feeds, items), |(feeds, items)| {
            case.set(case.get() + 1);
            let path = dir.path().join(format!("cache-{}.db", case.get()));
            write_cache(&path, &feeds, &items);
            let (_, read) = read_cache(&path).map_err(TestCaseError::fail)?;
            let live = items.iter().filter(|item| is_live(&item[11])).count();
            prop_assert_eq!(read.len(), live, "every row not deleted is read");
            let store_path = store_path.clone();
            bounded("import cache.db", move || {
                let mut store = Store::open(&store_path).expect("store");
                let mut importer =
                    Importer::new(&mut store, &Config::default().import).expect("importer");
                importer.import(&Input::Path(path)).expect("import");
            });
            Ok(())
        })
        .expect("every case passes");
}

/// What `coalesce(deleted, 0) = 0` keeps: in SQLite, text and blobs never equal a number, and
/// a NaN is stored as NULL.
fn is_live(deleted: &Value) -> bool {
    match deleted {
        Value::Null => true,
        Value::Integer(number) => *number == 0,
        Value::Real(number) => *number == 0.0 || number.is_nan(),
        Value::Text(_) | Value::Blob(_) => false,
    }
}

/// A damaged cache file (bytes flipped anywhere, cut short) is refused in a sentence or read:
/// SQLite reports the damage, nothing panics or hangs.
#[test]
fn a_damaged_newsboat_cache_is_read_or_refused_in_a_sentence() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = dir.path().join("good.db");
    let rows: Vec<Vec<Value>> = (0..40)
        .map(|id| {
            let mut row = vec![Value::Null; ITEM_COLUMNS.len()];
            row[0] = Value::Integer(id);
            row[2] = Value::Text(format!("Niger {id} {}", "x".repeat(200)));
            row[5] = Value::Text("http://a.test/rss".into());
            row
        })
        .collect();
    write_cache(
        &good,
        &[(Value::Text("http://a.test/rss".into()), Value::Null)],
        &rows,
    );
    let bytes = std::fs::read(&good).expect("cache bytes");
    let flips = prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8);
    let mut runner = TestRunner::new(runner_config());
    let case = std::cell::Cell::new(0);
    runner
        .run(&(flips, any::<prop::sample::Index>()), |(flips, cut)| {
            case.set(case.get() + 1);
            let mut damaged = bytes.clone();
            for (at, value) in flips {
                let at = at.index(damaged.len());
                damaged[at] = value;
            }
            damaged.truncate(damaged.len() - cut.index(damaged.len() / 8 + 1));
            let path = dir.path().join(format!("damaged-{}.db", case.get()));
            std::fs::write(&path, &damaged).expect("write");
            if let Err(error) = bounded("read damaged cache", move || read_cache(&path)) {
                prop_assert!(!error.is_empty() && !error.contains('\n'), "{}", error);
            }
            Ok(())
        })
        .expect("every case passes");
}
