use super::*;

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>RFI</title><language>fr-FR</language>
<item><title>Niger : l&#39;attente</title><link>https://rfi.fr/a</link><guid>a1</guid>
<pubDate>Thu, 28 Mar 2024 10:00:00 GMT</pubDate>
<description><![CDATA[<p>Premier paragraphe avec <a href="https://ex.test/x">un lien</a>.</p><p>Second &eacute;l&eacute;ment.</p>]]></description>
<enclosure url="https://rfi.fr/a.mp3" type="audio/mpeg" length="1"/>
</item>
<item><description>Sans titre, mais avec du texte.</description></item>
<item></item>
</channel></rss>"#;

#[test]
fn rss_items_become_drafts_with_paragraphs_and_links() {
    let parsed = parse(RSS.as_bytes()).expect("parses");
    assert_eq!(parsed.title.as_deref(), Some("RFI"));
    assert_eq!(parsed.items.len(), 3);
    let first = parsed.items[0].as_ref().expect("first item");
    assert_eq!(first.title, "Niger : l'attente");
    assert_eq!(first.external_id.as_deref(), Some("a1"));
    assert_eq!(first.url.as_deref(), Some("https://rfi.fr/a"));
    assert_eq!(first.published.as_deref(), Some("2024-03-28T10:00:00Z"));
    assert_eq!(first.lang.as_deref(), Some("fr"));
    assert_eq!(first.source.as_deref(), Some("RFI"));
    assert!(
        first.paragraphs[0].starts_with("Premier paragraphe avec"),
        "{:?}",
        first.paragraphs
    );
    assert_eq!(first.paragraphs[1], "Second élément.");
    let all = first.paragraphs.join("\n\n");
    assert!(all.contains("https://ex.test/x"), "{all}");
    assert!(all.ends_with("Enclosures:\nhttps://rfi.fr/a.mp3"), "{all}");
    let second = parsed.items[1].as_ref().expect("untitled item");
    assert_eq!(second.title, "Sans titre, mais avec du texte.");
    assert!(parsed.items[2].is_err());
}

#[test]
fn declared_legacy_encodings_are_honoured() {
    let mut bytes = b"<?xml version=\"1.0\" encoding=\"KOI8-R\"?><rss version=\"2.0\"><channel>\
        <title>t</title><item><title>"
        .to_vec();
    let (title, _, _) = encoding_rs::KOI8_R.encode("Новости");
    bytes.extend_from_slice(&title);
    bytes.extend_from_slice(b"</title><guid>1</guid></item></channel></rss>");
    let parsed = parse(&bytes).expect("parses");
    assert_eq!(parsed.items[0].as_ref().expect("item").title, "Новости");
}

#[test]
fn utf16_without_bom_is_read() {
    let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">\
        <title>Ω</title><entry><id>e1</id><title>Élan</title></entry></feed>";
    let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let parsed = parse(&bytes).expect("parses");
    assert_eq!(parsed.items[0].as_ref().expect("entry").title, "Élan");
}

#[test]
fn entity_bombs_are_refused_at_once() {
    let bomb = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>
<rss version="2.0"><channel><title>&lol2;</title></channel></rss>"#;
    let error = parse(bomb.as_bytes()).expect_err("refused");
    assert!(error.contains("<!ENTITY>"), "{error}");
}

#[test]
fn json_feed_and_garbage() {
    let json = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "J",
        "items": [{"id": "1", "content_html": "<p>Bonjour</p>", "title": "Salut",
                   "date_published": "2024-01-02T03:04:05Z"}]}"#;
    let parsed = parse(json.as_bytes()).expect("parses");
    let item = parsed.items[0].as_ref().expect("item");
    assert_eq!(
        (item.title.as_str(), item.paragraphs[0].as_str()),
        ("Salut", "Bonjour")
    );
    for garbage in ["", "<html><body>no</body></html>", "<rss><channel><item>"] {
        let error = parse(garbage.as_bytes()).expect_err(garbage);
        assert!(!error.contains('\n'), "{error}");
    }
}

#[test]
fn rss_without_or_with_odd_version_is_read() {
    for root in [
        "<rss>",
        "<rss version=\"2.01\">",
        "<!-- <rss> --><rss\nversion='0.94' x='1'>",
    ] {
        let text =
            format!("{root}<channel><title>T</title><item><title>A</title></item></channel></rss>");
        let parsed = parse(text.as_bytes()).unwrap_or_else(|e| panic!("{root}: {e}"));
        assert_eq!(parsed.items.len(), 1, "{root}");
    }
}
