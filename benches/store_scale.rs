//! Store queries at archive scale: generates a synthetic archive (default 1,000,000 articles,
//! `KIOSK_BENCH_ARTICLES` to change; cached under target/ between runs) and prints the median
//! time of what the reader does per keystroke: list pages, counts, filters, picker counts.
//! Run: `cargo bench --bench store_scale`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use kiosk::article::NewArticle;
use kiosk::query::Query;
use kiosk::store::{CountryRow, EntityRow, SortOrder, Store};

#[path = "support/paging.rs"]
mod paging;

const COUNTRIES: &[&str] = &[
    "US", "FR", "NE", "NG", "ML", "BF", "RU", "CN", "DE", "GB", "SN", "CI", "TD", "UA", "IN", "BR",
    "MX", "AR", "EG", "SA", "JP", "ID", "KE", "ET", "ZA", "CD", "CG", "TR", "GE", "JO",
];
const SOURCES: &[&str] = &[
    "RFI",
    "Reuters",
    "AFP",
    "BBC",
    "VOA",
    "Sahel Wire",
    "El País",
    "Al-Riyadh",
    "DW",
    "NHK",
];
const LANGS: &[&str] = &["fr", "en", "es", "ar", "de", "pt"];
const WORDS: &[&str] = &[
    "gouvernement",
    "élection",
    "économie",
    "sécurité",
    "accord",
    "président",
    "ministre",
    "frontière",
    "pétrole",
    "sécheresse",
    "inflation",
    "armée",
    "réforme",
    "États",
    "Niamey",
    "sommet",
    "budget",
    "government",
    "election",
    "market",
    "talks",
    "drought",
    "troops",
    "exports",
    "vote",
    "crisis",
];

/// Distinct content words ("mot1" … "mot20000"), drawn by Zipf's law as a news vocabulary is:
/// a few in many articles, most in a few (rank 10 in about 17% of the articles, rank 100 in
/// about 2%, rank 1,000 in about 0.2%). The common `WORDS` above are in nearly every article.
const CONTENT_WORDS: usize = 20_000;
/// Content words per article, after the 40 common ones.
const CONTENT_PER_ARTICLE: usize = 20;

/// Cumulative Zipf weights (s = 1) of the content word ranks, for inverse-CDF draws.
fn zipf_table() -> Vec<f64> {
    let mut total = 0.0;
    let mut table: Vec<f64> = (1..=CONTENT_WORDS)
        .map(|rank| {
            total += 1.0 / f64::from(u32::try_from(rank).expect("a rank"));
            total
        })
        .collect();
    for weight in &mut table {
        *weight /= total;
    }
    table
}

/// A small deterministic generator: benchmarks must see the same archive every run.
struct Lcg(u64);

impl Lcg {
    /// A content word's rank (1-based) drawn from the Zipf table.
    fn zipf(&mut self, table: &[f64]) -> usize {
        #[allow(clippy::cast_precision_loss)] // below 2^30
        let u = self.next(1 << 30) as f64 / f64::from(1u32 << 30);
        table.partition_point(|&w| w < u) + 1
    }

    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % below as u64) as usize
    }
}

fn generate(path: &Path, count: usize) {
    let mut store = Store::open(path).expect("open store");
    let mut rng = Lcg(42);
    let started = Instant::now();
    let zipf = zipf_table();
    for chunk in 0..count.div_ceil(10_000) {
        let writer = store.writer().expect("writer");
        for n in chunk * 10_000..((chunk + 1) * 10_000).min(count) {
            let mut words: Vec<String> = (0..40)
                .map(|_| WORDS[rng.next(WORDS.len())].to_string())
                .collect();
            words.extend((0..CONTENT_PER_ARTICLE).map(|_| format!("mot{}", rng.zipf(&zipf))));
            let day = rng.next(5 * 365);
            let article = NewArticle {
                title: format!(
                    "{} {} {n}",
                    WORDS[rng.next(WORDS.len())],
                    WORDS[rng.next(WORDS.len())]
                ),
                body: words.join(" "),
                original: String::new(),
                source: Some(SOURCES[rng.next(SOURCES.len())].to_string()),
                lang: Some(LANGS[rng.next(LANGS.len())].to_string()),
                published: Some(format!("{}T12:00:00Z", chrono_day(day))),
                ..NewArticle::default()
            };
            let id = match writer.insert(&article, &format!("h{n}")).expect("insert") {
                kiosk::store::InsertOutcome::Added(id)
                | kiosk::store::InsertOutcome::Duplicate(id) => id,
            };
            // Skewed like news: a few countries in most articles.
            let first = COUNTRIES[rng.next(4).min(rng.next(COUNTRIES.len()))];
            let second = COUNTRIES[rng.next(COUNTRIES.len())];
            let countries = [(first, true), (second, second != first)]
                .iter()
                .filter(|(code, _)| !code.is_empty())
                .map(|(code, about)| CountryRow {
                    code: (*code).to_string(),
                    score: 0.5,
                    mentions: 2,
                    about: *about,
                })
                .collect::<Vec<_>>();
            let entity = EntityRow {
                kind: kiosk::analyze::EntityKind::Person,
                name: format!("Person {}", rng.next(5000)),
                country: Some(first.to_string()),
                count: 2,
            };
            let mut unique = countries.clone();
            unique.dedup_by(|a, b| a.code == b.code);
            writer
                .set_analysis(id, 1, "{}", &unique, &[entity])
                .expect("analysis");
        }
        writer.commit().expect("commit");
        eprint!("\rgenerated {} articles", ((chunk + 1) * 10_000).min(count));
    }
    store.optimize().expect("optimize");
    eprintln!(" in {:.0?}", started.elapsed());
}

fn chrono_day(day: usize) -> String {
    let (year, rest) = (2020 + day / 365, day % 365);
    format!("{year}-{:02}-{:02}", 1 + rest / 31 % 12, 1 + rest % 28)
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn measure(label: &str, runs: usize, mut work: impl FnMut() -> usize) {
    let mut samples = Vec::with_capacity(runs);
    let mut result = 0;
    for _ in 0..runs {
        let started = Instant::now();
        result = work();
        samples.push(started.elapsed());
    }
    println!(
        "{label:<48} median {:>9.3} ms  (result {result}, {runs} runs)",
        median(samples).as_secs_f64() * 1000.0
    );
}

fn main() {
    let count: usize = std::env::var("KIOSK_BENCH_ARTICLES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000);
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("target/bench-store-{count}.db"));
    if !path.exists() {
        generate(&path, count);
    }
    let store = Store::open(&path).expect("open store");
    let all = Query::default();
    let query = |text: &str| Query::parse(text).expect("query");
    // KIOSK_BENCH_ONLY=paging measures the list paging alone.
    let only = std::env::var("KIOSK_BENCH_ONLY").unwrap_or_default();
    if only.is_empty() || only == "paging" {
        paging::paging(&store);
    }
    if only == "paging" {
        return;
    }
    let (niger, niger_or_mali) = (query("country:NE"), query("country:NE OR country:ML"));
    let french = query("lang:fr");
    let words = query("sécheresse niamey");
    println!(
        "store: {} ({} articles)",
        path.display(),
        store.count(&all).expect("count")
    );
    measure("list: first page (50, newest first)", 21, || {
        store
            .summaries(&all, SortOrder::Date, 0, 50)
            .expect("page")
            .len()
    });
    measure("list: page at offset 500,000", 11, || {
        store
            .summaries(&all, SortOrder::Date, 500_000, 50)
            .expect("page")
            .len()
    });
    measure("count: all", 21, || {
        usize::try_from(store.count(&all).expect("count")).expect("a count")
    });
    measure("filter country:NE: count", 21, || {
        usize::try_from(store.count(&niger).expect("count")).expect("a count")
    });
    // What the TUI does synchronously on each filter change: count, then the first screenful.
    for text in [
        "country:NE",
        "",
        "country:NE lang:fr",
        "lang:fr",
        "country:NE is:unread",
        "is:unread",
        "country:NE OR country:ML",
        "country:NE OR country:ML lang:fr",
    ] {
        let filter = query(text);
        measure(&format!("redraw (count + 100 rows): {text}"), 11, || {
            let total = store.count(&filter).expect("count");
            let page = store.summaries(&filter, SortOrder::Date, 0, 100);
            usize::try_from(total).expect("a count") + page.expect("page").len()
        });
        // The TUI leaves a count the totals cannot answer to its counter thread.
        measure(
            &format!("  as the TUI (quick count + 100 rows): {text}"),
            11,
            || {
                let total = store.quick_count(&filter).expect("count").unwrap_or(0);
                let page = store.summaries(&filter, SortOrder::Date, 0, 100);
                usize::try_from(total).expect("a count") + page.expect("page").len()
            },
        );
    }
    measure("full text 'sécheresse niamey': first page", 11, || {
        store
            .summaries(&words, SortOrder::Date, 0, 50)
            .expect("page")
            .len()
    });
    // The country picker counts over the filters minus the country chip.
    for text in [
        "",
        "lang:fr",
        "source:RFI",
        "is:unread",
        "lang:fr is:unread",
        "lang:fr since:2024-12-01",
        "sécheresse",
        "mot10",
        "mot100",
        "mot1000",
        "country:NE",
    ] {
        let filter = query(text);
        if !text.is_empty() && !text.contains(':') {
            measure(&format!("  articles matching '{text}'"), 1, || {
                usize::try_from(store.count(&filter).expect("count")).expect("a count")
            });
        }
        measure(
            &format!("picker: country counts within '{text}'"),
            5,
            || store.country_counts(&filter).expect("counts").len(),
        );
    }
    // The TUI's counting threads read the countries of the matching ids from a copy in memory.
    let counting = Store::open(&path).expect("open store");
    counting.count_countries_in_memory();
    measure(
        "TUI counting threads: copy of the countries read",
        1,
        || {
            counting.load_country_copy().expect("copy");
            0
        },
    );
    for text in [
        "sécheresse",
        "mot10",
        "mot100",
        "mot10 lang:fr",
        "sécheresse lang:fr",
        "sécheresse is:unread",
        "person:\"Person 12\"",
        "lang:fr since:2024-12-01",
    ] {
        let filter = query(text);
        measure(
            &format!("  then picker: country counts within '{text}'"),
            5,
            || counting.country_counts(&filter).expect("counts").len(),
        );
    }
    // The sidebar, on a background thread after each filter change.
    for (label, filter) in [("country:NE", &niger), ("lang:fr", &french)] {
        measure(
            &format!("sidebar: top 30 entities within {label}"),
            5,
            || {
                store
                    .entity_counts(filter, None, 30)
                    .expect("entities")
                    .len()
            },
        );
        measure(
            &format!("sparkline: per day within {label}, 90 days"),
            5,
            || {
                store
                    .daily_counts(filter, "2024-10-01")
                    .expect("days")
                    .len()
            },
        );
        measure(&format!("sidebar: facets within {label}"), 5, || {
            store.facets(filter).expect("facets").by_source.len()
        });
    }
    // The sidebar's people, organisations and places: ten of each kind.
    for text in [
        "",
        "country:NE",
        "country:NE OR country:ML",
        "country:NE lang:fr",
    ] {
        let filter = query(text);
        measure(
            &format!("sidebar: top 10 per kind within '{text}'"),
            5,
            || {
                store
                    .entity_counts_per_kind(&filter, 10)
                    .expect("entities")
                    .len()
            },
        );
    }
    measure("sparkline: articles per day, last 90 days", 5, || {
        store.daily_counts(&all, "2024-10-01").expect("days").len()
    });
    measure("sidebar: facets (unread, langs, sources), all", 5, || {
        store.facets(&all).expect("facets").by_source.len()
    });
    measure("sidebar: facets within country:NE OR country:ML", 5, || {
        store
            .facets(&niger_or_mali)
            .expect("facets")
            .by_source
            .len()
    });
}
