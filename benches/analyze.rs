//! Throughput of `analyze` in MB/s (median of repeated runs) on the Reuters and multilingual
//! development corpora when present, else on generated text; also the gazetteer load time.
//! Run: `cargo bench --bench analyze`.

use std::path::PathBuf;
use std::time::Instant;

use kiosk::analyze::{analyze, country_code};

struct Doc {
    text: String,
    title_len: usize,
    lang: Option<String>,
}

fn corpus_docs() -> Vec<Doc> {
    let dir = std::env::var_os("KIOSK_CORPUS").map_or_else(
        || PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus")),
        PathBuf::from,
    );
    let mut docs = Vec::new();
    for file in ["reuters-dev.jsonl", "multilingual-dev.jsonl"] {
        let Ok(text) = std::fs::read_to_string(dir.join(file)) else {
            continue;
        };
        for line in text.lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let s = |k: &str| v[k].as_str().unwrap_or_default().to_string();
            let title = s("title");
            let body = format!("{} {}", s("dateline"), s("body"));
            docs.push(Doc {
                text: format!("{title}\n{}", body.trim_start()),
                title_len: title.len(),
                lang: v["lang"].as_str().map(str::to_string),
            });
        }
    }
    docs
}

fn generated_docs() -> Vec<Doc> {
    let para = "Le président Vladimir Poutine a reçu à Moscou le général Tiani. Les États-Unis \
                et l'Union africaine ont réagi. The U.S. Agriculture Department said on Monday \
                that wheat exports to Nigeria rose. NIAMEY (Reuters) - ";
    (0..2000)
        .map(|i| Doc {
            text: format!("Title {i}\n{}", para.repeat(4)),
            title_len: 8,
            lang: None,
        })
        .collect()
}

fn main() {
    let started = Instant::now();
    let _ = country_code("niger");
    let names = started.elapsed();
    let started = Instant::now();
    let _ = analyze("Warm-up", 0, Some("en"));
    println!(
        "gazetteer load: {:.1} ms (matcher) + {:.1} ms (country names)",
        started.elapsed().as_secs_f64() * 1e3,
        names.as_secs_f64() * 1e3
    );
    let mut docs = corpus_docs();
    let source = if docs.is_empty() {
        docs = generated_docs();
        "generated text"
    } else {
        "reuters-dev + multilingual-dev"
    };
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mut rates = Vec::new();
    for _ in 0..7 {
        let t = Instant::now();
        let mut found = 0;
        for d in &docs {
            found += analyze(&d.text, d.title_len, d.lang.as_deref())
                .mentions
                .len();
        }
        let secs = t.elapsed().as_secs_f64();
        std::hint::black_box(found);
        rates.push(bytes as f64 / 1e6 / secs);
    }
    rates.sort_by(f64::total_cmp);
    println!(
        "analyze on {source} ({} docs, {:.1} MB), one thread: median {:.1} MB/s (min {:.1}, max {:.1})",
        docs.len(),
        bytes as f64 / 1e6,
        rates[rates.len() / 2],
        rates[0],
        rates[rates.len() - 1]
    );
}
