//! Flow tests of links and browsers: the link list (`L`), Enter and the digits opening the
//! numbered link, `o` opening the article's URL, refused links, and a text browser handed to
//! the run loop to take the terminal.

#[path = "support/fixtures.rs"]
mod fixtures;

use fixtures::{Harness, article, import};
use kiosk::app::{Focus, Overlay};
use kiosk::config::{BrowserMode, Config};
use kiosk::runtime::{self, Browser, Desktop};
use kiosk::store::Store;

const ORIGINAL: &str = r#"<p>The junta met <a href="/afrique/niger">Niger's</a> neighbours at
    <a href="https://ecowas.int/summit?a=1&amp;b=2">the summit</a>. <a href="javascript:alert(1)">Click</a>
    or <a href="file:///etc/passwd">this</a>.</p>"#;

/// One article whose original HTML holds two web links and two that must not be opened.
fn linked_store(width: u16, height: u16) -> Harness {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("kiosk.db");
    let linked = kiosk::article::NewArticle {
        original: ORIGINAL.into(),
        url: Some("https://rfi.fr/afrique/story".into()),
        body: "The junta met Niger's neighbours. Data: https://acled.org/niger.".into(),
        ..article(1)
    };
    import(&path, &[linked]);
    Harness::open(dir, path, width, height)
}

fn calls(h: &Harness) -> Vec<String> {
    h.system.0.borrow().clone()
}

#[test]
fn l_lists_the_links_and_enter_opens_the_selected_one() {
    let mut h = linked_store(120, 30);
    h.press("<enter>");
    assert_eq!(h.state.focus, Focus::Reader);
    assert_eq!(
        h.state.reader.links,
        [
            "https://rfi.fr/afrique/niger",
            "https://ecowas.int/summit?a=1&b=2",
            "javascript:alert(1)",
            "file:///etc/passwd",
            "https://acled.org/niger",
        ]
    );
    h.press("L");
    assert_eq!(h.state.overlay, Some(Overlay::Links { selected: 0 }));
    h.press("j j k <enter>");
    assert_eq!(calls(&h), ["open https://ecowas.int/summit?a=1&b=2"]);
    assert_eq!(h.state.overlay, None, "opening a link closes the list");
    h.press("L G q");
    assert_eq!(h.state.overlay, None, "q closes the list");
    assert_eq!(h.state.focus, Focus::Reader, "and stays in the reader");
}

#[test]
fn digits_open_the_numbered_link_in_the_reader_and_in_the_list() {
    let mut h = linked_store(120, 30);
    h.press("<enter> 1 L 5");
    assert_eq!(
        calls(&h),
        [
            "open https://rfi.fr/afrique/niger",
            "open https://acled.org/niger"
        ]
    );
    h.press("9");
    let status = h.state.status.clone().expect("a sentence");
    assert_eq!(status.text, "this article has 5 links: there is no link 9");
    assert_eq!(calls(&h).len(), 2);
}

#[test]
fn o_opens_the_article_url_from_the_reader() {
    let mut h = linked_store(120, 30);
    h.press("<enter> o");
    assert_eq!(calls(&h), ["open https://rfi.fr/afrique/story"]);
}

#[test]
fn links_that_are_not_http_are_refused_with_a_sentence() {
    let mut h = linked_store(120, 30);
    h.press("<enter> 3");
    let status = h.state.status.clone().expect("a sentence");
    assert!(status.is_error);
    assert_eq!(
        status.text,
        "only http(s) links are opened; link 3 is javascript:alert(1)"
    );
    h.press("L j j j <enter>");
    assert!(calls(&h).is_empty(), "{:?}", calls(&h));
    let status = h.state.status.clone().expect("a sentence");
    assert_eq!(
        status.text,
        "only http(s) links are opened; link 4 is file:///etc/passwd"
    );
}

#[test]
fn a_text_browser_is_handed_to_the_run_loop_with_the_url_as_its_argument() {
    let h = linked_store(120, 30);
    let store = Store::open(&h.path).expect("open store");
    let desktop = Desktop {
        browser: Browser::new("w3m -T text/html %u", BrowserMode::Terminal),
    };
    let config = Config::default();
    let (mut state, mut env) = runtime::start(
        Box::new(store),
        Box::new(desktop),
        &config,
        (120, 30),
        false,
        None,
    )
    .expect("start");
    for key in kiosk::keymap::parse_keys("<enter> 2").expect("keys") {
        runtime::step(&mut state, &mut env, &key.event());
    }
    let command = env.take_foreground().expect("w3m waits for the terminal");
    assert_eq!(command.get_program(), "w3m");
    let args: Vec<_> = command.get_args().collect();
    assert_eq!(
        args,
        ["-T", "text/html", "https://ecowas.int/summit?a=1&b=2"]
    );
    assert!(env.take_foreground().is_none(), "taken once");
}
