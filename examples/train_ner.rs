//! Trains the name tagger shipped as `assets/ner.model` from the licence-clean corpora in
//! `../shared/data/ner-train` (see assets/README.md for the sources and licence).
//! Run: `cargo run --release --example train_ner -- [DATA_DIR] [OUT]`; the same data gives the
//! same bytes. The `*-pud` folders (translations of the UNER English PUD dev set) and the
//! lower-cased MultiCoNER are left out.

use std::path::{Path, PathBuf};
use std::time::Instant;

use kiosk::analyze::training::{Example, Settings, prepare, train};

/// The folders trained on, with their language, in a fixed order.
const CORPORA: &[(&str, &str)] = &[
    ("uner-en-ewt", "en"),
    ("btc-en", "en"),
    ("wnut17-en", "en"),
    ("crossner-en", "en"),
    ("sec-filings-en", "en"),
    ("uner-pt-bosque", "pt"),
    ("lener-br-pt", "pt"),
    ("germeval2014-de", "de"),
    ("europeana-de", "de"),
];

const SETTINGS: Settings = Settings {
    bits: 18,
    epochs: 30,
    seed: 20_261_207,
};

/// The settings, which KIOSK_NER_BITS and KIOSK_NER_EPOCHS override for experiments.
fn settings() -> Settings {
    let var = |name: &str| std::env::var(name).ok().and_then(|v| v.parse().ok());
    Settings {
        bits: var("KIOSK_NER_BITS").unwrap_or(SETTINGS.bits),
        epochs: var("KIOSK_NER_EPOCHS").unwrap_or(SETTINGS.epochs),
        ..SETTINGS
    }
}

/// The French training text: the head of the Europeana French dev file (OCR of 1906–1939
/// newspapers, CC0), its first `EUROPEANA_TRAINED` tokens; `tests/analyze_eval.rs` measures
/// French on the rest only. There is no licence-clean modern French NER data here.
const EUROPEANA_FR: &str = "corpus/ner/europeana-fr-bnf-dev.bio";
const EUROPEANA_TRAINED: usize = 82_400;
/// Tokens per pseudo-document of that file, which marks no sentences or articles (the
/// evaluation's window).
const EUROPEANA_WINDOW: usize = 400;

/// Sentences per pseudo-document where a corpus marks no documents.
const DOC_SENTENCES: usize = 20;

type Sentence = Vec<(String, String)>;

/// Documents of sentences of (token, tag) from an IOB2 file.
fn read_docs(path: &Path) -> Vec<Vec<Sentence>> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let marked = text.contains("-DOCSTART-");
    let mut docs: Vec<Vec<Sentence>> = vec![Vec::new()];
    let mut sentence: Sentence = Vec::new();
    let close = |sentence: &mut Sentence, docs: &mut Vec<Vec<Sentence>>| {
        if !sentence.is_empty() {
            let doc = docs.last_mut().expect("a document");
            doc.push(std::mem::take(sentence));
            if !marked && doc.len() >= DOC_SENTENCES {
                docs.push(Vec::new());
            }
        }
    };
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            close(&mut sentence, &mut docs);
            continue;
        }
        let Some((token, tag)) = line.split_once('\t') else {
            eprintln!("{}:{}: no tab, line skipped", path.display(), n + 1);
            continue;
        };
        if token == "-DOCSTART-" {
            close(&mut sentence, &mut docs);
            docs.push(Vec::new());
            continue;
        }
        sentence.push((token.to_string(), tag.to_string()));
    }
    close(&mut sentence, &mut docs);
    docs.retain(|d| !d.is_empty());
    docs
}

/// The trained head of the Europeana French file as pseudo-documents of one sentence each. Its
/// tags are IO (`I-PER` only): a name opens where the kind changes.
fn read_europeana(path: &Path) -> Vec<Vec<Sentence>> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut tokens: Sentence = Vec::with_capacity(EUROPEANA_TRAINED);
    let mut prev = "O".to_string();
    for (n, line) in text.lines().take(EUROPEANA_TRAINED).enumerate() {
        let Some((token, tag)) = line.rsplit_once(' ') else {
            eprintln!("{}:{}: no space, line skipped", path.display(), n + 1);
            continue;
        };
        let bio = match tag.strip_prefix("I-") {
            Some(kind) if prev != tag => format!("B-{kind}"),
            _ => tag.to_string(),
        };
        tag.clone_into(&mut prev);
        tokens.push((token.to_string(), bio));
    }
    tokens
        .chunks(EUROPEANA_WINDOW)
        .map(|w| vec![w.to_vec()])
        .collect()
}

/// Whether a space goes before `tok` when the text is written out again.
fn space_before(prev: &str, tok: &str) -> bool {
    let closing = matches!(
        tok,
        "," | "." | ";" | ":" | "!" | "?" | ")" | "]" | "%" | "'s" | "’s" | "n't"
    );
    !(prev.is_empty() || closing || matches!(prev, "(" | "["))
}

fn tag_code(tag: &str) -> (bool, u8) {
    let (begin, kind) = match tag.split_once('-') {
        Some(("B", k)) => (true, k),
        Some(("I", k)) => (false, k),
        _ => return (true, 0),
    };
    let base = match kind {
        "PER" => 1,
        "ORG" => 3,
        "LOC" => 5,
        _ => return (true, 0),
    };
    (begin, base)
}

/// The document's text, and its gold names as (start, end, B-tag) byte spans.
fn write_out(doc: &[Sentence]) -> (String, Vec<(usize, usize, u8)>) {
    let mut text = String::new();
    let mut gold: Vec<(usize, usize, u8)> = Vec::new();
    for sentence in doc {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let mut prev = "";
        let mut open = false;
        for (tok, tag) in sentence {
            if space_before(prev, tok) {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(tok);
            let (begin, code) = tag_code(tag);
            match (code, begin, open) {
                (0, _, _) => open = false,
                (_, false, true) if gold.last().is_some_and(|g| g.2 == code) => {
                    gold.last_mut().expect("open name").1 = text.len();
                }
                _ => {
                    gold.push((start, text.len(), code));
                    open = true;
                }
            }
            prev = tok;
        }
    }
    (text, gold)
}

/// Gold tags of the tagger's tokens: B on the token opening a name, I on the rest inside it.
fn align(tokens: &[(usize, usize)], gold: &[(usize, usize, u8)]) -> Vec<u8> {
    tokens
        .iter()
        .map(|&(start, _)| {
            let g = gold.partition_point(|g| g.1 <= start);
            match gold.get(g) {
                Some(&(s, _, code)) if s == start => code,
                Some(&(s, _, code)) if s < start => code + 1,
                _ => 0,
            }
        })
        .collect()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let data = args.next().map_or_else(
        || {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../shared/data/ner-train"
            ))
        },
        PathBuf::from,
    );
    let out = args.next().map_or_else(
        || PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/ner.model")),
        PathBuf::from,
    );
    let began = Instant::now();
    let mut examples = Vec::new();
    // KIOSK_NER_SKIP=btc-en,lener-br-pt leaves folders out, for experiments.
    let skip = std::env::var("KIOSK_NER_SKIP").unwrap_or_default();
    for (folder, lang) in CORPORA
        .iter()
        .filter(|(f, _)| !skip.split(',').any(|s| s == *f))
    {
        let mut files: Vec<PathBuf> = std::fs::read_dir(data.join(folder))
            .unwrap_or_else(|e| panic!("cannot list {}: {e}", data.join(folder).display()))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "iob2"))
            .collect();
        files.sort();
        let mut names = 0;
        for file in files {
            for doc in read_docs(&file) {
                let (text, gold) = write_out(&doc);
                names += gold.len();
                let (tokens, features) = prepare(&text, Some(lang));
                let tags = align(&tokens, &gold);
                examples.push(Example::new(features, tags));
            }
        }
        eprintln!("{folder}: {names} names");
    }
    if !skip.split(',').any(|s| s == "europeana-fr") {
        let root = data.parent().and_then(Path::parent).unwrap_or(&data);
        let mut names = 0;
        for doc in read_europeana(&root.join(EUROPEANA_FR)) {
            let (text, gold) = write_out(&doc);
            names += gold.len();
            let (tokens, features) = prepare(&text, Some("fr"));
            examples.push(Example::new(features, align(&tokens, &gold)));
        }
        eprintln!("europeana-fr (first {EUROPEANA_TRAINED} tokens): {names} names");
    }
    eprintln!(
        "{} documents prepared in {:.1} s",
        examples.len(),
        began.elapsed().as_secs_f64()
    );
    let model = train(&examples, settings(), |epoch, errors| {
        eprintln!(
            "epoch {epoch}: {errors} token errors ({:.1} s)",
            began.elapsed().as_secs_f64()
        );
    });
    std::fs::write(&out, &model).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
    eprintln!(
        "wrote {} ({} bytes) in {:.1} s",
        out.display(),
        model.len(),
        began.elapsed().as_secs_f64()
    );
}
