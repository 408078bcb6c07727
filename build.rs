//! Embeds the sample archive (`assets/sample/**/*.txt`) in the binary, so a new user's empty
//! store can be seeded with no files beside the executable; precompiles the gazetteer's index
//! (`assets/gazetteer`) so the analyser loads it with no parsing or hashing.

use std::fmt::Write;
use std::path::{Path, PathBuf};

#[allow(dead_code)] // the reading half is the library's
#[path = "src/analyze/gazetteer/index.rs"]
mod gazetteer_index;

fn main() {
    gazetteer();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root, &mut files);
    files.sort();
    let mut code = String::from(
        "/// The bundled sample articles: path relative to `assets/sample`, and bytes.\n",
    );
    code.push_str("pub static SAMPLE_FILES: &[(&str, &[u8])] = &[\n");
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
        let relative = file
            .strip_prefix(&root)
            .expect("under root")
            .to_string_lossy()
            .replace('\\', "/");
        writeln!(
            code,
            "    ({relative:?}, include_bytes!({:?})),",
            file.display().to_string()
        )
        .expect("write to string");
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("sample_files.rs"), code).expect("write generated sample list");
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect(&path, files);
        } else if path.extension().is_some_and(|ext| ext == "txt") {
            files.push(path);
        }
    }
}

/// Writes `OUT_DIR/gazetteer.idx`, laid out as `src/analyze/gazetteer/index.rs` describes.
fn gazetteer() {
    use gazetteer_index::{
        BLOOM_BITS, CAPITAL_BIT, ENTITY, GOES_ON, HEADER, KINDS, LOWER_BLOOM_BITS, NONE, PATTERN,
        SLOT, ends, fnv,
    };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/gazetteer");
    let read = |name: &str| {
        let path = dir.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        std::fs::read_to_string(&path).expect("gazetteer asset readable")
    };
    let (patterns, entities) = (read("patterns.tsv"), read("entities.tsv"));
    let word = |n: usize| u32::try_from(n).expect("gazetteer fits u32 offsets");
    let kinds: Vec<&str> = entities
        .lines()
        .map(|l| &l[..l.find('\t').unwrap_or(0)])
        .collect();
    let mut lower_keys: Vec<&str> = Vec::new();
    let mut table = Vec::new();
    let mut ids = Vec::new();
    // Keys: (offset in patterns.tsv, length) -> (pattern, goes on).
    let mut keys: std::collections::HashMap<&str, (usize, u32, bool)> = Default::default();
    let mut max_len = 0;
    let plines = lines(&patterns);
    for (i, &(off, line)) in plines.iter().enumerate() {
        let mut f = line.split('\t');
        let text = f.next().unwrap_or_default();
        let flags = f.next().unwrap_or_default().bytes().fold(0u32, |acc, b| {
            acc | match b {
                b'=' => 1,
                b'@' => 2,
                b'^' => 4,
                b'~' => 8,
                _ => 0,
            }
        });
        let list: Vec<u32> = f
            .next()
            .unwrap_or_default()
            .split(',')
            .filter_map(|i| i.parse().ok())
            .collect();
        // As `matches::accept` decides from the best candidate: demonyms without `^` and
        // multi-word organisations may be written in lower case.
        let best = list.first().and_then(|&i| kinds.get(i as usize)).copied();
        let lower_ok =
            best == Some("D") && flags & 4 == 0 || best == Some("O") && text.contains(' ');
        if lower_ok {
            lower_keys.push(text);
            lower_keys.extend(ends(text, 0).map(|e| &text[..e]));
        }
        table.extend([word(off), word(text.len()) | flags << 24, word(ids.len())]);
        table.push(word(list.len()));
        ids.extend(list);
        max_len = max_len.max(text.len());
        keys.entry(text).or_insert((off, NONE, false)).1 = word(i);
        for end in ends(text, 0).filter(|&e| e < text.len()) {
            keys.entry(&text[..end]).or_insert((off, NONE, true)).2 = true;
        }
    }
    let mut ents = Vec::new();
    let elines = lines(&entities);
    for &(off, line) in &elines {
        let mut f = line.split('\t');
        let kind = f.next().unwrap_or_default();
        let kind = KINDS.iter().position(|k| *k == kind).unwrap_or(4);
        let code = f.next().filter(|c| *c != "-" && c.len() == 2);
        let name = f.next().unwrap_or_default();
        let name_off = off + line.find('\t').map_or(0, |t| t + 1) + code.map_or(2, |_| 3);
        let population: u32 = f.next().and_then(|p| p.parse().ok()).unwrap_or(0);
        let capital = f.next().is_some_and(|flags| flags.contains('K'));
        let code = code.map_or(0, |c| {
            let b = c.as_bytes();
            u32::from(b[0]) | u32::from(b[1]) << 8
        });
        let second = word(name.len()) | word(kind) << 24 | if capital { CAPITAL_BIT } else { 0 };
        ents.extend([word(name_off), second, population, code]);
        assert_eq!(&entities[name_off..name_off + name.len()], name);
    }
    let slots = (keys.len() + keys.len() / 2).next_power_of_two();
    let mut hash = vec![0u32; slots * SLOT];
    let mut bloom = vec![0u64; usize::try_from(BLOOM_BITS / 64).expect("small")];
    for (key, &(off, pattern, goes_on)) in &keys {
        let h = fnv(key.as_bytes());
        let bit = h % BLOOM_BITS;
        bloom[usize::try_from(bit / 64).expect("small")] |= 1 << (bit % 64);
        let mut s = usize::try_from(h).unwrap_or_default() & (slots - 1);
        while hash[s * SLOT + 1] != 0 {
            s = (s + 1) & (slots - 1);
        }
        let len = word(key.len()) | if goes_on { GOES_ON } else { 0 };
        let hi = u32::try_from(h >> 32).expect("top half");
        hash[s * SLOT..s * SLOT + SLOT].copy_from_slice(&[word(off), len, pattern, hi]);
    }
    let mut lower_bloom = vec![0u64; usize::try_from(LOWER_BLOOM_BITS / 64).expect("small")];
    for key in lower_keys {
        let bit = fnv(key.as_bytes()) % LOWER_BLOOM_BITS;
        lower_bloom[usize::try_from(bit / 64).expect("small")] |= 1 << (bit % 64);
    }
    let mut out: Vec<u32> = Vec::with_capacity(HEADER + hash.len() + table.len() + ids.len());
    out.extend([
        word(slots),
        word(plines.len()),
        word(elines.len()),
        word(max_len),
        word(bloom.len()),
        word(lower_bloom.len()),
    ]);
    out.extend(hash);
    assert_eq!(table.len(), plines.len() * PATTERN);
    out.extend(table);
    assert_eq!(ents.len(), elines.len() * ENTITY);
    out.extend(ents);
    for b in bloom.into_iter().chain(lower_bloom) {
        out.extend([(b & 0xffff_ffff) as u32, (b >> 32) as u32]);
    }
    out.extend(ids);
    let bytes: Vec<u8> = out.iter().flat_map(|w| w.to_le_bytes()).collect();
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out_dir.join("gazetteer.idx"), bytes).expect("write gazetteer index");
}

/// Each line of `text` (without its newline) with its byte offset.
fn lines(text: &str) -> Vec<(usize, &str)> {
    let mut at = 0;
    let mut out = Vec::new();
    for line in text.split_inclusive('\n') {
        out.push((at, line.trim_end_matches('\n')));
        at += line.len();
    }
    out
}
