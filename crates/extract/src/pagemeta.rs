//! What a page says about itself outside its body: HTML `<meta>` tags (Open Graph,
//! `article:*`, `author`, Dublin Core, `citation_*`), JSON-LD article records and
//! Markdown front matter give the title, the authors, the outlet and the publication
//! date. They are written back into the plain text as header lines ("By ...",
//! "Published 3 February 2024", "Publisher: ..."), so that what the extractor
//! reads from them stays a verbatim quote of the stored article.

use serde_json::Value;

/// The metadata of one page; the first value found for each field wins.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct PageMeta {
    /// The headline (`og:title`, JSON-LD `headline`, front matter `title`).
    pub(crate) title: Option<String>,
    /// The authors' names, in page order, without duplicates.
    pub(crate) authors: Vec<String>,
    /// The outlet (`og:site_name`, JSON-LD `publisher.name`).
    pub(crate) site: Option<String>,
    /// The publication day as `YYYY-MM-DD`.
    pub(crate) published: Option<String>,
}

impl PageMeta {
    /// Take one `<meta>` tag: its `name`, `property` or `itemprop` and its `content`.
    pub(crate) fn meta_tag(&mut self, key: &str, content: &str) {
        let content = content.split_whitespace().collect::<Vec<_>>().join(" ");
        if content.is_empty() {
            return;
        }
        match key.to_ascii_lowercase().as_str() {
            "og:title" | "twitter:title" | "citation_title" | "dc.title" => {
                set_once(&mut self.title, &content)
            }
            "og:site_name" | "application-name" | "citation_publisher" | "dc.publisher" => {
                set_once(&mut self.site, &content)
            }
            "author" | "article:author" | "byl" | "parsely-author" | "citation_author"
            | "dc.creator" | "sailthru.author" => self.add_authors(&content),
            "article:published_time"
            | "datepublished"
            | "date"
            | "pubdate"
            | "publish-date"
            | "publish_date"
            | "dc.date"
            | "dc.date.issued"
            | "citation_publication_date"
            | "citation_date"
            | "parsely-pub-date"
            | "sailthru.date" => {
                self.published = self.published.take().or_else(|| iso_day(&content))
            }
            _ => {}
        }
    }

    /// Take a JSON-LD block: the first article-like record's headline, date, authors
    /// and publisher, looking inside `@graph` and arrays. Text that is not JSON is
    /// ignored (pages carry broken blocks; the body is still read).
    pub(crate) fn json_ld(&mut self, text: &str) {
        let Ok(v) = serde_json::from_str::<Value>(text.trim()) else {
            return;
        };
        self.json_value(&v, 0);
    }

    fn json_value(&mut self, v: &Value, depth: usize) {
        if depth > 6 {
            return;
        }
        match v {
            Value::Array(items) => items.iter().for_each(|x| self.json_value(x, depth + 1)),
            Value::Object(map) => {
                if let Some(g) = map.get("@graph") {
                    self.json_value(g, depth + 1);
                }
                if !is_article_type(map.get("@type")) {
                    return;
                }
                if let Some(Value::String(h)) = map.get("headline") {
                    set_once(&mut self.title, h);
                }
                if let Some(Value::String(d)) = map.get("datePublished") {
                    if self.published.is_none() {
                        self.published = iso_day(d);
                    }
                }
                if let Some(a) = map.get("author") {
                    for name in json_names(a) {
                        self.add_authors(&name);
                    }
                }
                if let Some(p) = map.get("publisher") {
                    if let Some(name) = json_names(p).into_iter().next() {
                        set_once(&mut self.site, &name);
                    }
                }
            }
            _ => {}
        }
    }

    /// Add the authors a field names: one name, or several joined by commas, "and"
    /// or "&", with a leading "By"; URLs and the outlet's own name are not authors.
    fn add_authors(&mut self, field: &str) {
        let field = field.trim();
        let field = field
            .strip_prefix("By ")
            .or_else(|| field.strip_prefix("by "))
            .unwrap_or(field);
        if field.contains("://") || field.starts_with("www.") {
            return;
        }
        for part in field
            .split([',', '&', ';', '|'])
            .flat_map(|p| p.split(" and "))
        {
            let name = part.split_whitespace().collect::<Vec<_>>().join(" ");
            if is_person_like(&name)
                && !self.authors.contains(&name)
                && self.site.as_deref() != Some(name.as_str())
            {
                self.authors.push(name);
            }
        }
    }

    /// Read YAML front matter (`---` lines around `key: value` pairs) at the top of a
    /// Markdown file: `title`, `date`, `author`/`authors`, `publisher`/`site`; gives
    /// the metadata and the text after the front matter.
    pub(crate) fn front_matter(md: &str) -> (PageMeta, &str) {
        let mut meta = PageMeta::default();
        let Some(rest) = md
            .strip_prefix("---\n")
            .or_else(|| md.strip_prefix("---\r\n"))
        else {
            return (meta, md);
        };
        let Some(end) = rest
            .match_indices("\n---")
            .map(|(i, _)| i)
            .find(|&i| rest[i + 4..].starts_with(['\n', '\r']) || rest.len() == i + 4)
        else {
            return (meta, md);
        };
        let (head, body) = (&rest[..end], &rest[end + 4..]);
        let mut list_key: Option<String> = None;
        for line in head.lines() {
            if let Some(item) = line.trim_start().strip_prefix("- ") {
                if list_key.as_deref().is_some_and(|k| k.starts_with("author")) {
                    meta.add_authors(unquote(item));
                }
                continue;
            }
            let Some((k, v)) = line.split_once(':') else {
                continue;
            };
            let (k, v) = (k.trim().to_ascii_lowercase(), unquote(v.trim()));
            list_key = Some(k.clone());
            match k.as_str() {
                "title" => set_once(&mut meta.title, v),
                "date" | "published" | "pubdate" | "publishdate" => {
                    meta.published = meta.published.take().or_else(|| iso_day(v))
                }
                "author" | "authors" | "byline" => {
                    let v = v.trim_start_matches('[').trim_end_matches(']');
                    for a in v.split(',') {
                        meta.add_authors(unquote(a.trim()));
                    }
                }
                "publisher" | "site" | "site_name" | "outlet" => set_once(&mut meta.site, v),
                _ => {}
            }
        }
        (meta, body.trim_start_matches(['\r', '\n']))
    }

    /// The header lines the body lacks, in order: authors, date, outlet. A line is
    /// left out when the body's opening lines already name every author, already
    /// give the date (in any written form the extractor reads, checked through
    /// `stated`), or when the body names the outlet anywhere.
    pub(crate) fn header_lines(&self, body: &str, stated: impl Fn(&str) -> bool) -> Vec<String> {
        let head: String = body.lines().take(15).collect::<Vec<_>>().join("\n");
        let mut out = Vec::new();
        if !self.authors.is_empty() && !self.authors.iter().all(|a| head.contains(a.as_str())) {
            out.push(format!("By {}", join_names(&self.authors)));
        }
        if let Some(day) = self.published.as_deref().and_then(written_day) {
            if !stated(&head) {
                out.push(format!("Published {day}"));
            }
        }
        if let Some(site) = &self.site {
            if !body.contains(site.as_str()) {
                out.push(format!("Publisher: {site}"));
            }
        }
        out
    }
}

fn set_once(slot: &mut Option<String>, v: &str) {
    let v = v.split_whitespace().collect::<Vec<_>>().join(" ");
    if slot.is_none() && !v.is_empty() {
        *slot = Some(v);
    }
}

fn unquote(s: &str) -> &str {
    let s = s.trim();
    s.strip_prefix('"')
        .and_then(|x| x.strip_suffix('"'))
        .or_else(|| s.strip_prefix('\'').and_then(|x| x.strip_suffix('\'')))
        .unwrap_or(s)
}

/// Whether a JSON-LD `@type` names an article or a page that carries one.
fn is_article_type(t: Option<&Value>) -> bool {
    let is = |s: &str| {
        s.ends_with("Article")
            || matches!(
                s,
                "BlogPosting" | "Report" | "WebPage" | "OpinionNewsArticle"
            )
    };
    match t {
        Some(Value::String(s)) => is(s),
        Some(Value::Array(a)) => a.iter().any(|x| x.as_str().is_some_and(is)),
        _ => false,
    }
}

/// The names a JSON-LD `author` or `publisher` holds: a string, an object's `name`,
/// or a list of either.
fn json_names(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![s.clone()],
        Value::Object(m) => m
            .get("name")
            .and_then(Value::as_str)
            .map(|s| vec![s.to_string()])
            .unwrap_or_default(),
        Value::Array(a) => a.iter().flat_map(json_names).collect(),
        _ => Vec::new(),
    }
}

/// Whether a field looks like a person's name: two to five words, each opening with
/// a capital letter, with no digits.
fn is_person_like(name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    (2..=5).contains(&words.len())
        && !name.chars().any(|c| c.is_ascii_digit())
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || matches!(w, &"de" | &"van" | &"von" | &"ap"))
        })
}

fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The `YYYY-MM-DD` day an ISO 8601 date or date-time opens with (the day as the page
/// wrote it, in its own offset), if it is a real day.
pub(crate) fn iso_day(s: &str) -> Option<String> {
    let s = s.trim();
    let d = s.get(..10)?;
    let b = d.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)) {
        return None;
    }
    if s.len() > 10 && !s[10..].starts_with(['T', ' ', 't']) {
        return None;
    }
    written_day(d).map(|_| d.to_string())
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "2024-02-03" written as "3 February 2024", if it is a real day.
fn written_day(d: &str) -> Option<String> {
    let y: i32 = d.get(..4)?.parse().ok()?;
    let m: usize = d.get(5..7)?.parse().ok()?;
    let day: u32 = d.get(8..10)?.parse().ok()?;
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    (1..=12).contains(&m).then_some(())?;
    (1..=days[m - 1]).contains(&day).then_some(())?;
    Some(format!("{day} {} {y}", MONTHS[m - 1]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_tags_give_title_authors_site_and_day() {
        let mut m = PageMeta::default();
        m.meta_tag("og:site_name", "BBC News");
        m.meta_tag("og:title", "Levelling up  fund\nround two");
        m.meta_tag("author", "By Jane Smith and John O'Neill");
        m.meta_tag("article:author", "https://www.facebook.com/bbcnews");
        m.meta_tag("article:published_time", "2024-02-03T23:30:00+00:00");
        m.meta_tag("date", "2020-01-01");
        assert_eq!(m.title.as_deref(), Some("Levelling up fund round two"));
        assert_eq!(m.authors, ["Jane Smith", "John O'Neill"]);
        assert_eq!(m.site.as_deref(), Some("BBC News"));
        assert_eq!(m.published.as_deref(), Some("2024-02-03"));
    }

    #[test]
    fn json_ld_in_a_graph_gives_the_article_record() {
        let mut m = PageMeta::default();
        m.json_ld(
            r#"{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Not this"},
              {"@type":["NewsArticle"],"headline":"Towns left behind",
               "datePublished":"2021-03-04T08:00:00Z",
               "author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chan"}],
               "publisher":{"@type":"Organization","name":"The Northern Echo"}}]}"#,
        );
        assert_eq!(m.title.as_deref(), Some("Towns left behind"));
        assert_eq!(m.authors, ["Ann Lee", "Bo Chan"]);
        assert_eq!(m.site.as_deref(), Some("The Northern Echo"));
        assert_eq!(m.published.as_deref(), Some("2021-03-04"));
        let mut broken = PageMeta::default();
        broken.json_ld("{not json");
        assert_eq!(broken, PageMeta::default());
    }

    #[test]
    fn front_matter_is_read_and_removed() {
        let md = "---\ntitle: \"Who wants devolution?\"\ndate: 2020-11-18T10:00:00+00:00\nauthors:\n  - Ann Lee\n  - \"Bo Chan\"\n---\n\nBody text.\n";
        let (m, body) = PageMeta::front_matter(md);
        assert_eq!(m.title.as_deref(), Some("Who wants devolution?"));
        assert_eq!(m.published.as_deref(), Some("2020-11-18"));
        assert_eq!(m.authors, ["Ann Lee", "Bo Chan"]);
        assert_eq!(body, "Body text.\n");
        let plain = "No front matter\n---\nhere";
        assert_eq!(PageMeta::front_matter(plain).1, plain);
    }

    #[test]
    fn header_lines_add_only_what_the_body_lacks() {
        let m = PageMeta {
            title: None,
            authors: vec!["Ann Lee".into()],
            site: Some("The Courier".into()),
            published: Some("2024-02-29".into()),
        };
        let none = |_: &str| false;
        assert_eq!(
            m.header_lines("Title\n\nBody.", none),
            [
                "By Ann Lee",
                "Published 29 February 2024",
                "Publisher: The Courier"
            ]
        );
        let full = "Title\nBy Ann Lee\n29 February 2024\n\nBody.\n\n© The Courier";
        assert!(m
            .header_lines(full, |h| h.contains("29 February 2024"))
            .is_empty());
    }

    #[test]
    fn only_real_days_and_person_like_authors_are_kept() {
        assert_eq!(iso_day("2023-02-29"), None);
        assert_eq!(iso_day("2024-13-01"), None);
        assert_eq!(iso_day("2024-02-29junk"), None);
        assert_eq!(iso_day("2024-02-29 10:00"), Some("2024-02-29".into()));
        let mut m = PageMeta::default();
        m.meta_tag("og:site_name", "Centre for Cities");
        m.meta_tag("author", "Centre for Cities");
        m.meta_tag("author", "admin");
        m.meta_tag("author", "Team 2024");
        assert!(m.authors.is_empty());
    }
}
