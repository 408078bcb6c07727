use super::*;

#[test]
fn reads_the_analyze_json_shape() {
    let json = r#"{"lang":"fr","countries":[{"code":"NE","name":"Niger","score":0.9,"mentions":7,"about":true}],
        "entities":[{"kind":"person","name":"Vladimir Poutine","count":2,"country":"RU"},{"kind":"place"}]}"#;
    let entities = analysis_entities(json);
    assert_eq!(entities.len(), 2);
    assert_eq!(
        (
            entities[0].name.as_str(),
            entities[0].label.as_deref(),
            entities[0].count
        ),
        ("NE", Some("Niger"), 7)
    );
    assert_eq!(
        (entities[1].kind, entities[1].count),
        (RowKind::Entity(EntityKind::Person), 2)
    );
    assert!(analysis_entities("not json").is_empty());
}

#[test]
fn an_organisation_or_place_shows_the_form_its_article_wrote() {
    let mention = |kind: &str, text: &str, entity: &str| {
        format!(r#"{{"kind":"{kind}","text":"{text}","start":0,"end":1,"entity":"{entity}"}}"#)
    };
    let mentions = [
        mention("organization", "Cédéao", "ECOWAS"),
        mention("organization", "CEDEAO", "ECOWAS"),
        mention("organization", "Cédéao", "ECOWAS"),
        mention("place", "Moscou", "Moscow"),
        mention("place", "Niamey", "Niamey"),
        mention("person", "Poutine", "Vladimir Poutine"),
    ];
    let json = format!(
        r#"{{"entities":[{{"kind":"organization","name":"ECOWAS","count":3}},
        {{"kind":"place","name":"Moscow","count":1}},{{"kind":"place","name":"Niamey","count":1}},
        {{"kind":"person","name":"Vladimir Poutine","count":1}}],"mentions":[{}]}}"#,
        mentions.join(",")
    );
    let entities = analysis_entities(&json);
    let labels: Vec<Option<&str>> = entities.iter().map(|e| e.label.as_deref()).collect();
    assert_eq!(labels, [Some("Cédéao"), Some("Moscou"), None, None]);
}
