//! A downloaded web page becomes the paragraphs of its story: dom_smoothie (a port of Firefox's
//! Readability) keeps the article and drops navigation, ads and comments; the feed importer's
//! HTML-to-text conversion then makes paragraphs of it. Pure: text in, paragraphs out.

/// The story of the page at `url` (for resolving its relative links), as paragraphs; the page's
/// headline is left out when it opens the story, since the article's title shows it. Errors are
/// one sentence.
pub fn story_paragraphs(html: &str, url: &str, title: &str) -> Result<Vec<String>, String> {
    let mut readability = dom_smoothie::Readability::new(html, Some(url), None)
        .map_err(|error| format!("cannot read the page: {error}"))?;
    let article = readability.parse().map_err(|error| match error {
        dom_smoothie::ReadabilityError::GrabFailed => "no story found on the page".to_string(),
        other => format!("cannot read the page: {other}"),
    })?;
    let mut paragraphs = super::feed::html_paragraphs(&article.content);
    let same = |a: &str, b: &str| {
        let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
        words(a).eq_ignore_ascii_case(&words(b))
    };
    if paragraphs
        .first()
        .is_some_and(|first| same(first, title) || same(first, &article.title))
    {
        paragraphs.remove(0);
    }
    if paragraphs
        .iter()
        .all(|paragraph| paragraph.trim().is_empty())
    {
        return Err("no story found on the page".to_string());
    }
    Ok(paragraphs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_story_stays_and_the_page_around_it_goes() {
        let page = "<html><head><title>Dam opens</title></head><body>\
            <nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a></nav>\
            <aside class='ad sponsored'>Buy shoes now, fifty percent off.</aside>\
            <article><h1>Dam opens</h1>\
            <p>The new dam on the Niger river opened on Monday near Niamey, officials said, after \
            four years of building that cost more than was planned at the start.</p>\
            <p>Farmers downstream hope for steadier water through the dry season, while fishermen \
            worry about the fish that used to swim up the river to spawn every year.</p>\
            <p>The government said the dam would also bring electricity to thousands of homes \
            that have none today, in the capital and in villages along the river.</p></article>\
            <section id='comments' class='comments'><p>First! Great article.</p></section>\
            <footer>Copyright the paper. All rights reserved.</footer></body></html>";
        let paragraphs =
            story_paragraphs(page, "http://paper.test/dam", "Dam opens").expect("a story");
        let text = paragraphs.join("\n\n");
        assert!(text.starts_with("The new dam on the Niger river"), "{text}");
        assert!(text.contains("electricity to thousands of homes"), "{text}");
        for noise in ["Buy shoes", "First!", "Copyright", "Sport"] {
            assert!(!text.contains(noise), "{noise} in {text}");
        }
    }

    #[test]
    fn a_page_without_a_story_is_one_sentence() {
        let error = story_paragraphs("<html><body></body></html>", "http://a.test/", "T")
            .expect_err("nothing to read");
        assert_eq!(error, "no story found on the page");
    }
}
