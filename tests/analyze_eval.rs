//! Evaluates the analyser on the shared development corpora when they are present: Reuters
//! country labels, detected languages and exact-span NER. Prints the scores; the floors sit just below the current
//! scores to catch regressions (the targets are higher: see the README).
//! Run: `cargo test --release --test analyze_eval -- --nocapture` (KIOSK_CORPUS overrides the path,
//! KIOSK_EVAL_LIMIT cuts the Reuters articles, KIOSK_NER_MODEL scores another tagger model file).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use kiosk::analyze::training::{Model, analyze_with};
use kiosk::analyze::{EntityKind, analyze};

fn corpus() -> Option<PathBuf> {
    let dir = std::env::var_os("KIOSK_CORPUS").map_or_else(
        || PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus")),
        PathBuf::from,
    );
    if dir.join("reuters-dev.jsonl").exists() {
        Some(dir)
    } else {
        println!("skipped: no corpus at {} (set KIOSK_CORPUS)", dir.display());
        None
    }
}

#[derive(Default)]
struct Counts {
    tp: u32,
    fp: u32,
    fn_: u32,
}

impl Counts {
    fn prf(&self) -> (f64, f64, f64) {
        let p = f64::from(self.tp) / f64::from((self.tp + self.fp).max(1));
        let r = f64::from(self.tp) / f64::from((self.tp + self.fn_).max(1));
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

/// Reuters places → ISO codes. Dissolved states map to their main successor, as the gazetteer
/// resolves their names: ussr → RU, yugoslavia → RS, czechoslovakia → CZ, netherlands-antilles → CW.
fn reuters_map(dir: &Path) -> HashMap<String, String> {
    let tsv = std::fs::read_to_string(dir.join("reuters-places-iso.tsv")).expect("mapping file");
    let mut map = HashMap::new();
    for line in tsv.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let iso = match (f[0], f.get(1).copied().unwrap_or("")) {
            ("ussr", _) => "RU",
            ("yugoslavia", _) => "RS",
            ("czechoslovakia", _) => "CZ",
            ("netherlands-antilles", _) => "CW",
            (_, code) => code,
        };
        if !iso.is_empty() {
            map.insert(f[0].to_string(), iso.to_string());
        }
    }
    map
}

fn reuters(dir: &Path, limit: usize) -> (f64, f64) {
    let map = reuters_map(dir);
    let text = std::fs::read_to_string(dir.join("reuters-dev.jsonl")).expect("reuters file");
    let (mut micro, mut top1, mut n) = (Counts::default(), 0u32, 0u32);
    let mut per: BTreeMap<String, Counts> = BTreeMap::new();
    let verbose = std::env::var_os("KIOSK_EVAL_VERBOSE").is_some();
    for line in text.lines().take(limit) {
        let v: serde_json::Value = serde_json::from_str(line).expect("json line");
        let s = |k: &str| v[k].as_str().unwrap_or_default().to_string();
        let title = s("title");
        // Wire copy: the title, then the dateline opening the body.
        let doc = format!("{title}\n{} {}", s("dateline"), s("body"));
        let gold: Vec<String> = v["places"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| map.get(p.as_str().unwrap_or_default()).cloned())
            .collect();
        let a = analyze(&doc, title.len(), Some("en"));
        let pred: Vec<String> = a
            .countries
            .iter()
            .filter(|c| c.about)
            .map(|c| c.code.clone())
            .collect();
        let gold_set: HashSet<&String> = gold.iter().collect();
        let pred_set: HashSet<&String> = pred.iter().collect();
        n += 1;
        if pred.first().is_some_and(|p| gold_set.contains(p)) {
            top1 += 1;
        }
        if verbose && gold_set != pred_set {
            println!("{} gold {gold:?} pred {pred:?} | {}", s("id"), title);
        }
        for p in &pred_set {
            let c = per.entry((*p).clone()).or_default();
            if gold_set.contains(p) {
                c.tp += 1;
                micro.tp += 1;
            } else {
                c.fp += 1;
                micro.fp += 1;
            }
        }
        for g in gold_set.difference(&pred_set) {
            per.entry((*g).clone()).or_default().fn_ += 1;
            micro.fn_ += 1;
        }
    }
    let (p, r, f) = micro.prf();
    let macro_avg = |i: usize| {
        let v: Vec<f64> = per
            .values()
            .map(|c| {
                let t = c.prf();
                [t.0, t.1, t.2][i]
            })
            .collect();
        #[allow(clippy::cast_precision_loss)] // a few hundred documents
        let len = v.len().max(1) as f64;
        v.iter().sum::<f64>() / len
    };
    let top1 = f64::from(top1) / f64::from(n.max(1));
    println!(
        "reuters-dev ({n} articles) about-countries: micro P {p:.3} R {r:.3} F1 {f:.3} | macro P {:.3} R {:.3} F1 {:.3} | first right {top1:.3}",
        macro_avg(0),
        macro_avg(1),
        macro_avg(2)
    );
    let mut top: Vec<_> = per.iter().collect();
    top.sort_by_key(|(_, c)| std::cmp::Reverse(c.tp + c.fn_));
    for (code, c) in top.iter().take(12) {
        let (p, r, f) = c.prf();
        println!(
            "  {code}: P {p:.2} R {r:.2} F1 {f:.2} (tp {} fp {} fn {})",
            c.tp, c.fp, c.fn_
        );
    }
    (f, top1)
}

type Sentence = Vec<(String, String)>;
/// A document: the sentences of one article (wikigold's -DOCSTART-, UNER's `newdoc id`).
type Doc = Vec<Sentence>;

/// Reads an IOB file into documents of sentences of (token, tag).
fn read_iob(path: &Path, columns: (usize, usize), sep: char) -> Vec<Doc> {
    let text = std::fs::read_to_string(path).expect("ner file");
    let mut docs: Vec<Doc> = vec![vec![Vec::new()]];
    let new_doc = |docs: &mut Vec<Doc>| {
        if docs.last().is_some_and(|d| d.iter().any(|s| !s.is_empty())) {
            docs.push(vec![Vec::new()]);
        }
    };
    for line in text.lines() {
        if line.starts_with("# newdoc") {
            new_doc(&mut docs);
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split(sep).collect();
        if f.first() == Some(&"-DOCSTART-") {
            new_doc(&mut docs);
            continue;
        }
        let doc = docs.last_mut().expect("a document");
        if line.trim().is_empty() || f.len() <= columns.1 {
            if !doc.last().is_some_and(Vec::is_empty) {
                doc.push(Vec::new());
            }
            continue;
        }
        if let Some(s) = doc.last_mut() {
            s.push((f[columns.0].to_string(), f[columns.1].to_string()));
        }
    }
    for d in &mut docs {
        d.retain(|s| !s.is_empty());
    }
    docs.retain(|d| !d.is_empty());
    docs
}

/// Detokenises as the text was written: no space before closing punctuation or a possessive,
/// none after an opening bracket or quote (straight quotes alternate open and close).
#[derive(Default)]
struct Quotes {
    open: bool,
}

impl Quotes {
    /// Whether a space goes before `tok`, which follows `prev` ("" for the first token).
    fn space_before(&mut self, prev: &str, tok: &str) -> bool {
        let prev_opened = matches!(prev, "(" | "[" | "“" | "‘") || prev == "\"" && self.open;
        let closing = if tok == "\"" {
            self.open = !self.open;
            !self.open
        } else {
            matches!(
                tok,
                "," | "."
                    | ";"
                    | ":"
                    | "!"
                    | "?"
                    | ")"
                    | "]"
                    | "”"
                    | "’"
                    | "%"
                    | "'s"
                    | "’s"
                    | "n't"
            )
        };
        !(closing || prev_opened)
    }
}

/// Exact-span scores per kind: gold spans from the tags (MISC ignored), predicted spans from the
/// analyser's mentions. Each document is analysed whole, as kiosk analyses an article: its
/// sentences' tokens joined by spaces, one paragraph per sentence.
fn ner(
    name: &str,
    docs: &[Doc],
    lang: &str,
    model: Option<&Model>,
) -> HashMap<&'static str, Counts> {
    let mut counts: HashMap<&'static str, Counts> = HashMap::new();
    if std::env::var_os("KIOSK_EVAL_DUMP").is_some() {
        eprintln!("== {name}");
    }
    for doc in docs {
        let mut text = String::new();
        let mut spans = Vec::new();
        let mut gold = HashSet::new();
        for sent in doc {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            let mut open: Option<(usize, String)> = None;
            let mut quotes = Quotes::default();
            for (k, (tok, tag)) in sent.iter().enumerate() {
                let prev = if k > 0 { sent[k - 1].0.as_str() } else { "" };
                if quotes.space_before(prev, tok) && k > 0 {
                    text.push(' ');
                }
                let s = text.len();
                text.push_str(tok);
                spans.push((s, text.len()));
                let i = spans.len() - 1;
                let kind = tag.get(2..).unwrap_or("").to_string();
                let continues =
                    tag.starts_with("I-") && open.as_ref().is_some_and(|(_, k)| *k == kind);
                if !continues {
                    if let Some((st, k)) = open.take() {
                        gold.insert((st, i, k));
                    }
                    if tag != "O" && kind != "MISC" {
                        open = Some((i, kind));
                    }
                }
            }
            if let Some((st, k)) = open.take() {
                gold.insert((st, spans.len(), k));
            }
        }
        let a = match model {
            Some(model) => analyze_with(model, &text, Some(lang)),
            None => analyze(&text, 0, Some(lang)),
        };
        let tok_at = |b: usize| spans.iter().position(|&(s, e)| b >= s && b < e);
        let tok_end = |b: usize| {
            spans
                .iter()
                .position(|&(s, e)| b > s && b <= e)
                .map(|i| i + 1)
        };
        let mut pred = HashSet::new();
        for m in &a.mentions {
            let kind = match m.kind {
                EntityKind::Person => "PER",
                EntityKind::Organization => "ORG",
                EntityKind::Place | EntityKind::Country => "LOC",
            };
            if let (Some(s), Some(e)) = (tok_at(m.start), tok_end(m.end)) {
                pred.insert((s, e, kind.to_string()));
            }
        }
        if std::env::var_os("KIOSK_EVAL_DUMP").is_some() {
            let tokens: Vec<&str> = doc.iter().flatten().map(|(t, _)| t.as_str()).collect();
            dump(&tokens, &gold, &pred);
        }
        for k in ["PER", "ORG", "LOC"] {
            let c = counts.entry(k).or_default();
            let g: HashSet<_> = gold.iter().filter(|x| x.2 == k).collect();
            let p: HashSet<_> = pred.iter().filter(|x| x.2 == k).collect();
            let tp = u32::try_from(g.intersection(&p).count()).unwrap_or(0);
            c.tp += tp;
            c.fp += u32::try_from(p.len()).unwrap_or(0) - tp;
            c.fn_ += u32::try_from(g.len()).unwrap_or(0) - tp;
        }
    }
    let mut all = Counts::default();
    let mut line = String::new();
    for k in ["PER", "ORG", "LOC"] {
        let c = &counts[k];
        all.tp += c.tp;
        all.fp += c.fp;
        all.fn_ += c.fn_;
        let (p, r, f) = c.prf();
        let _ = write!(line, " | {k} P {p:.2} R {r:.2} F1 {f:.3}");
    }
    let (p, r, f) = all.prf();
    println!("{name}: micro P {p:.3} R {r:.3} F1 {f:.3}{line}");
    counts.insert("ALL", all);
    counts
}

type Span = (usize, usize, String);

/// With KIOSK_EVAL_DUMP set: the false positives, false negatives and true positives to stderr,
/// for diagnosis.
fn dump(tokens: &[&str], gold: &HashSet<Span>, pred: &HashSet<Span>) {
    let words = |s: &Span| tokens[s.0..s.1].join(" ");
    let ctx = |s: &Span| tokens[s.0.saturating_sub(2)..(s.1 + 2).min(tokens.len())].join(" ");
    for s in pred.difference(gold) {
        eprintln!("FP {} [{}] | {}", s.2, words(s), ctx(s));
    }
    for s in gold.difference(pred) {
        eprintln!("FN {} [{}] | {}", s.2, words(s), ctx(s));
    }
    for s in gold.intersection(pred) {
        eprintln!("TP {} [{}] | {}", s.2, words(s), ctx(s));
    }
}

/// Tokens at the head of the Europeana French dev file that the tagger trains on; the same
/// number as in examples/train_ner.rs.
const EUROPEANA_TRAINED: usize = 82_400;

#[test]
fn evaluate_on_dev_corpora() {
    let Some(dir) = corpus() else { return };
    let limit = std::env::var("KIOSK_EVAL_LIMIT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(usize::MAX);
    let (f1, top1) = reuters(&dir, limit);
    // A cut run (KIOSK_EVAL_LIMIT) is for a quick look at the NER table, not a Reuters score.
    assert!(
        limit < usize::MAX || f1 > 0.918 && top1 > 0.968,
        "Reuters country scores regressed: F1 {f1:.3}, first {top1:.3}"
    );
    // KIOSK_NER_MODEL=FILE scores a model just trained instead of the shipped one (the
    // Reuters and language scores stay the shipped model's).
    let trained = std::env::var_os("KIOSK_NER_MODEL").map(|path| {
        let bytes = std::fs::read(&path).expect("KIOSK_NER_MODEL names a readable file");
        Model::parse(&bytes).expect("KIOSK_NER_MODEL is a model file")
    });
    let model = trained.as_ref();
    let ner_dir = dir.join("ner");
    // Every set is scored and printed before any floor fails, so one run shows the whole table.
    let mut below = Vec::new();
    let mut floor = |what: &str, value: f64, min: f64| {
        if value <= min {
            below.push(format!("{what} {value:.3} (floor {min})"));
        }
    };
    let uner = read_iob(&ner_dir.join("uner-en_pud-ud-test.iob2"), (1, 2), '\t');
    let c = ner("uner-en_pud (1000 sentences)", &uner, "en", model);
    floor("UNER F1", c["ALL"].prf().2, 0.68);
    let wiki = read_iob(&ner_dir.join("wikigold.conll.txt"), (0, 1), ' ');
    let c = ner("wikigold", &wiki, "en", model);
    floor("wikigold F1", c["ALL"].prf().2, 0.69);
    floor("wikigold PER F1", c["PER"].prf().2, 0.76);
    floor("wikigold ORG F1", c["ORG"].prf().2, 0.52);
    floor("wikigold LOC F1", c["LOC"].prf().2, 0.75);
    let europeana = read_iob(&ner_dir.join("europeana-fr-bnf-dev.bio"), (0, 1), ' ');
    // No sentence or article boundaries there: running text cut into windows of about an
    // article's length (400 tokens), each analysed whole.
    // The first EUROPEANA_TRAINED tokens are the tagger's French training text
    // (examples/train_ner.rs): only the rest is the French measure.
    let flat: Sentence = europeana.into_iter().flatten().flatten().collect();
    let held_out = &flat[EUROPEANA_TRAINED.min(flat.len())..];
    let windows: Vec<Doc> = held_out.chunks(400).map(|w| vec![w.to_vec()]).collect();
    let c = ner(
        "europeana-fr held-out part (400-token windows)",
        &windows,
        "fr",
        model,
    );
    println!("europeana-fr recall {:.3}", c["ALL"].prf().1);
    floor("Europeana F1", c["ALL"].prf().2, 0.585);
    assert!(
        below.is_empty(),
        "NER scores regressed: {}",
        below.join("; ")
    );
}

/// Share of `(expected, detected)` pairs that agree, with the misses printed by language.
fn accuracy(name: &str, pairs: &[(String, Option<String>)]) -> f64 {
    let mut misses: BTreeMap<(String, String), u32> = BTreeMap::new();
    let mut right = 0u32;
    for (want, got) in pairs {
        let got = got.clone().unwrap_or_else(|| "none".into());
        if *want == got {
            right += 1;
        } else {
            *misses.entry((want.clone(), got)).or_default() += 1;
        }
    }
    let n = u32::try_from(pairs.len()).unwrap_or(u32::MAX);
    let acc = f64::from(right) / f64::from(n.max(1));
    println!("{name}: language right {acc:.4} ({right}/{n}); misses (want, got): {misses:?}");
    acc
}

/// Languages kiosk detects (whatlang knows no Hausa, Swahili or Lingala: those articles must
/// declare theirs, and are left out here).
const DETECTED: &[&str] = &["en", "fr", "es", "ar", "pt", "de", "it"];

#[test]
fn language_of_dev_corpora() {
    let Some(dir) = corpus() else { return };
    let read = |file: &str| std::fs::read_to_string(dir.join(file)).expect("corpus file");
    let lines = read("reuters-dev.jsonl");
    let wires: Vec<(String, Option<String>)> = lines
        .lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("json line");
            let s = |k: &str| v[k].as_str().unwrap_or_default().to_string();
            let title = s("title");
            let doc = format!("{title}\n{} {}", s("dateline"), s("body"));
            ("en".to_string(), analyze(&doc, title.len(), None).lang)
        })
        .collect();
    let reuters = accuracy("reuters-dev (no declared language)", &wires);
    let lines = read("multilingual-dev.jsonl");
    let articles: Vec<(String, Option<String>)> = lines
        .lines()
        .filter_map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("json line");
            let s = |k: &str| v[k].as_str().unwrap_or_default().to_string();
            let lang = s("lang");
            DETECTED.contains(&lang.as_str()).then(|| {
                let title = s("title");
                let doc = format!("{title}\n\n{}", s("body"));
                (lang, analyze(&doc, title.len(), None).lang)
            })
        })
        .collect();
    let multilingual = accuracy("multilingual-dev (en fr es ar)", &articles);
    assert!(
        reuters >= 0.99 && multilingual >= 0.99,
        "language detection regressed: Reuters {reuters:.4}, multilingual {multilingual:.4}"
    );
}
