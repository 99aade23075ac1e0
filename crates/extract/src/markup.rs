//! Markup stripping: HTML (tokenised by html5gum, which decodes entities) and
//! Markdown (parsed by pulldown-cmark) become plain text with one block per line
//! and a blank line between paragraphs, ready for [`super::sentences`]. What the
//! page says of itself outside the body (meta tags, JSON-LD, front matter) comes
//! back as header lines the body lacks ([`crate::pagemeta`]).

use std::path::Path;

use html5gum::{Token, Tokenizer};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::meta::dates::parse_dates;
use crate::pagemeta::PageMeta;
use levelmap_model::date::PartialDate;

/// The format of an input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text, used as is.
    Plain,
    /// Markdown.
    Markdown,
    /// HTML.
    Html,
}

impl Format {
    /// The format named by a file's extension, if it names one.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
        match ext.as_str() {
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "md" | "markdown" | "mdown" | "mkd" => Some(Format::Markdown),
            "txt" | "text" => Some(Format::Plain),
            _ => None,
        }
    }

    /// Guess the format from the text: HTML if it opens with a doctype or an `<html>`,
    /// `<head>` or `<body>` tag; otherwise plain text.
    pub fn sniff(text: &str) -> Format {
        let head: String = text
            .trim_start()
            .chars()
            .take(200)
            .collect::<String>()
            .to_ascii_lowercase();
        if head.starts_with("<!doctype html")
            || head.starts_with("<html")
            || head.starts_with("<head")
            || head.starts_with("<body")
        {
            Format::Html
        } else {
            Format::Plain
        }
    }
}

/// The text of a document in `format`, with markup stripped.
pub fn to_plain(text: &str, format: Format) -> String {
    match format {
        Format::Plain => text.to_string(),
        Format::Markdown => markdown_to_plain(text),
        Format::Html => html_to_plain(text),
    }
}

/// Tidy extracted text: trim each line, at most one blank line in a row.
fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = 0;
    for line in s.lines() {
        let t = line.trim();
        if t.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(t);
    }
    out.push('\n');
    out
}

const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "head", "nav", "iframe", "object", "button",
    "select", "form",
];
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "blockquote",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "table",
    "tr",
    "dl",
    "dt",
    "dd",
    "figure",
    "figcaption",
    "hr",
    "address",
    "details",
    "summary",
];

fn html_to_plain(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut skip: usize = 0;
    let mut pre = 0usize;
    let mut title = String::new();
    let mut in_title = false;
    let mut saw_h1 = false;
    let mut meta = PageMeta::default();
    let mut json_ld: Option<String> = None;
    let mut emitter = html5gum::emitters::default::DefaultEmitter::default();
    emitter.naively_switch_states(true);
    for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if name == "title" {
                    in_title = true;
                    continue;
                }
                let attr = |k: &[u8]| {
                    tag.attributes
                        .get(k)
                        .map(|v| String::from_utf8_lossy(v).into_owned())
                };
                if name == "meta" {
                    if let (Some(key), Some(content)) = (
                        attr(b"property")
                            .or_else(|| attr(b"name"))
                            .or_else(|| attr(b"itemprop")),
                        attr(b"content"),
                    ) {
                        meta.meta_tag(&key, &content);
                    }
                    continue;
                }
                if name == "script"
                    && attr(b"type").is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"))
                {
                    json_ld = Some(String::new());
                }
                if SKIP_TAGS.contains(&name.as_str()) && !tag.self_closing {
                    skip += 1;
                    continue;
                }
                if name == "h1" {
                    saw_h1 = true;
                }
                if name == "pre" {
                    pre += 1;
                }
                if name == "br" {
                    out.push('\n');
                } else if name == "li" {
                    out.push_str("\n• ");
                } else if name == "td" || name == "th" {
                    out.push(' ');
                } else if BLOCK_TAGS.contains(&name.as_str()) {
                    out.push_str("\n\n");
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if name == "title" {
                    in_title = false;
                    continue;
                }
                if name == "script" {
                    if let Some(j) = json_ld.take() {
                        meta.json_ld(&j);
                    }
                }
                if SKIP_TAGS.contains(&name.as_str()) {
                    skip = skip.saturating_sub(1);
                    continue;
                }
                if name == "pre" {
                    pre = pre.saturating_sub(1);
                }
                if BLOCK_TAGS.contains(&name.as_str()) || name == "li" {
                    out.push_str("\n\n");
                }
            }
            Token::String(s) => {
                let s = String::from_utf8_lossy(&s.value);
                if in_title {
                    title.push_str(&s);
                } else if let Some(j) = json_ld.as_mut() {
                    j.push_str(&s);
                } else if skip == 0 {
                    if pre > 0 {
                        out.push_str(&s);
                    } else {
                        // HTML collapses whitespace.
                        let mut space = out.ends_with(char::is_whitespace);
                        for c in s.chars() {
                            if c.is_whitespace() && c != '\u{a0}' {
                                if !space {
                                    out.push(' ');
                                }
                                space = true;
                            } else {
                                out.push(c);
                                space = false;
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let body = tidy(&out);
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let title = meta.title.clone().unwrap_or(title);
    let body = if !saw_h1 && !title.is_empty() {
        format!("{title}\n\n{body}")
    } else {
        body
    };
    with_header(&meta, body)
}

/// The text with the header lines the page's metadata gives and the body lacks,
/// after its first (title) line.
fn with_header(meta: &PageMeta, text: String) -> String {
    let day = meta
        .published
        .as_deref()
        .and_then(|d| PartialDate::parse(d).ok());
    let stated = |head: &str| {
        day.as_ref()
            .is_some_and(|d| parse_dates(head).iter().any(|(x, _, _)| x == d))
    };
    let lines = meta.header_lines(&text, stated);
    if lines.is_empty() {
        return text;
    }
    let (first, rest) = text.split_once('\n').unwrap_or((text.as_str(), ""));
    format!(
        "{first}\n\n{}\n\n{}",
        lines.join("\n"),
        rest.trim_start_matches('\n')
    )
}

/// Markdown as plain text: its front matter read as the page's metadata (the title
/// line first if the body does not open with it), then the body.
fn markdown_to_plain(md: &str) -> String {
    let (meta, body) = PageMeta::front_matter(md);
    let text = markdown_body(body);
    let text = match meta.title.as_deref() {
        Some(t) if text.lines().next().map(str::trim) != Some(t) => format!("{t}\n\n{text}"),
        _ => text,
    };
    with_header(&meta, text)
}

fn markdown_body(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    let mut image = 0usize;
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_SMART_PUNCTUATION;
    for ev in Parser::new_ext(md, opts) {
        match ev {
            Event::Start(Tag::Image { .. }) => image += 1,
            Event::End(TagEnd::Image) => image = image.saturating_sub(1),
            _ if image > 0 => {}
            Event::Start(Tag::Item) => out.push_str("\n• "),
            Event::Start(
                Tag::Heading { .. }
                | Tag::Paragraph
                | Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::Table(_),
            ) => out.push_str("\n\n"),
            Event::End(
                TagEnd::Heading(_)
                | TagEnd::Paragraph
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::Table,
            ) => out.push_str("\n\n"),
            Event::End(TagEnd::TableRow | TagEnd::TableHead | TagEnd::Item) => out.push('\n'),
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::Html(h) | Event::InlineHtml(h) => out.push_str(&strip_tags(&h)),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::Rule => out.push_str("\n\n"),
            _ => {}
        }
    }
    tidy(&out)
}

/// Remove `<...>` tags from a fragment of inline HTML.
fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '<' => depth += 1,
            '>' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_loses_tags_scripts_and_entities() {
        let html = "<!DOCTYPE html><html><head><title>T | Site</title><script>var x = '<p>';</script></head>\
            <body><nav>Home Menu</nav><h1>Labour &amp; the regions</h1><p>Posted on 8 July 2024 by\n  <a href='#'>Bob Beta</a></p>\
            <ul><li>One</li><li>Two &lsquo;quoted&rsquo;</li></ul><p>It&#39;s &lt;fine&gt;.</p></body></html>";
        let t = to_plain(html, Format::Html);
        assert_eq!(t, "Labour & the regions\n\nPosted on 8 July 2024 by Bob Beta\n\n• One\n\n• Two ‘quoted’\n\nIt's <fine>.\n");
    }

    #[test]
    fn markdown_keeps_link_text_and_drops_urls() {
        let md = "# Some Priorities\n\nSince the 2019 election, '[levelling up](#)' has been a theme.\n\n- the role of *infrastructure*\n- data\n\n![chart](x.png)\n";
        let t = to_plain(md, Format::Markdown);
        assert_eq!(t, "Some Priorities\n\nSince the 2019 election, ‘levelling up’ has been a theme.\n\n• the role of infrastructure\n\n• data\n");
    }

    #[test]
    fn formats_from_paths_and_sniffing() {
        assert_eq!(Format::from_path(Path::new("a/b.HTML")), Some(Format::Html));
        assert_eq!(
            Format::from_path(Path::new("a/b.md")),
            Some(Format::Markdown)
        );
        assert_eq!(Format::from_path(Path::new("a/b")), None);
        assert_eq!(Format::sniff("  <!doctype html><p>x"), Format::Html);
        assert_eq!(Format::sniff("Plain <b> text"), Format::Plain);
    }
}
