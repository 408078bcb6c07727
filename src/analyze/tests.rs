//! Unit tests of the whole analyser on sentences written for them, in several languages.

use super::*;

fn about(a: &Analysis) -> Vec<&str> {
    a.countries
        .iter()
        .filter(|c| c.about)
        .map(|c| c.code.as_str())
        .collect()
}

#[test]
fn smoke() {
    let a = analyze(
        "Niger\n\nLe général Tiani a reçu l'ambassadeur à Niamey.",
        5,
        Some("fr"),
    );
    assert_eq!(about(&a)[0], "NE");
}
