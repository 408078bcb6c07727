//! The key of a feed item that has no guid of its own, one rule for kiosk's fetches and for
//! newsboat's caches, so that neither an edited item nor a move from newsboat stores it twice.
//! Pure: strings in, a key out.

/// The key of an item without a guid: its link, else its title and date.
///
/// feed-rs would invent a hash of the link and title (a new id when the title is edited) or a
/// random UUID (a new id on every fetch); newsboat invents the link, the link and the feed's raw
/// date, or the title. Keyed by what stays the same, a refetch and a newsboat import agree.
pub fn guidless(url: Option<&str>, title: &str, published: Option<&str>) -> Option<String> {
    if let Some(url) = url.map(str::trim).filter(|url| !url.is_empty()) {
        return Some(url.to_string());
    }
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    if title.is_empty() {
        return None;
    }
    Some(match published {
        Some(date) => format!("{title} · {date}"),
        None => title,
    })
}

/// The key of a newsboat item: its guid, unless newsboat invented it from the item (the link,
/// the link followed by a date, or the title when there is no link), when it is [`guidless`]'s.
pub fn newsboat(
    guid: Option<&str>,
    url: Option<&str>,
    title: &str,
    published: Option<&str>,
) -> Option<String> {
    let guid = guid.filter(|guid| !guid.is_empty())?;
    let url = url.map(str::trim).filter(|url| !url.is_empty());
    let invented = match url {
        Some(url) => guid
            .strip_prefix(url)
            .is_some_and(|rest| rest.is_empty() || super::date::parse_date(rest.trim()).is_some()),
        None => guid.split_whitespace().eq(title.split_whitespace()),
    };
    if invented {
        guidless(url, title, published)
    } else {
        Some(guid.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_link_keys_an_item_else_its_title_and_date() {
        let url = Some("https://a.test/1");
        assert_eq!(guidless(url, "Niger", None).as_deref(), url);
        assert_eq!(
            guidless(None, " Niger :  l'attente ", Some("2024-03-28T10:00:00Z")).as_deref(),
            Some("Niger : l'attente · 2024-03-28T10:00:00Z")
        );
        assert_eq!(guidless(Some(" "), "Niger", None).as_deref(), Some("Niger"));
        assert_eq!(guidless(None, "  ", None), None);
    }

    #[test]
    fn newsboats_invented_guids_become_the_same_key() {
        let (url, date) = (Some("https://a.test/1"), Some("2024-03-28T10:00:00Z"));
        let key = guidless(url, "Niger", date);
        assert_eq!(newsboat(Some("https://a.test/1"), url, "Niger", date), key);
        let link_and_date = "https://a.test/1Thu, 28 Mar 2024 10:00:00 GMT";
        assert_eq!(newsboat(Some(link_and_date), url, "Niger", date), key);
        let no_link = guidless(None, "Niger", date);
        assert_eq!(newsboat(Some("Niger"), None, "Niger", date), no_link);
    }

    #[test]
    fn real_guids_stay() {
        let url = Some("https://a.test/1");
        assert_eq!(
            newsboat(Some("tag:a.test,2024:1"), url, "Niger", None).as_deref(),
            Some("tag:a.test,2024:1")
        );
        // A guid that starts with the link but goes on with something else than a date.
        assert_eq!(
            newsboat(Some("https://a.test/12"), url, "Niger", None).as_deref(),
            Some("https://a.test/12")
        );
        assert_eq!(
            newsboat(Some("a1"), None, "Niger", None).as_deref(),
            Some("a1")
        );
        assert_eq!(newsboat(None, url, "Niger", None), None);
    }
}
