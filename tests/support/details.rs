//! Shared by the details tests: a store of made-up articles with many search hits and a stored
//! analysis whose mentions carry offsets, as `kiosk import` writes them.
#![allow(dead_code)]

use std::path::Path;

use kiosk::article::NewArticle;
use kiosk::store::{CountryRow, Store};

/// An article about Niger naming the CNSP, Moscou and the Cédéao, `uranium` in every paragraph.
pub fn niger(paragraphs: usize) -> NewArticle {
    let mut body = vec![
        "Le Conseil national pour la sauvegarde de la patrie (CNSP) se rapproche de Moscou \
         et a quitté la Cédéao, avec le Mali."
            .to_string(),
    ];
    body.extend((1..paragraphs).map(|n| format!("Paragraphe {n} sur l'uranium du Niger.")));
    NewArticle {
        external_id: Some("niger-1".into()),
        title: "« Niger » : le CNSP et l'uranium".into(),
        body: body.join("\n\n"),
        original: String::new(),
        source: Some("RFI".into()),
        url: Some("https://example.org/niger".into()),
        author: None,
        published: Some("2024-03-28T08:00:00Z".into()),
        lang: Some("fr".into()),
    }
}

/// Stores `article` as article 1 of a new store at `path` and the analysis of its text, made
/// here by hand: NE about, ML mentioned, a mention of every name with its byte offsets.
pub fn store_niger(path: &Path, article: &NewArticle) {
    crate::fixtures::import(path, std::slice::from_ref(article));
    let text = format!("{}\n\n{}", article.title, article.body);
    let mentions: Vec<String> = ["CNSP", "Moscou", "Cédéao", "Mali", "Conseil national pour la sauvegarde de la patrie"]
        .iter()
        .flat_map(|name| {
            text.match_indices(name).map(move |(at, _)| {
                format!(
                    r#"{{"kind":"organization","text":"{name}","start":{at},"end":{},"entity":"{name}"}}"#,
                    at + name.len()
                )
            })
        })
        .collect();
    let json = format!(
        r#"{{"countries":[{{"code":"NE","name":"Niger","mentions":4,"about":true}},
            {{"code":"ML","name":"Mali","mentions":1,"about":false}}],
            "entities":[{{"kind":"country","name":"Niger","count":4}},
            {{"kind":"organization","name":"CNSP","count":2}}],
            "mentions":[{}]}}"#,
        mentions.join(",")
    );
    let countries = [
        CountryRow {
            code: "NE".into(),
            score: 0.9,
            mentions: 4,
            about: true,
        },
        CountryRow {
            code: "ML".into(),
            score: 0.1,
            mentions: 1,
            about: false,
        },
    ];
    let mut store = Store::open(path).expect("open store");
    let writer = store.writer().expect("writer");
    writer
        .set_analysis(1, 1, &json, &countries, &[])
        .expect("analysis");
    writer.commit().expect("commit");
}
