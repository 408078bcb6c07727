//! Saved views in `config.toml`: `[views] name = "query"`. kiosk edits only that table and keeps
//! the rest of the file as the user wrote it (comments, order, formatting), writing atomically.

use std::path::Path;

use toml_edit::{DocumentMut, Item, Table, value};

use crate::query::Query;

/// Sets (`query` given) or removes the view `name` in the config file at `path`, creating the
/// file when it does not exist. Returns every view of the file afterwards whose query parses,
/// by name.
pub fn write_view(
    path: &Path,
    name: &str,
    query: Option<&str>,
) -> Result<Vec<(String, Query)>, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("a view needs a name".into());
    }
    if let Some(query) = query {
        Query::parse(query)
            .map_err(|error| format!("view '{name}' is not a valid query: {error}"))?;
    }
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(error) => {
            return Err(format!(
                "cannot read config file {}: {error}",
                path.display()
            ));
        }
    };
    let mut document: DocumentMut = text
        .parse()
        .map_err(|error| format!("config file {} is invalid: {error}", path.display()))?;
    let views = document
        .entry("views")
        .or_insert_with(|| Item::Table(Table::new()))
        .as_table_mut()
        .ok_or_else(|| format!("config file {}: 'views' is not a table", path.display()))?;
    match query {
        Some(query) => {
            views.insert(name, value(query));
        }
        None => {
            views.remove(name);
        }
    }
    let listed = views
        .iter()
        .filter_map(|(name, item)| Some((name.to_string(), Query::parse(item.as_str()?).ok()?)))
        .collect();
    write_atomically(path, &document.to_string())?;
    Ok(listed)
}

/// Writes a sibling temporary file and renames it over `path`: a crash or a full disk leaves
/// the old file whole.
fn write_atomically(path: &Path, text: &str) -> Result<(), String> {
    let fail =
        |error: std::io::Error| format!("cannot write config file {}: {error}", path.display());
    if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".kiosk-tmp");
    let temporary = std::path::PathBuf::from(temporary);
    std::fs::write(&temporary, text)
        .and_then(|()| std::fs::rename(&temporary, path))
        .map_err(|error| {
            let _ = std::fs::remove_file(&temporary);
            fail(error)
        })
}

/// The views of `config` whose query parses, and one message per view that does not.
pub fn valid_views(
    views: &std::collections::BTreeMap<String, String>,
) -> (Vec<(String, Query)>, Vec<String>) {
    let mut valid = Vec::new();
    let mut errors = Vec::new();
    for (name, query) in views {
        match Query::parse(query) {
            Ok(parsed) => valid.push((name.clone(), parsed)),
            Err(error) => errors.push(format!("config views.{name}: {error}")),
        }
    }
    (valid, errors)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn saving_keeps_the_rest_of_the_file_and_round_trips() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("config.toml");
        let original = "# my settings\n[layout]\nlist_percent = 40 # wider list\n";
        std::fs::write(&path, original).expect("write");
        let views = write_view(&path, "sahel", Some("country:NE OR country:ML")).expect("save");
        let sahel = Query::parse("country:NE OR country:ML").expect("query");
        assert_eq!(views, [("sahel".into(), sahel)]);
        write_view(&path, "niger people", Some("country:NE person:\"Tiani\"")).expect("save");
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(text.starts_with(original), "{text}");
        let config = Config::parse(&text).expect("still a valid config");
        assert_eq!(config.layout.list_percent, 40);
        assert_eq!(config.views["sahel"], "country:NE OR country:ML");
        assert_eq!(config.views["niger people"], "country:NE person:\"Tiani\"");
        let views = write_view(&path, "sahel", None).expect("delete");
        assert_eq!(views.len(), 1);
        assert!(
            !Config::parse(&std::fs::read_to_string(&path).expect("read"))
                .expect("valid")
                .views
                .contains_key("sahel")
        );
    }

    #[test]
    fn a_missing_file_is_created_and_bad_input_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("new/config.toml");
        write_view(&path, "fr", Some("lang:fr")).expect("created");
        assert!(path.exists());
        let error = write_view(&path, "bad", Some("colour:red")).expect_err("bad query");
        assert!(
            error.contains("view 'bad'") && error.contains("column 1"),
            "{error}"
        );
        std::fs::write(&path, "[views\n").expect("write");
        let error = write_view(&path, "x", Some("lang:fr")).expect_err("broken file");
        assert!(error.contains("is invalid"), "{error}");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "[views\n");
    }

    #[test]
    fn invalid_view_queries_are_reported_by_name() {
        let mut views = std::collections::BTreeMap::new();
        views.insert("good".to_string(), "lang:fr".to_string());
        views.insert("bad".to_string(), "colour:red".to_string());
        let (valid, errors) = valid_views(&views);
        let lang = Query::parse("lang:fr").expect("query");
        assert_eq!(valid, [("good".to_string(), lang)]);
        assert!(
            errors[0].starts_with("config views.bad: column 1"),
            "{errors:?}"
        );
    }
}
