//! The import graph of `src/` runs one way: a file of one top-level module that names another
//! (`crate::app::…`) is an edge, and no chain of edges leads back to where it started. The
//! module map opening `src/lib.rs` lists exactly these edges.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Top-level module → (module it names → first `file:line` that names it).
type Graph = BTreeMap<String, BTreeMap<String, String>>;

fn rust_files(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
}

/// The identifiers that follow `crate::` in `line` (`crate::{a, b}` is not used here).
fn named_modules(line: &str) -> impl Iterator<Item = &str> {
    line.match_indices("crate::").map(move |(at, found)| {
        let rest = &line[at + found.len()..];
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        &rest[..end]
    })
}

fn graph(src: &Path) -> Graph {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let top_level = |name: &str| src.join(format!("{name}.rs")).exists();
    let mut graph = Graph::new();
    for file in files {
        let relative = file.strip_prefix(src).expect("under src");
        let first = relative.components().next().expect("a component");
        let module = first
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        if module == "lib" || module == "main" {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("read file");
        for (number, line) in text.lines().enumerate() {
            for named in named_modules(line) {
                if named != module && top_level(named) {
                    graph
                        .entry(module.clone())
                        .or_default()
                        .entry(named.to_string())
                        .or_insert_with(|| format!("{}:{}", relative.display(), number + 1));
                }
            }
        }
    }
    graph
}

/// A chain of modules that returns to its start, if any.
fn cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(
        module: &str,
        graph: &Graph,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|m| m == module) {
            let mut chain = path[at..].to_vec();
            chain.push(module.to_string());
            return Some(chain);
        }
        if done.contains(module) {
            return None;
        }
        path.push(module.to_string());
        for next in graph.get(module).into_iter().flat_map(BTreeMap::keys) {
            if let Some(chain) = visit(next, graph, path, done) {
                return Some(chain);
            }
        }
        path.pop();
        done.insert(module.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|module| visit(module, graph, &mut Vec::new(), &mut done))
}

#[test]
fn no_cycle_between_top_level_modules() {
    let graph = graph(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    if let Some(chain) = cycle(&graph) {
        let edges: Vec<String> = chain
            .windows(2)
            .map(|pair| format!("{} -> {} ({})", pair[0], pair[1], graph[&pair[0]][&pair[1]]))
            .collect();
        panic!("import cycle:\n  {}", edges.join("\n  "));
    }
}

/// The module map that opens `src/lib.rs`: each `//! - `module`: what it owns → what it imports`
/// entry (continued on indented `//!` lines), parenthesised remarks left out.
fn module_map(lib: &str) -> Vec<(Vec<String>, BTreeSet<String>)> {
    let mut entries: Vec<String> = Vec::new();
    for line in lib.lines().map_while(|line| line.strip_prefix("//!")) {
        if let Some(entry) = line.strip_prefix(" - ") {
            entries.push(entry.to_string());
        } else if let (Some(last), true) = (entries.last_mut(), line.starts_with("   ")) {
            last.push(' ');
            last.push_str(line.trim());
        }
    }
    entries
        .iter()
        .map(|entry| {
            let (names, rest) = entry.split_once(": ").expect("`module`: what it owns");
            let (_, imports) = rest.split_once('→').expect("an arrow to what it imports");
            let mut depth = 0;
            let plain: String = imports
                .chars()
                .filter(|c| {
                    depth += i32::from(*c == '(') - i32::from(*c == ')');
                    depth == 0 && *c != ')'
                })
                .collect();
            let modules = names
                .split(',')
                .map(|name| name.trim().trim_matches('`').to_string())
                .collect();
            let imports = plain
                .split(',')
                .map(str::trim)
                .filter(|name| !name.is_empty() && *name != "nothing")
                .map(str::to_string)
                .collect();
            (modules, imports)
        })
        .collect()
}

#[test]
fn the_module_map_of_lib_rs_says_what_each_module_imports() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let graph = graph(&root.join("src"));
    let lib = std::fs::read_to_string(root.join("src/lib.rs")).expect("read lib.rs");
    let map = module_map(&lib);
    let mut wrong = Vec::new();
    for (modules, listed) in &map {
        for module in modules {
            let real: BTreeSet<String> = graph
                .get(module)
                .map(|edges| edges.keys().cloned().collect())
                .unwrap_or_default();
            if &real != listed {
                wrong.push(format!(
                    "{module}: map says {listed:?}, src/ imports {real:?}"
                ));
            }
        }
    }
    let mapped: BTreeSet<&String> = map.iter().flat_map(|(modules, _)| modules).collect();
    wrong.extend(
        graph
            .keys()
            .filter(|module| !mapped.contains(module))
            .map(|module| format!("{module} is not in the map")),
    );
    assert!(
        wrong.is_empty(),
        "src/lib.rs's module map:\n  {}",
        wrong.join("\n  ")
    );
}

#[test]
fn a_cycle_is_found() {
    let mut graph = Graph::new();
    graph
        .entry("app".into())
        .or_default()
        .insert("ui".into(), "app.rs:1".into());
    graph
        .entry("ui".into())
        .or_default()
        .insert("app".into(), "ui.rs:1".into());
    assert_eq!(
        cycle(&graph),
        Some(vec!["app".into(), "ui".into(), "app".into()])
    );
    graph.get_mut("app").expect("app").clear();
    assert_eq!(cycle(&graph), None);
}
