//! A small SVG writer shared by every drawing: elements with escaped attributes and
//! text, so that labels can never inject markup.

use std::fmt::Write as _;

/// Escape text for XML content and attribute values.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Characters XML 1.0 forbids are dropped; tabs and newlines are kept.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Build an SVG document in memory.
#[derive(Debug, Default)]
pub(crate) struct SvgWriter {
    buf: String,
    depth: usize,
}

/// Format a coordinate compactly and deterministically (two decimals, no "-0").
pub(crate) fn num(v: f64) -> String {
    let r = (v * 100.0).round() / 100.0;
    let r = if r == 0.0 { 0.0 } else { r };
    let s = format!("{r:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

impl SvgWriter {
    /// Start a document of the given size, with a CSS style sheet.
    pub(crate) fn new(width: f64, height: f64, css: &str) -> Self {
        let mut w = SvgWriter::default();
        w.buf
            .push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        let _ = writeln!(
            w.buf,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" font-family=\"Helvetica, Arial, sans-serif\">",
            num(width),
            num(height),
            num(width),
            num(height)
        );
        w.depth = 1;
        if !css.is_empty() {
            w.line(&format!("<style>{}</style>", escape_css(css)));
        }
        w
    }

    fn line(&mut self, s: &str) {
        for _ in 0..self.depth {
            self.buf.push_str("  ");
        }
        self.buf.push_str(s);
        self.buf.push('\n');
    }

    fn attrs(attrs: &[(&str, &str)]) -> String {
        let mut s = String::new();
        for (k, v) in attrs {
            let _ = write!(s, " {k}=\"{}\"", escape(v));
        }
        s
    }

    /// Open an element: `<tag a="v">`.
    pub(crate) fn open(&mut self, tag: &str, attrs: &[(&str, &str)]) {
        let a = Self::attrs(attrs);
        self.line(&format!("<{tag}{a}>"));
        self.depth += 1;
    }

    /// Close an element.
    pub(crate) fn close(&mut self, tag: &str) {
        self.depth = self.depth.saturating_sub(1);
        self.line(&format!("</{tag}>"));
    }

    /// An empty element: `<tag a="v"/>`.
    pub(crate) fn empty(&mut self, tag: &str, attrs: &[(&str, &str)]) {
        let a = Self::attrs(attrs);
        self.line(&format!("<{tag}{a}/>"));
    }

    /// An element holding escaped text: `<tag a="v">text</tag>`.
    pub(crate) fn text(&mut self, tag: &str, attrs: &[(&str, &str)], text: &str) {
        let a = Self::attrs(attrs);
        self.line(&format!("<{tag}{a}>{}</{tag}>", escape(text)));
    }

    /// A `<title>` tooltip for the enclosing element.
    pub(crate) fn title(&mut self, tooltip: &str) {
        self.text("title", &[], tooltip);
    }

    /// Finish the document and return it.
    pub(crate) fn finish(mut self) -> String {
        while self.depth > 1 {
            self.close("g");
        }
        self.depth = 0;
        self.buf.push_str("</svg>\n");
        self.buf
    }
}

fn escape_css(css: &str) -> String {
    css.replace('<', "\\3C ").replace('&', "\\26 ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_control_characters() {
        assert_eq!(
            escape("a<b & \"c\" 'd'>\u{1}é"),
            "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;é"
        );
    }

    #[test]
    fn writes_nested_elements() {
        let mut w = SvgWriter::new(10.0, 20.0, ".a{fill:red}");
        w.open("g", &[("id", "n<1>"), ("class", "node")]);
        w.title("say \"hi\"");
        w.text("text", &[("x", "1")], "<script>");
        w.close("g");
        let s = w.finish();
        assert!(s.contains("<g id=\"n&lt;1&gt;\" class=\"node\">"));
        assert!(s.contains("<title>say &quot;hi&quot;</title>"));
        assert!(s.contains("&lt;script&gt;"));
        assert!(s.ends_with("</svg>\n"));
    }

    #[test]
    fn numbers_are_compact() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(2.345), "2.35");
    }
}
