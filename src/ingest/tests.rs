use super::*;
use crate::query::Query;
use crate::store::SortOrder;

const TRAILER_1: &str = "Sahel Wire distribue chaque jour des dépêches de ses partenaires.";
const TRAILER_2: &str = "Pour toute question, contactez la rédaction.";

fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("kiosk.db")).expect("open store");
    (dir, store)
}

fn import(store: &mut Store, inputs: &[PathBuf]) -> ImportReport {
    let mut importer = Importer::new(store, &ImportConfig::default()).expect("importer");
    for input in inputs {
        importer
            .import(&Input::Path(input.clone()))
            .expect("import");
    }
    importer.finish()
}

fn bodies(store: &Store) -> Vec<String> {
    store
        .summaries(&Query::default(), SortOrder::Title, 0, 100)
        .expect("list")
        .iter()
        .map(|summary| store.load(summary.id).expect("load").body)
        .collect()
}

const FRENCH: &str = "Niger : les autorités reçoivent l'ambassadrice américaine\n\n\
    Les autorités nigériennes ont reçu mardi l'ambassadrice des États-Unis à Niamey, a-t-on appris \
    de source officielle. La rencontre a porté sur le calendrier du retrait des soldats américains.\n\n\
    Le ministre de l'Intérieur a déclaré que la coopération avec la Russie allait s'intensifier.\n\n\
    AllAfrica publie environ 500 articles par jour provenant de plus de 110 organes de presse.\n";

#[test]
fn text_file_with_a_pattern_trailer_and_its_latin1_copy() {
    let (dir, mut store) = temp_store();
    let folder = dir.path().join("RFI");
    std::fs::create_dir(&folder).expect("mkdir");
    let utf8 = folder.join("2024-03-28-niger.txt");
    std::fs::write(&utf8, FRENCH).expect("write");
    let report = import(&mut store, std::slice::from_ref(&folder));
    assert_eq!(
        (report.added, report.duplicates, report.skipped.len()),
        (1, 0, 0)
    );
    let summary = &store
        .summaries(&Query::default(), SortOrder::Date, 0, 1)
        .expect("list")[0];
    assert_eq!(summary.source.as_deref(), Some("RFI"));
    assert_eq!(summary.lang.as_deref(), Some("fr"));
    assert_eq!(summary.published.as_deref(), Some("2024-03-28T00:00:00Z"));
    let article = store.load(summary.id).expect("load");
    assert!(
        !article.body.contains("AllAfrica"),
        "trailer left out of the body"
    );
    assert!(article.body.contains("Russie"));
    assert!(
        article.original.contains("AllAfrica publie"),
        "original keeps everything"
    );

    let (latin1, _, unmappable) = encoding_rs::WINDOWS_1252.encode(FRENCH);
    assert!(!unmappable);
    let copy = dir.path().join("copy-latin1.txt");
    std::fs::write(&copy, &latin1).expect("write");
    let again = import(&mut store, &[utf8, copy]);
    assert_eq!((again.added, again.duplicates), (0, 2));
}

#[test]
fn a_paragraph_repeated_across_a_source_becomes_a_trailer() {
    let (dir, mut store) = temp_store();
    let folder = dir.path().join("Sahel Wire");
    std::fs::create_dir(&folder).expect("mkdir");
    for (n, town) in ["Niamey", "Bamako", "Ouagadougou", "Dakar"]
        .iter()
        .enumerate()
    {
        let text = format!(
            "Nouvelles de {town}\n\nLe conseil municipal de {town} a voté le budget {n}.\n\n{TRAILER_1}\n\n{TRAILER_2}\n"
        );
        std::fs::write(folder.join(format!("2024-01-0{}-{town}.txt", n + 1)), text).expect("write");
    }
    let report = import(&mut store, &[folder]);
    assert_eq!(report.added, 4);
    for body in bodies(&store) {
        assert!(body.starts_with("Le conseil municipal"), "{body}");
        assert!(
            !body.contains("distribue"),
            "repeated trailer removed, even from earlier articles: {body}"
        );
    }
}

#[test]
fn bad_files_are_reported_and_good_ones_imported() {
    let (dir, mut store) = temp_store();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "A headline\n\nA body paragraph.").expect("write");
    let binary = dir.path().join("photo.png");
    std::fs::write(
        &binary,
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0",
    )
    .expect("write");
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").expect("write");
    let lines = dir.path().join("items.jsonl");
    std::fs::write(
        &lines,
        "{\"title\": \"Fine\", \"body\": \"ok\"}\n{\"title\": oops}\n{\"body\": \"untitled\"}\n",
    )
    .expect("write");
    let missing = dir.path().join("missing.txt");
    let report = import(&mut store, &[good, binary, empty, lines, missing]);
    assert_eq!(report.added, 2);
    let messages: Vec<String> = report.skipped.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 5, "{messages:?}");
    assert!(
        messages[0].ends_with("photo.png: binary file, not text"),
        "{messages:?}"
    );
    assert!(
        messages[1].ends_with("empty.txt: empty file"),
        "{messages:?}"
    );
    assert!(
        messages[2].contains("items.jsonl:2: invalid JSON"),
        "{messages:?}"
    );
    assert!(
        messages[3].ends_with("items.jsonl:3: missing title"),
        "{messages:?}"
    );
    assert!(
        messages[4].contains("missing.txt: cannot read"),
        "{messages:?}"
    );
    assert_eq!(report.summary(), "added 2, duplicates 0, skipped 5");
}

#[test]
fn sample_archive_imports_cleanly() {
    let (_dir, mut store) = temp_store();
    let mut importer = Importer::new(&mut store, &ImportConfig::default()).expect("importer");
    sample::import_sample(&mut importer).expect("sample");
    let report = importer.finish();
    assert!(report.added >= 60, "{report:?}");
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    let facets = store.facets(&Query::default()).expect("facets");
    let languages: Vec<&str> = facets
        .by_lang
        .iter()
        .map(|(lang, _)| lang.as_str())
        .collect();
    for lang in ["fr", "en", "es", "ar"] {
        assert!(languages.contains(&lang), "{languages:?}");
    }
}

#[test]
fn progress_counts_articles_bytes_and_commits() {
    let (dir, mut store) = temp_store();
    let path = dir.path().join("two.jsonl");
    let line = |id: u32| format!("{{\"title\":\"Article {id}\",\"body\":\"Texte {id}.\"}}\n");
    let text = line(1) + &line(2);
    std::fs::write(&path, &text).expect("write");
    let mut told = Vec::new();
    let mut importer = Importer::new(&mut store, &ImportConfig::default())
        .expect("importer")
        .on_progress(|progress| told.push(*progress));
    importer.import(&Input::Path(path.clone())).expect("import");
    assert_eq!(importer.finish().added, 2);
    let bytes = text.len() as u64;
    let progress = |items, committed| Progress {
        items,
        bytes,
        committed,
    };
    // One per article, then the commit.
    assert_eq!(told, [progress(1, 0), progress(2, 0), progress(2, 2)]);
    assert_eq!(input_size(&[Input::Path(path)]), Some(bytes));
    assert_eq!(input_size(&[Input::Stdin]), None);
}

/// `count` JSON Lines of distinct articles, line `bad` (1-based) malformed.
fn jsonl_with_a_bad_line(count: usize, bad: usize) -> String {
    (1..=count)
        .map(|n| match n {
            n if n == bad => "{\"title\": \"broken\n".to_string(),
            n => format!(
                "{{\"title\": \"Article {n}\", \"body\": \"Le texte numéro {n} parle du Kenya.\"}}\n"
            ),
        })
        .collect()
}

#[test]
fn a_large_json_lines_file_streams_one_batch_at_a_time() {
    let (dir, mut store) = temp_store();
    let path = dir.path().join("many.jsonl");
    // Over the 64 KiB head, so it is streamed rather than read whole.
    let text = jsonl_with_a_bad_line(1500, 700);
    assert!(text.len() > 64 * 1024);
    std::fs::write(&path, text).expect("write");
    let mut importer = Importer::new(&mut store, &ImportConfig::default())
        .expect("importer")
        .with_batch_size(100);
    importer.import(&Input::Path(path.clone())).expect("import");
    assert_eq!(importer.peak_buffered(), 100);
    let report = importer.finish();
    assert_eq!((report.added, report.skipped.len()), (1499, 1));
    let location = format!("{}:700", path.display());
    assert_eq!(report.skipped[0].location, location);
    assert_eq!(store.count(&Query::default()).expect("count"), 1499);
}

#[test]
fn a_large_json_array_streams_one_batch_at_a_time() {
    let (dir, mut store) = temp_store();
    let path = dir.path().join("many.json");
    let objects: Vec<String> = (1..=1500)
        .map(|n| format!("{{\"title\": \"Article {n}\", \"body\": \"Texte {n} sur le Kenya.\"}}"))
        .collect();
    let text = format!("[\n{}\n]\n", objects.join(",\n"));
    assert!(text.len() > 64 * 1024);
    std::fs::write(&path, text).expect("write");
    let mut importer = Importer::new(&mut store, &ImportConfig::default())
        .expect("importer")
        .with_batch_size(100);
    importer.import(&Input::Path(path)).expect("import");
    assert_eq!(importer.peak_buffered(), 100);
    assert_eq!(importer.finish().added, 1500);
}

#[test]
fn a_title_of_a_megabyte_is_cut_with_a_warning_and_kept_whole_in_original() {
    let (dir, mut store) = temp_store();
    let title = "Niger ".repeat(200_000);
    let line = serde_json::json!({ "title": title, "body": "A body about Mali." }).to_string();
    let path = dir.path().join("long.jsonl");
    std::fs::write(&path, format!("{line}\n")).expect("write");
    let report = import(&mut store, &[path]);
    assert_eq!(report.added, 1);
    assert!(
        report.warnings[0]
            .message
            .starts_with("title cut to 1000 characters (it had 1199999)"),
        "{:?}",
        report.warnings
    );
    let summaries = store.summaries(&Query::default(), SortOrder::Title, 0, 1);
    let article = store.load(summaries.expect("list")[0].id).expect("load");
    let shown = article.summary.title.chars().count();
    assert!((500..=1001).contains(&shown), "{shown} characters");
    assert!(article.summary.title.ends_with("Niger…"));
    assert!(article.original.contains(title.trim_end()));
}
