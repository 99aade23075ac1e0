//! The page as one HTML document: the style sheet, the vendored Cytoscape.js, the
//! page's own script, and the data in a `<script type="application/json">`, escaped so
//! that no text of the corpus can close the element or inject markup.

use crate::data::PageData;
use crate::ExploreError;

/// The page skeleton; `@@NAME@@` marks where each part goes.
const TEMPLATE: &str = include_str!("../assets/explore.html");
/// The page's style sheet.
const CSS: &str = include_str!("../assets/explore.css");
/// The page's own script.
const SCRIPT: &str = include_str!("../assets/explore.js");
/// Cytoscape.js, vendored from the npm registry (see `vendor/README.md`).
const CYTOSCAPE: &str = include_str!("../vendor/cytoscape.min.js");

/// JSON made safe inside a `<script>` element: `<`, `>` and `&` (so nothing can close
/// the element or open a comment), and U+2028 / U+2029 (line terminators to older
/// JavaScript parsers) are written as `\uXXXX` escapes. These characters only occur
/// inside JSON strings, where the escape means the same character.
pub(crate) fn script_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + json.len() / 50);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// Text for HTML element content or a quoted attribute.
pub(crate) fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The whole document.
pub(crate) fn document(data: &PageData) -> Result<String, ExploreError> {
    let json = script_json(&serde_json::to_string(data)?);
    let title = escape_text(data.title());
    let mut out = String::with_capacity(
        TEMPLATE.len() + CSS.len() + SCRIPT.len() + CYTOSCAPE.len() + json.len(),
    );
    // Split on the markers once, so that no part is searched for another's marker.
    let mut rest = TEMPLATE;
    while let Some(start) = rest.find("@@") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find("@@") else {
            out.push_str(&rest[start..]);
            rest = "";
            break;
        };
        match &after[..end] {
            "TITLE" => out.push_str(&title),
            "CSS" => out.push_str(CSS),
            "CYTOSCAPE" => out.push_str(CYTOSCAPE),
            "SCRIPT" => out.push_str(SCRIPT),
            "DATA" => out.push_str(&json),
            other => {
                out.push_str("@@");
                out.push_str(other);
                out.push_str("@@");
            }
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_json_cannot_close_the_element_and_reads_back_the_same() {
        let hostile = "</script><script>alert(1)</script><!-- & \u{2028}\u{2029} -->";
        let json = serde_json::to_string(&hostile).unwrap();
        let safe = script_json(&json);
        for bad in ["<", ">", "&", "\u{2028}", "\u{2029}"] {
            assert!(!safe.contains(bad), "{bad:?} left in {safe}");
        }
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, hostile);
    }

    #[test]
    fn vendored_and_own_scripts_cannot_end_their_element_early() {
        for (name, s) in [
            ("cytoscape", CYTOSCAPE),
            ("explore.js", SCRIPT),
            ("explore.css", CSS),
        ] {
            let lower = s.to_ascii_lowercase();
            assert!(!lower.contains("</script"), "{name} contains </script");
            assert!(!lower.contains("</style"), "{name} contains </style");
            assert!(!lower.contains("<!--"), "{name} contains <!--");
        }
    }

    #[test]
    fn the_page_fetches_nothing() {
        // No URL the browser would load: scripts and styles are inline, the
        // Content-Security-Policy forbids every fetch.
        let lower = format!("{TEMPLATE}{CSS}{SCRIPT}").to_ascii_lowercase();
        for bad in [
            "src=\"http",
            "href=\"http",
            "@import",
            "url(http",
            "fetch(",
            "xmlhttprequest",
        ] {
            assert!(!lower.contains(bad), "{bad}");
        }
        assert!(TEMPLATE.contains("default-src 'none'"));
    }

    #[test]
    fn titles_are_escaped() {
        assert_eq!(
            escape_text("<b>\"x\" & 'y'"),
            "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;"
        );
    }
}
