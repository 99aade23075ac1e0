//! The top of the article: its title (a heading, a question, or a stand-in from
//! the first sentence), where the running prose starts, and page furniture
//! (navigation, disclaimers, sharing links).

use std::sync::OnceLock;

use crate::found::Header;
use crate::lexicon::Lexicon;
use crate::sentences::{quote, BlockKind, Layout};

const BOILERPLATE: &[&str] = &[
    "top of page",
    "bottom of page",
    "skip to",
    "back to",
    "related blogs",
    "related posts",
    "related articles",
    "keywords:",
    "share this",
    "opinions expressed",
    "responsibility for the accuracy",
    "all rights reserved",
    "cookie",
    "subscribe",
    "sign up",
    "read more",
    "follow us",
    "tags:",
    "print this",
    "newsletter",
    "privacy policy",
    "terms of use",
    "log in",
    // links to more stories under a report ("If you like this story, you may be
    // interested in: ...")
    "if you like this story",
    "if you liked this story",
    "if you enjoyed this",
    "you may be interested in:",
    "you might be interested in:",
    "you may also like",
    "you might also like",
    "related stories",
    "more stories",
    // A newspaper's comment box under the article ("Want to join the conversation?
    // Please log in or register to comment on this article.").
    "want to join the conversation",
    "to comment on this article",
    // A news magazine's audio player, copied with its page ("Listen to this story.
    // Enjoy more audio and podcasts on iOS or Android.").
    "listen to this story",
    "enjoy more audio and podcasts",
    "your browser does not support the",
    "save time by listening to our audio",
    // "For more of our news, read about a police horse injured in a ... attack."
    "for more of our news",
    "for more news",
    // The magazine's note under an article ("This article appeared in the Britain
    // section of the print edition under the headline ...").
    "this article appeared in",
    "of the print edition",
    // An academic news site's disclosure and funding notes.
    "disclosure statement",
    "disclosed no relevant affiliations",
    "does not work for, consult, own shares in",
    "as a founding partner of",
    "as a member of the conversation",
];

/// The boilerplate phrases, in automaton order.
pub(crate) fn boilerplate_phrases() -> impl Iterator<Item = &'static str> {
    BOILERPLATE.iter().copied()
}

/// Phrases of [`BOILERPLATE`] that are page furniture only where a passage opens with
/// them or the passage is short ("Back to top", "Sign up for our newsletter"): in
/// prose they are plain words ("link costs back to local incomes", "sign up to the
/// deal", "the council's newsletter said"), and a paragraph holding one was dropped
/// whole, its claims and names with it.
const OPENERS_ONLY: &[&str] = &[
    "back to",
    "sign up",
    "subscribe",
    "newsletter",
    "log in",
    "read more",
    "follow us",
    "share this",
    "skip to",
    "for more news",
];

/// Whether the boilerplate phrase number `phrase` found at byte `start` of passage
/// `s` makes the passage furniture: anywhere, or for [`OPENERS_ONLY`] within its
/// first two words or in a passage of six words or fewer ("Click here to subscribe").
pub(crate) fn furniture_at(s: &str, phrase: usize, start: usize) -> bool {
    let opener_only = BOILERPLATE
        .get(phrase)
        .is_some_and(|p| OPENERS_ONLY.contains(p));
    !opener_only
        || s.get(..start)
            .is_some_and(|b| b.split_whitespace().count() < 2)
        || s.split_whitespace().count() <= 6
}

/// Whether a passage is page furniture (navigation, disclaimers, sharing links).
pub(crate) fn is_boilerplate(s: &str) -> bool {
    static A: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    A.get_or_init(|| {
        aho_corasick::AhoCorasickBuilder::new()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
            .build(BOILERPLATE)
            .expect("plain patterns")
    })
    .find_overlapping_iter(s)
    .any(|m| furniture_at(s, m.pattern().as_usize(), m.start()))
}

/// [`is_boilerplate`] for sentence `si` from the article's scan.
pub(crate) fn boilerplate_scanned(scan: &crate::scan::Scan, si: usize, norm: &str) -> bool {
    scan.any(si, crate::scan::Set::Boilerplate)
        && scan
            .of(si)
            .iter()
            .filter(|o| o.set == crate::scan::Set::Boilerplate)
            .any(|o| furniture_at(norm, o.idx as usize, o.start as usize))
}

/// The first block of running prose: a paragraph of twenty words or more that closes
/// its sentence (a standfirst without closing punctuation is still the header).
pub(crate) fn body_start(text: &str, layout: &Layout) -> usize {
    layout
        .blocks
        .iter()
        .position(|b| {
            b.kind == BlockKind::Paragraph
                && b.words >= 20
                && text[b.start..b.end]
                    .trim_end()
                    .trim_end_matches(['"', '\'', '”', '’', ')', ']', '»'])
                    .ends_with(['.', '?', '!', ':', ';', '…'])
        })
        .unwrap_or(0)
}

/// Headings that end an article on its page: what follows them is the page's tail
/// (links to other stories, topics, comments), not the article. Each must stand as a
/// line of its own, below the article's first paragraph of prose.
const TAIL_HEADINGS: &[&str] = &[
    "related topics",
    "more on this story",
    "more on this topic",
    "related stories",
    "related articles",
    "related posts",
    "related links",
    "related internet links",
    "related content",
    "top stories",
    "most read",
    "most popular",
    "elsewhere on the bbc",
    "you may also like",
    "you might also like",
    "read next",
    "leave a reply",
    "leave a comment",
    "share this",
    "like this",
];

/// Where the page's tail begins: the first block below the body's start that is one
/// of [`TAIL_HEADINGS`] (a colon after it allowed), as a block number. A page copied
/// whole ends with links to other stories under such a heading ("Related topics",
/// "More on this story", "Top stories"); their headlines named people and policies
/// the article never argues about, and the newest of their dates could date it.
fn page_tail(text: &str, layout: &Layout) -> Option<usize> {
    let start = body_start(text, layout);
    layout
        .blocks
        .iter()
        .enumerate()
        .skip(start + 1)
        .find_map(|(i, b)| {
            let line = text[b.start..b.end].trim().trim_end_matches(':').trim_end();
            (b.words <= 5 && TAIL_HEADINGS.iter().any(|h| line.eq_ignore_ascii_case(h)))
                .then_some(i)
        })
}

/// Picture agencies and the other names a news page credits its photographs to.
const CREDITS: &[&str] = &[
    "afp",
    "alamy",
    "anadolu",
    "ap",
    "bbc",
    "bbc news",
    "bloomberg",
    "epa",
    "epa-efe",
    "getty",
    "getty images",
    "handout",
    "nurphoto",
    "pa",
    "pa archive",
    "pa media",
    "pa wire",
    "pool",
    "reuters",
    "shutterstock",
    "sopa images",
    "supplied",
    "uk parliament",
    "wpa pool",
];

/// Whether a line is a photograph's credit or caption as a news page gives them: the
/// names of picture agencies alone ("PA Media", "Getty Images/AFP", "Reuters via
/// Alamy"), or the labels a copied page keeps ("Image source, Getty Images", "Image
/// caption, The mayor at the launch").
pub(crate) fn is_picture_line(line: &str) -> bool {
    let line = line.trim();
    if line.starts_with("Image source, ") || line.starts_with("Image caption, ") {
        return true;
    }
    if line.split_whitespace().count() > 6 {
        return false;
    }
    line.to_lowercase()
        .split(['/', ','])
        .flat_map(|p| p.split(" via "))
        .map(str::trim)
        .all(|p| CREDITS.contains(&p))
}

/// The blocks that are the page's and not the article's, ascending: a photograph's
/// credit or caption ([`is_picture_line`]), and every block of the page's tail
/// ([`page_tail`]).
pub(crate) fn not_the_article(text: &str, layout: &Layout) -> Vec<usize> {
    let n = layout.blocks.len();
    let tail = page_tail(text, layout).unwrap_or(n);
    layout.blocks[..tail]
        .iter()
        .enumerate()
        .filter(|(_, b)| b.words <= 40 && is_picture_line(&text[b.start..b.end]))
        .map(|(i, _)| i)
        .chain(tail..n)
        .collect()
}

/// Read the title and find page furniture.
pub(crate) fn read_header(text: &str, layout: &Layout, lex: &Lexicon) -> Header {
    let mut h = Header::default();
    for (i, b) in layout.blocks.iter().enumerate() {
        if b.words <= 60 && is_boilerplate(&text[b.start..b.end]) {
            h.boilerplate.insert(i);
        }
    }
    h.body_start = body_start(text, layout);
    if let Some(i) = title_block(text, layout, &h, lex) {
        let b = &layout.blocks[i];
        h.title = quote(text, b.start, b.end);
        h.title_block = Some(i);
    }
    if h.title.is_empty() {
        let first = layout
            .sentences
            .iter()
            .find(|s| s.words >= 3 && !is_byline(&s.norm) && !is_date_line(&s.norm))
            .map(|s| s.norm.as_str())
            .unwrap_or("Untitled");
        let ws: Vec<&str> = first.split(' ').collect();
        h.title = if ws.len() > 12 {
            format!("{}...", ws[..12].join(" "))
        } else {
            first.to_string()
        };
    }
    h
}

/// Whether block `i` may be the title: a line of its own of three or more words
/// (at most 25; any number for the text's first block) without closing punctuation,
/// or a question; not page furniture, a byline or a date line.
fn is_title_like(text: &str, layout: &Layout, h: &Header, i: usize) -> bool {
    let b = &layout.blocks[i];
    let s = text[b.start..b.end].trim_end();
    let like = match b.kind {
        // A short heading is a section's, unless it opens the text ("Budget 2026").
        BlockKind::Heading => b.words >= 3 || i == 0,
        BlockKind::Paragraph => {
            let one_line = !s.contains('\n');
            (b.words <= 20 && s.ends_with('?'))
                || (one_line && b.words <= 25 && !s.ends_with(['.', '!', ':', ';', ',', '"', '”']))
        }
        // A numbered line that opens the text is a numbered title ("6. Submissions on
        // Behalf of ..."), marker left out; a list item further down is not.
        BlockKind::Bullet => {
            i == 0
                && !s.contains('\n')
                && (3..=25).contains(&b.words)
                && !s.ends_with(['.', '!', ':', ';', ','])
        }
    };
    like && !h.boilerplate.contains(&i) && !is_byline(s) && !is_navigation(s) && !is_date_line(s)
}

/// Whether a line is a date line: it holds a date with its month ("16 January 2026",
/// "Posted on 3 May 2024"), or only a year and words that announce one ("2026",
/// "Updated 2026"). A title with a year in it ("Budget 2026") is not.
fn is_date_line(s: &str) -> bool {
    let dates = super::dates::parse_dates(s);
    if dates.is_empty() {
        return false;
    }
    if dates.iter().any(|d| d.0.month_num().is_some()) {
        return true;
    }
    s.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .all(|w| {
            let w = w.to_lowercase();
            super::dates::DATE_CUES.contains(&w.as_str())
                || matches!(w.as_str(), "updated" | "on" | "in" | "year")
        })
}

/// Whether a line is a bar of navigation links ("| Next | Sections | Main menu |
/// Previous |", as e-book converters write them): items between two or more bars.
fn is_navigation(s: &str) -> bool {
    s.matches('|').count() >= 2
}

/// The title: the first title-like block among the first eight, unless it is a short
/// rubric directly followed by a longer title-like line, the headline proper: a
/// rubric of three words or fewer ("The phoenix city", "Local democracy"), or of up
/// to six when a standfirst line follows the headline too ("Don't look under the
/// kilt" / the headline / "And undermine the case for independence").
fn title_block(text: &str, layout: &Layout, h: &Header, lex: &Lexicon) -> Option<usize> {
    let n = layout.blocks.len().min(8);
    let i = (0..n).find(|&i| is_title_like(text, layout, h, i))?;
    let next = i + 1;
    let words = layout.blocks[i].words;
    let stacked = next + 1 < n && is_title_like(text, layout, h, next + 1);
    if (words <= 3 || (words <= 6 && stacked))
        && next < n
        && layout.blocks[next].words > words
        && is_title_like(text, layout, h, next)
    {
        // Under a masthead (the outlet's name, as the lexicon knows it), the site's
        // motto may come first ("The Conversation", "Academic rigour, journalistic
        // flair", then the headline): the headline is the line right above the date
        // or byline. Under a magazine's rubric ("The phoenix city") the line above
        // the date is the standfirst, and the headline is `next`.
        let dated = |k: usize| {
            k < layout.blocks.len() && {
                let b = &layout.blocks[k];
                let line = &text[b.start..b.end];
                is_date_line(line) || is_byline(line)
            }
        };
        let masthead = {
            let b = &layout.blocks[i];
            lex.id_for_name(text[b.start..b.end].trim())
                .is_some_and(|id| id.starts_with("actor:"))
        };
        if masthead && stacked && !dated(next + 1) && dated(next + 2) {
            return Some(next + 1);
        }
        return Some(next);
    }
    Some(i)
}

fn is_byline(s: &str) -> bool {
    let l = s.trim_start().to_lowercase();
    l.starts_with("by ")
        || l.starts_with("posted")
        || l.starts_with("published")
        || l.starts_with("written by")
}
