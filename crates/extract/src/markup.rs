//! Markup stripping: HTML (tokenised by html5gum, which decodes entities) and
//! Markdown (parsed by pulldown-cmark) become plain text with one block per line
//! and a blank line between paragraphs, ready for [`super::sentences`]. What the
//! page says of itself outside the body (meta tags, JSON-LD, front matter) comes
//! back as header lines the body lacks ([`crate::pagemeta`]).

use std::path::Path;

use html5gum::{Token, Tokenizer};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::meta::dates::parse_dates;
use crate::pagemeta::{iso_day, PageMeta};
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

/// HTML as plain text: the text of its main `<article>` (the longest, when it holds
/// enough text to be the piece rather than a teaser) or else of the whole body, under
/// its headline, with the header lines its metadata gives.
fn html_to_plain(html: &str) -> String {
    let mut page = HtmlText::default();
    let mut emitter = html5gum::emitters::default::DefaultEmitter::default();
    emitter.naively_switch_states(true);
    for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
        match token {
            Token::StartTag(tag) => page.start_tag(&tag),
            Token::EndTag(tag) => page.end_tag(&String::from_utf8_lossy(&tag.name)),
            Token::String(s) => page.text(&String::from_utf8_lossy(&s.value)),
            _ => {}
        }
    }
    page.finish()
}

/// An `<article>` must hold this many characters of text to be taken as the piece.
const ARTICLE_MIN_CHARS: usize = 500;

/// At most this much text between a headline and the article below it is the
/// article's header (standfirst, byline, date) rather than page furniture.
const LEAD_IN_MAX_CHARS: usize = 400;

/// The state of reading one HTML page.
#[derive(Default)]
struct HtmlText {
    out: String,
    skip: usize,
    pre: usize,
    title: String,
    in_title: bool,
    /// The text of the first `<h1>`, where it starts in `out`, and whether it is being read.
    h1: Option<String>,
    h1_start: usize,
    in_h1: bool,
    meta: PageMeta,
    json_ld: Option<String>,
    /// Open `<article>` elements, and where in `out` the outermost began.
    article_depth: usize,
    article_start: usize,
    /// Where each outermost `<article>` lies in `out`.
    articles: Vec<std::ops::Range<usize>>,
    /// Each `<time>` element's day (its `datetime`, `YYYY-MM-DD...`) and where in
    /// `out` it stood: the page's date when its metadata gives none.
    times: Vec<(usize, String)>,
}

impl HtmlText {
    fn start_tag(&mut self, tag: &html5gum::StartTag<()>) {
        let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
        let attr = |k: &[u8]| {
            tag.attributes
                .get(k)
                .map(|v| String::from_utf8_lossy(v).into_owned())
        };
        match name.as_str() {
            "title" => {
                self.in_title = true;
                return;
            }
            "meta" => {
                let key: Option<String> = attr(b"property")
                    .or_else(|| attr(b"name"))
                    .or_else(|| attr(b"itemprop"));
                if let (Some(key), Some(content)) = (key, attr(b"content")) {
                    self.meta.meta_tag(&key, &content);
                }
                return;
            }
            "script"
                if attr(b"type").is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) =>
            {
                self.json_ld = Some(String::new());
            }
            _ => {}
        }
        if SKIP_TAGS.contains(&name.as_str()) && !tag.self_closing {
            self.skip += 1;
            return;
        }
        match name.as_str() {
            "h1" if self.h1.is_none() && self.skip == 0 => {
                self.h1 = Some(String::new());
                self.h1_start = self.out.len();
                self.in_h1 = true;
            }
            "pre" => self.pre += 1,
            "time" if self.skip == 0 => {
                if let Some(day) = attr(b"datetime").and_then(|d| iso_day(&d)) {
                    self.times.push((self.out.len(), day));
                }
            }
            "article" => {
                if self.article_depth == 0 {
                    self.article_start = self.out.len();
                }
                self.article_depth += 1;
            }
            _ => {}
        }
        if name == "br" {
            self.out.push('\n');
        } else if name == "li" {
            self.out.push_str("\n• ");
        } else if name == "td" || name == "th" {
            self.out.push(' ');
        } else if BLOCK_TAGS.contains(&name.as_str()) {
            self.out.push_str("\n\n");
        }
    }

    fn end_tag(&mut self, name: &str) {
        let name = name.to_ascii_lowercase();
        match name.as_str() {
            "title" => {
                self.in_title = false;
                return;
            }
            "script" => {
                if let Some(j) = self.json_ld.take() {
                    self.meta.json_ld(&j);
                }
            }
            "h1" => self.in_h1 = false,
            "pre" => self.pre = self.pre.saturating_sub(1),
            "article" if self.article_depth > 0 => {
                self.article_depth -= 1;
                if self.article_depth == 0 {
                    self.articles.push(self.article_start..self.out.len());
                }
            }
            _ => {}
        }
        if SKIP_TAGS.contains(&name.as_str()) {
            self.skip = self.skip.saturating_sub(1);
            return;
        }
        if BLOCK_TAGS.contains(&name.as_str()) || name == "li" {
            self.out.push_str("\n\n");
        }
    }

    fn text(&mut self, s: &str) {
        if self.in_title {
            self.title.push_str(s);
            return;
        }
        if let Some(j) = self.json_ld.as_mut() {
            j.push_str(s);
            return;
        }
        if self.skip > 0 {
            return;
        }
        if self.in_h1 {
            if let Some(h) = self.h1.as_mut() {
                h.push_str(s);
            }
        }
        if self.pre > 0 {
            self.out.push_str(s);
            return;
        }
        // HTML collapses whitespace.
        let mut space = self.out.ends_with(char::is_whitespace);
        for c in s.chars() {
            if c.is_whitespace() && c != '\u{a0}' {
                if !space {
                    self.out.push(' ');
                }
                space = true;
            } else {
                self.out.push(c);
                space = false;
            }
        }
    }

    /// The plain text: the main article's or the whole body's, under its headline.
    fn finish(self) -> String {
        let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let h1 = self.h1.as_deref().map(words).filter(|h| !h.is_empty());
        let chars = |t: &str| t.split_whitespace().map(str::len).sum::<usize>();
        let main = self
            .articles
            .iter()
            .map(|r| (chars(&self.out[r.clone()]), r))
            .max_by_key(|&(n, _)| n)
            .filter(|&(n, _)| n >= ARTICLE_MIN_CHARS)
            .map(|(_, r)| r);
        // With the article, its lead-in: from a headline above it, the short header
        // between (standfirst, byline, date).
        let main = main.map(|r| {
            let lead = self.h1.is_some()
                && self.h1_start < r.start
                && chars(&self.out[self.h1_start..r.start]) <= LEAD_IN_MAX_CHARS;
            (if lead { self.h1_start } else { r.start })..r.end
        });
        let mut meta = self.meta;
        if meta.published.is_none() {
            meta.published = first_time(&self.times, main.clone());
        }
        let main = main.map(|r| &self.out[r]);
        let body = tidy(main.unwrap_or(&self.out));
        // The headline: the page's first <h1>, else its metadata's, else <title>.
        let title = h1
            .clone()
            .or_else(|| meta.title.clone())
            .unwrap_or_else(|| words(&self.title));
        let opens_with_title = body.lines().next().map(str::trim) == Some(title.as_str());
        let needs_title = if main.is_some() {
            !opens_with_title
        } else {
            h1.is_none()
        };
        let body = if needs_title && !title.is_empty() {
            format!("{title}\n\n{body}")
        } else {
            body
        };
        with_header(&meta, body)
    }
}

/// The page's date from its `<time>` elements: the first in the main article (or its
/// lead-in), else, with no main article, the first of the page. A `<time>` names the
/// day a blog post or a news page was published ("3 days ago" on the page, the day in
/// its `datetime`); one further down an article (a comment's, an event's) is not
/// taken, as the first of its article comes before it.
fn first_time(times: &[(usize, String)], main: Option<std::ops::Range<usize>>) -> Option<String> {
    times
        .iter()
        .find(|(at, _)| main.as_ref().is_none_or(|r| r.contains(at) || *at == r.end))
        .map(|(_, day)| day.clone())
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
    fn the_main_article_is_the_piece_and_page_furniture_is_left_out() {
        let para =
            "Councils in the North East say the fund has been too small for the job. ".repeat(10);
        let html = format!(
            "<html><body><header><h1>Towns wait for the money</h1><p>By Ann Leeward</p></header>\
             <article><p>{para}</p><p>The mayor said it must change.</p></article>\
             <aside><article><p>Related: ten best beaches</p></article></aside>\
             <footer><p>Cookie policy. Sign up to our newsletter.</p></footer></body></html>"
        );
        let t = to_plain(&html, Format::Html);
        assert!(
            t.starts_with("Towns wait for the money\n\nBy Ann Leeward\n\n"),
            "{t}"
        );
        assert!(t.contains("The mayor said it must change."), "{t}");
        for furniture in ["Cookie policy", "ten best beaches"] {
            assert!(!t.contains(furniture), "{t}");
        }
        // A teaser-sized article is not the piece: the whole body is kept.
        let short = "<html><body><h1>Short</h1><article><p>A teaser.</p></article><p>The body goes on here.</p></body></html>";
        let t = to_plain(short, Format::Html);
        assert!(t.contains("The body goes on here."), "{t}");
    }

    #[test]
    fn a_page_dated_only_by_its_time_element_had_no_date() {
        let para = "Councils say the fund has been too small for the job. ".repeat(12);
        // A news page shows its age ("3 days ago"); the day is in the `<time>` element.
        // A later `<time>` (a comment's) and one outside the article are not the date.
        let html = format!(
            "<html><body><header><time datetime='2019-01-01'>Today</time></header>\
             <h1>Towns wait for the money</h1>\
             <div><time datetime='2025-03-12T06:01:22.000Z'>3 days ago</time></div>\
             <article><p>{para}</p><p>Posted <time datetime='2025-04-01'>1 April</time></p></article></body></html>"
        );
        let t = to_plain(&html, Format::Html);
        assert!(
            t.starts_with("Towns wait for the money\n\nPublished 12 March 2025\n\n3 days ago"),
            "{t}"
        );
        // The metadata's date wins over the element's.
        let meta = html.replace(
            "<html>",
            "<html><head><meta property='article:published_time' content='2025-03-11'></head>",
        );
        assert!(to_plain(&meta, Format::Html).contains("Published 11 March 2025"));
        // A `datetime` that is not a day is not a date: the article's next one is taken,
        // and the page's own header's never is.
        let bad = html.replace("2025-03-12T06:01:22.000Z", "soon");
        assert!(to_plain(&bad, Format::Html).contains("Published 1 April 2025"));
        let none = bad.replace("2025-04-01", "later");
        assert!(!to_plain(&none, Format::Html).contains("Published"));
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
