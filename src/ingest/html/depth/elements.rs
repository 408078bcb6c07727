//! The element classes of HTML's tree-building rules that the depth model needs, as html5ever
//! applies them (all names lower case).

/// Elements without content: never open.
pub fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "basefont"
            | "bgsound"
            | "br"
            | "col"
            | "embed"
            | "frame"
            | "hr"
            | "image"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Elements whose text html5ever reads raw, up to their end tag (outside SVG and MathML).
pub fn is_raw_text(name: &str) -> bool {
    matches!(name, "script" | "style")
}

/// html5ever reconstructs these after an end tag closes them in passing: they stay counted.
pub fn is_formatting(name: &str) -> bool {
    matches!(
        name,
        "a" | "b"
            | "big"
            | "code"
            | "em"
            | "font"
            | "i"
            | "nobr"
            | "s"
            | "small"
            | "strike"
            | "strong"
            | "tt"
            | "u"
    )
}

/// End tags that close the elements opened after theirs, when no scope boundary is between.
pub fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "applet"
            | "article"
            | "aside"
            | "blockquote"
            | "button"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "li"
            | "listing"
            | "main"
            | "marquee"
            | "menu"
            | "nav"
            | "object"
            | "ol"
            | "p"
            | "pre"
            | "search"
            | "section"
            | "select"
            | "summary"
            | "ul"
    )
}

/// Table parts: their end tags close what is inside them when a table is open below.
pub fn is_table_part(name: &str) -> bool {
    matches!(
        name,
        "caption" | "table" | "tbody" | "td" | "tfoot" | "th" | "thead" | "tr"
    )
}

/// What the default scope stops at (HTML's "has an element in scope").
pub fn is_scope_boundary(name: &str) -> bool {
    matches!(
        name,
        "annotation-xml"
            | "applet"
            | "caption"
            | "desc"
            | "foreignobject"
            | "html"
            | "marquee"
            | "mi"
            | "mn"
            | "mo"
            | "ms"
            | "mtext"
            | "object"
            | "table"
            | "td"
            | "template"
            | "th"
            | "title"
    )
}

/// HTML's "special" elements: an end tag of an ordinary element does not close past one.
pub fn is_special(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "applet"
            | "area"
            | "article"
            | "aside"
            | "base"
            | "basefont"
            | "bgsound"
            | "blockquote"
            | "body"
            | "br"
            | "button"
            | "caption"
            | "center"
            | "col"
            | "colgroup"
            | "dd"
            | "details"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "embed"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "frame"
            | "frameset"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "head"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "iframe"
            | "img"
            | "input"
            | "keygen"
            | "li"
            | "link"
            | "listing"
            | "main"
            | "marquee"
            | "menu"
            | "meta"
            | "nav"
            | "noembed"
            | "noframes"
            | "noscript"
            | "object"
            | "ol"
            | "p"
            | "param"
            | "plaintext"
            | "pre"
            | "script"
            | "search"
            | "section"
            | "select"
            | "source"
            | "style"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "template"
            | "textarea"
            | "tfoot"
            | "th"
            | "thead"
            | "title"
            | "tr"
            | "track"
            | "ul"
            | "wbr"
            | "xmp"
            | "mi"
            | "mo"
            | "mn"
            | "ms"
            | "mtext"
            | "annotation-xml"
            | "foreignobject"
            | "desc"
    )
}

/// Start tags that close an open `<p>` (in button scope), as html5ever does.
pub fn closes_p(name: &str) -> bool {
    name != "table"
        && (is_block(name) || matches!(name, "form" | "hr" | "xmp" | "plaintext"))
        && !matches!(name, "applet" | "marquee" | "object" | "button" | "select")
}
