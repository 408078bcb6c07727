//! Throughput of `analyze` in MB/s (median of repeated runs) on the Reuters and multilingual
//! development corpora when present, else on generated text; also the gazetteer load time.
//! Rates are given per wall-clock second and per second on the CPU (Linux), since a shared
//! machine stretches the first. Run: `cargo bench --bench analyze`; instruction counts, which
//! a busy machine does not change, with `scripts/analyze_instructions.sh`. `KIOSK_BENCH_DUMP=FILE`
//! writes the analyses as JSON lines, to check that a faster version changes no output.

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

/// Nanoseconds this thread has spent on a CPU, where Linux tells.
fn cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

// Rates and milliseconds of a benchmark: byte and nanosecond counts far below 2^52.
#[allow(clippy::cast_precision_loss)]
fn main() {
    let (started, cpu) = (Instant::now(), cpu_ns());
    let _ = country_code("niger");
    let load = started.elapsed();
    let load_cpu = cpu.zip(cpu_ns()).map(|(a, b)| b - a);
    let (started, cpu) = (Instant::now(), cpu_ns());
    // A short article in two languages, so the tables built on first use (country names,
    // given names, the language models) are built here and not in the first measured pass.
    let _ = analyze(
        "Le président Mohamed Bazoum à Niamey\nNIAMEY (Reuters) - Le général Tiani a reçu \
         l'ambassadeur des États-Unis. President Joe Biden said the United States and Nigeria \
         would talk to the African Union on Monday.",
        37,
        None,
    );
    let first = started.elapsed();
    let first_cpu = cpu.zip(cpu_ns()).map(|(a, b)| b - a);
    let ms = |ns: Option<u64>| ns.map_or(f64::NAN, |n| n as f64 / 1e6);
    println!(
        "gazetteer load (first country_code): {:.1} ms ({:.1} ms on CPU); first analyze after it \
         (lazy rule tables, language models): {:.1} ms ({:.1} ms on CPU)",
        load.as_secs_f64() * 1e3,
        ms(load_cpu),
        first.as_secs_f64() * 1e3,
        ms(first_cpu),
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
    let mut cpu_rates = Vec::new();
    // KIOSK_BENCH_PASSES=1 under valgrind counts the instructions of one pass
    // (scripts/analyze_instructions.sh): a measure a busy or throttled machine does not move.
    let passes = std::env::var("KIOSK_BENCH_PASSES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(7_usize)
        .max(1);
    // KIOSK_BENCH_DUMP=FILE writes every analysis as a JSON line, once, before the timed passes:
    // two versions of the analyser compared with `cmp` (an optimisation must change no output).
    if let Some(path) = std::env::var_os("KIOSK_BENCH_DUMP") {
        let lines: Vec<String> = docs
            .iter()
            .map(|d| {
                let a = analyze(&d.text, d.title_len, d.lang.as_deref());
                serde_json::to_string(&a).unwrap_or_default()
            })
            .collect();
        std::fs::write(&path, lines.join("\n") + "\n").expect("the dump file is writable");
    }
    for _ in 0..passes {
        let (t, cpu) = (Instant::now(), cpu_ns());
        let mut found = 0;
        for d in &docs {
            found += analyze(&d.text, d.title_len, d.lang.as_deref())
                .mentions
                .len();
        }
        let secs = t.elapsed().as_secs_f64();
        std::hint::black_box(found);
        rates.push(bytes as f64 / 1e6 / secs);
        if let Some(ns) = cpu.zip(cpu_ns()).map(|(a, b)| b - a) {
            cpu_rates.push(bytes as f64 * 1e3 / ns as f64);
        }
    }
    rates.sort_by(f64::total_cmp);
    cpu_rates.sort_by(f64::total_cmp);
    println!(
        "analyze on {source} ({} docs, {:.1} MB), one thread: median {:.1} MB/s (min {:.1}, max {:.1})",
        docs.len(),
        bytes as f64 / 1e6,
        rates[rates.len() / 2],
        rates[0],
        rates[rates.len() - 1]
    );
    if let Some(median) = cpu_rates.get(cpu_rates.len() / 2) {
        println!("per second on the CPU: median {median:.1} MB/s");
    }
}
