//! Drafting annotations from raw article text: metadata, actors, policies, claims and
//! links, each marked extracted with a confidence, for a person to review.
//!
//! The pipeline ([`extract`]) is pure and deterministic: [`decode`] checks the bytes,
//! [`markup`] strips HTML or Markdown, [`sentences`] cuts the text, then the
//! detectors read it against a [`Lexicon`] built from the corpus, and [`draft`]
//! writes the result in the corpus format. [`eval`] measures drafts against curated
//! annotations.
//!
//! Modules depend only downward, in three layers:
//! - low level: `words` (word lists and content words), `sentences`, `markup`, `scan`
//!   (one automaton pass per sentence for every phrase list), `slug`, `tfidf` (claim
//!   similarity), `lexicon` (the corpus as the extractor reads it), `items` (what a
//!   draft holds) and `found` (what one reading step hands to the next);
//! - detectors: `meta` (title, date, authors, outlet), `entities` (actors, policies,
//!   events, candidates), `claims` and `links` (echoes, evolves-into), each reading
//!   the laid-out text with the lexicon, none using another;
//! - this file, the pipeline, which runs the detectors in order and hands their
//!   phrase lists to the lexicon's scanner; then `draft` and `eval`, which use it.

// Low level: text, words and phrase scanning, the lexicon, the items drafted.
mod background;
mod found;
mod items;
mod lexicon;
pub mod markup;
mod pagemeta;
mod scan;
pub mod sentences;
mod slug;
mod tfidf;
mod words;
// Detectors: each reads the laid-out text against the lexicon.
pub mod claims;
mod entities;
mod links;
mod meta;
// After the pipeline (this file): writing drafts and measuring them.
pub mod draft;
pub mod eval;

use std::collections::{BTreeMap, BTreeSet};

use levelmap_model::Corpus;

use scan::Set;

pub use items::{
    Candidate, Draft, DraftClaim, DraftDate, DraftRef, DraftRelation, Mention, MentionHow,
};
pub use lexicon::{Background, KnownClaim, Lexicon};
pub use markup::Format;
pub use sentences::Layout;
pub use slug::slug;

/// The default size limit for one article: 20 MB.
pub const DEFAULT_MAX_BYTES: usize = 20 * 1024 * 1024;

/// How to extract.
#[derive(Debug, Clone)]
pub struct ExtractOptions {
    /// Refuse inputs larger than this many bytes.
    pub max_bytes: usize,
    /// Keep claims with at least this confidence.
    pub min_claim_confidence: f64,
    /// Keep candidate lexicon entries with at least this confidence.
    pub min_candidate_confidence: f64,
    /// Propose echoes to earlier claims of the corpus.
    pub propose_echoes: bool,
    /// Today: no draft is dated after it (the clock's date by default).
    pub today: levelmap_model::date::PartialDate,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        ExtractOptions {
            max_bytes: DEFAULT_MAX_BYTES,
            min_claim_confidence: claims::DEFAULT_MIN_CONFIDENCE,
            min_candidate_confidence: entities::DEFAULT_MIN_CANDIDATE_CONFIDENCE,
            propose_echoes: true,
            today: levelmap_model::date::today(),
        }
    }
}

/// Why an input cannot be extracted.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ExtractError {
    /// The file has no text.
    #[error("{file}: the file is empty (no text to extract)")]
    Empty {
        /// The file.
        file: String,
    },
    /// The file holds NUL bytes or is not UTF-8: not an article text.
    #[error("{file}: this looks like a binary file, not text ({reason} at byte {offset})")]
    Binary {
        /// The file.
        file: String,
        /// Byte offset of the first offending byte.
        offset: usize,
        /// What was found there.
        reason: String,
    },
    /// The file is larger than the limit.
    #[error("{file}: the file is {size} bytes, over the limit of {limit} bytes for one article")]
    TooLarge {
        /// The file.
        file: String,
        /// Its size.
        size: u64,
        /// The limit.
        limit: usize,
    },
    /// The text has no sentence to read.
    #[error("{file}: no sentences found (the text has no line of three or more words)")]
    NoSentences {
        /// The file.
        file: String,
    },
}

impl ExtractError {
    /// How to fix it.
    pub fn help(&self) -> String {
        match self {
            ExtractError::Empty { .. } => "save the article's text in the file first".into(),
            ExtractError::Binary { .. } => {
                "give a plain text, Markdown or HTML file in UTF-8 (convert with `iconv -f latin1 -t utf-8`; \
                 PDF or Word files need converting to text first)"
                    .into()
            }
            ExtractError::TooLarge { .. } => {
                "one article is rarely over a few hundred kB: split the file into articles, or raise the limit with --max-bytes"
                    .into()
            }
            ExtractError::NoSentences { .. } => "check that the file holds the article's running text".into(),
        }
    }
}

/// Check an input's size before reading it.
pub fn check_size(file: &str, size: u64, opts: &ExtractOptions) -> Result<(), ExtractError> {
    if size > opts.max_bytes as u64 {
        return Err(ExtractError::TooLarge {
            file: file.to_string(),
            size,
            limit: opts.max_bytes,
        });
    }
    Ok(())
}

/// Decode an input file's bytes as text: refuses oversized, empty and binary input.
pub fn decode(file: &str, bytes: &[u8], opts: &ExtractOptions) -> Result<String, ExtractError> {
    check_size(file, bytes.len() as u64, opts)?;
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(ExtractError::Binary {
            file: file.into(),
            offset,
            reason: "a NUL byte".into(),
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| ExtractError::Binary {
        file: file.into(),
        offset: e.valid_up_to(),
        reason: "invalid UTF-8".into(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ExtractError::Empty { file: file.into() });
    }
    Ok(text.to_string())
}

/// Extract a draft from an article's plain text (markup already stripped).
///
/// `file` names the input in errors; `stem` is the article id to use, or `None` to
/// derive one from the date, author and title.
pub fn extract(
    file: &str,
    text: &str,
    stem: Option<&str>,
    lex: &Lexicon,
    opts: &ExtractOptions,
) -> Result<Draft, ExtractError> {
    if text.trim().is_empty() {
        return Err(ExtractError::Empty { file: file.into() });
    }
    let mut layout = Layout::new(text);
    layout.drop_blocks(&meta::not_the_article(text, &layout));
    if !layout.sentences.iter().any(|s| s.words >= 3) {
        return Err(ExtractError::NoSentences { file: file.into() });
    }
    let header = meta::read_header(text, &layout, lex);
    let scan = lex.scanner.scan(&layout);
    let mut found = entities::find(text, &layout, lex, &header, &scan);
    let mut events = entities::find_events(&layout, lex, &scan);
    let date = meta::date(
        text,
        &layout,
        lex,
        &events,
        &found.mentions,
        &scan,
        opts.today,
    );
    // A placeholder year, or only the latest year the text mentions (a lower bound),
    // cannot say who held a role: then roles resolve only to people named.
    let role_date = (date.confidence >= 0.5).then_some(date.value);
    entities::resolve_roles(&layout, lex, role_date, &mut found, &scan);
    let authors = meta::authors(text, &layout, lex, &header, &mut found, &scan);
    let outlet = meta::outlet(text, &layout, lex, &header, &mut found, &scan);
    let author_ids: BTreeSet<String> = authors.iter().map(|a| a.id.clone()).collect();
    let derived = meta::derive_stem(
        &date.value,
        &authors,
        &found.candidates,
        lex,
        outlet.as_ref(),
        &header.title,
    );
    let prefix = claims::claim_prefix(&derived, &date.value);
    let stem = stem.map_or(derived, str::to_string);
    let mut claims = claims::find(
        text,
        &layout,
        lex,
        &found,
        &author_ids,
        &prefix,
        opts.min_claim_confidence,
        &scan,
        header.title_block,
    );
    if opts.propose_echoes {
        links::propose_echoes(&mut claims, lex, &date.value);
    }
    let relations = links::evolves_into(text, &layout, &found, &scan);
    // A background event only dates the article: the corpus has no node for it.
    events.retain(|r| !lex.background.contains_key(&r.id));
    let refers_to = meta::refers_to(text, &layout, &events);
    found.candidates.retain(|c| {
        c.confidence >= opts.min_candidate_confidence
            || is_used(&c.id, &claims, &relations, &authors, &outlet)
    });
    let kept: BTreeSet<String> = found.candidates.iter().map(|c| c.id.clone()).collect();
    found.mentions.retain(|m| {
        !m.id.starts_with("candidate") && (lex.entities.contains_key(&m.id) || kept.contains(&m.id))
    });
    let confidence = (date.confidence + if authors.is_empty() { 0.4 } else { 0.8 }) / 2.0;
    let mut draft = Draft {
        stem,
        text: text.to_string(),
        title: header.title.clone(),
        title_quote: header
            .title_block
            .map(|b| sentences::quote(text, layout.blocks[b].start, layout.blocks[b].end)),
        confidence,
        date,
        authors,
        outlet,
        refers_to,
        claims,
        relations,
        candidates: found.candidates,
        mentions: found.mentions,
        sentence_count: layout.sentences.len(),
    };
    background::propose(&mut draft, &layout, lex);
    keep_valid_ids(&mut draft, lex);
    Ok(draft)
}

/// Drop whatever would carry an id the corpus refuses (`levelmap_model::is_valid_id`):
/// a name with no Latin letter slugs to nothing (`actor:`), a very long one past the
/// length limit. The extractor never proposes an id that `check` would refuse.
fn keep_valid_ids(d: &mut Draft, lex: &Lexicon) {
    let bad = invalid_ids(d, lex);
    if bad.is_empty() {
        return;
    }
    let ok = |id: &str| !bad.contains(id);
    d.candidates.retain(|c| ok(&c.id));
    d.mentions.retain(|m| ok(&m.id));
    d.authors.retain(|a| ok(&a.id));
    d.outlet = d.outlet.take().filter(|o| ok(&o.id));
    d.refers_to.retain(|e| ok(&e.id));
    d.claims.retain(|c| ok(&c.id));
    for c in &mut d.claims {
        c.speaker = c.speaker.take().filter(|s| ok(s));
        c.about.retain(|(id, _)| ok(id));
        c.echoes.retain(|id| ok(id));
    }
    d.relations.retain(|r| ok(&r.from) && ok(&r.to));
}

/// Every id in the draft that `levelmap_model::is_valid_id` refuses, each distinct id
/// checked once (an article names the same actors and policies many times), and the
/// lexicon's entities not again (checked when the lexicon was built).
fn invalid_ids(d: &Draft, lex: &Lexicon) -> rustc_hash::FxHashSet<String> {
    let ids = d.candidates.iter().map(|c| c.id.as_str());
    let ids = ids.chain(d.mentions.iter().map(|m| m.id.as_str()));
    let ids = ids.chain(d.authors.iter().chain(&d.outlet).map(|a| a.id.as_str()));
    let ids = ids.chain(d.refers_to.iter().map(|e| e.id.as_str()));
    let ids = ids.chain(d.claims.iter().flat_map(|c| {
        let about = c.about.iter().map(|(id, _)| id.as_str());
        let echoes = c.echoes.iter().map(String::as_str);
        [c.id.as_str()]
            .into_iter()
            .chain(c.speaker.as_deref())
            .chain(about)
            .chain(echoes)
    }));
    let ids = ids.chain(
        d.relations
            .iter()
            .flat_map(|r| [r.from.as_str(), r.to.as_str()]),
    );
    let mut seen = rustc_hash::FxHashSet::default();
    ids.filter(|id| {
        seen.insert(*id) && !lex.valid_entity_ids.contains(*id) && !levelmap_model::is_valid_id(id)
    })
    .map(str::to_string)
    .collect()
}

/// One article to extract with [`extract_all`].
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// Names the input in errors.
    pub file: &'a str,
    /// Plain text (markup already stripped).
    pub text: &'a str,
    /// The article id to use, or `None` to derive one.
    pub stem: Option<&'a str>,
}

/// From this many articles on, [`extract_all`] spreads them across cores.
pub(crate) const PARALLEL_MIN_ARTICLES: usize = 4;

/// Extract many articles, in input order: across cores with rayon when there are at
/// least `PARALLEL_MIN_ARTICLES` (four) articles (each is independent, so the drafts are
/// the same as one by one), on the calling thread otherwise.
pub fn extract_all(
    inputs: &[Input<'_>],
    lex: &Lexicon,
    opts: &ExtractOptions,
) -> Vec<Result<Draft, ExtractError>> {
    use rayon::prelude::*;
    let one = |i: &Input<'_>| extract(i.file, i.text, i.stem, lex, opts);
    if inputs.len() >= PARALLEL_MIN_ARTICLES {
        inputs.par_iter().map(one).collect()
    } else {
        inputs.iter().map(one).collect()
    }
}

fn is_used(
    id: &str,
    claims: &[DraftClaim],
    relations: &[DraftRelation],
    authors: &[DraftRef],
    outlet: &Option<DraftRef>,
) -> bool {
    claims
        .iter()
        .any(|c| c.speaker.as_deref() == Some(id) || c.about.iter().any(|(p, _)| p == id))
        || relations.iter().any(|r| r.from == id || r.to == id)
        || authors.iter().any(|a| a.id == id)
        || outlet.as_ref().is_some_and(|o| o.id == id)
}

/// Make ids unique across drafts extracted together into one corpus: a candidate
/// proposed by an earlier draft (or already in the corpus) is referenced, not
/// proposed again, and claim ids never repeat.
pub fn dedupe_across(drafts: &mut [Draft], lex: &Lexicon) {
    let mut defined: BTreeSet<String> = lex.ids.clone();
    let mut renames: BTreeMap<String, String> = BTreeMap::new();
    for d in drafts.iter_mut() {
        for c in d.candidates.iter_mut() {
            if defined.contains(&c.id) {
                c.known = true;
            } else {
                defined.insert(c.id.clone());
            }
        }
        renames.clear();
        for c in d.claims.iter_mut() {
            if defined.contains(&c.id) {
                let base = c.id.clone();
                let mut n = 2;
                while defined.contains(&format!("{base}-{n}")) {
                    n += 1;
                }
                c.id = format!("{base}-{n}");
                renames.insert(base, c.id.clone());
            }
            defined.insert(c.id.clone());
        }
    }
}

/// Build a lexicon from a corpus (its curated actors, policies, events and claims)
/// and the built-in background lexicon of UK public life.
pub fn lexicon(corpus: &Corpus) -> Lexicon {
    lexicon_with(corpus, Background::On)
}

/// Build a lexicon from a corpus, with or without the background lexicon.
pub fn lexicon_with(corpus: &Corpus, with: Background) -> Lexicon {
    Lexicon::new(corpus, detector_phrases(), with)
}

/// The phrase lists the detectors look for in every sentence, for the lexicon's
/// scanner: claim cues, evolves-into cues, page furniture, time words, date cues
/// and an outlet's names for itself.
fn detector_phrases() -> [(Set, Vec<&'static str>); 6] {
    [
        (Set::Cue, claims::cue_phrases().collect()),
        (Set::Evolve, links::evolve_phrases().collect()),
        (Set::Boilerplate, meta::boilerplate_phrases().collect()),
        (Set::Time, meta::time_phrases().collect()),
        (Set::DateCue, meta::DATE_CUES.to_vec()),
        (Set::OutletSelf, meta::OUTLET_SELF.to_vec()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use levelmap_model::NodeKind;

    #[test]
    fn decode_refuses_bad_input_with_clear_messages() {
        let o = ExtractOptions::default();
        let e = decode("a.txt", b"", &o).unwrap_err();
        assert_eq!(
            e.to_string(),
            "a.txt: the file is empty (no text to extract)"
        );
        let e = decode("a.txt", b"  \n\t ", &o).unwrap_err();
        assert!(matches!(e, ExtractError::Empty { .. }));
        let e = decode("a.bin", b"PK\x03\x04\x00\x01", &o).unwrap_err();
        assert_eq!(
            e.to_string(),
            "a.bin: this looks like a binary file, not text (a NUL byte at byte 4)"
        );
        let e = decode("a.txt", b"caf\xe9 au lait", &o).unwrap_err();
        assert_eq!(
            e.to_string(),
            "a.txt: this looks like a binary file, not text (invalid UTF-8 at byte 3)"
        );
        assert!(e.help().contains("iconv"));
        let small = ExtractOptions { max_bytes: 4, ..o };
        let e = decode("big.txt", b"hello", &small).unwrap_err();
        assert_eq!(
            e.to_string(),
            "big.txt: the file is 5 bytes, over the limit of 4 bytes for one article"
        );
        assert_eq!(
            decode(
                "a.txt",
                "\u{feff}Hi there".as_bytes(),
                &ExtractOptions::default()
            )
            .unwrap(),
            "Hi there"
        );
    }

    #[test]
    fn text_without_sentences_is_refused() {
        let lex = lexicon(&Corpus::default());
        let e = extract(
            "x.txt",
            "a\nb\n\n12\n",
            None,
            &lex,
            &ExtractOptions::default(),
        )
        .unwrap_err();
        assert_eq!(
            e,
            ExtractError::NoSentences {
                file: "x.txt".into()
            }
        );
    }

    /// Every reader of the combined scan gets, on every sentence of the bundled and
    /// held-apart corpora, what its own automaton gave before.
    #[test]
    fn combined_scan_matches_the_separate_automata_on_real_text() {
        let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
        let bundled = levelmap_read::read_corpus(&root.join("graph")).corpus;
        let lex = lexicon(&bundled);
        // The lexicon's entries: the bundled ones and the background's.
        let mut ap = lex
            .entities
            .values()
            .filter(|e| matches!(e.node_kind, NodeKind::Actor | NodeKind::Policy))
            .peekable();
        assert!(ap.peek().is_some(), "the bundled lexicon has entries");
        let matcher = levelmap_model::mentions::Matcher::new(ap);
        let mut texts: Vec<String> = bundled.articles.values().map(|a| a.text.clone()).collect();
        texts.extend(
            levelmap_read::read_corpus(&root.join("tests/fixtures/heldout"))
                .corpus
                .articles
                .values()
                .map(|a| a.text.clone()),
        );
        let mut sentences = 0;
        for t in &texts {
            let layout = Layout::new(t);
            assert_eq!(layout.blocks, sentences::blocks(t), "block word counts");
            let scan = lex.scanner.scan(&layout);
            let mut hits = Vec::new();
            for (si, s) in layout.sentences.iter().enumerate() {
                sentences += 1;
                let n = &s.norm;
                entities::lexicon_hits(
                    &lex.scanner,
                    &scan,
                    si,
                    n,
                    [scan::Set::LexExact, scan::Set::LexFolded],
                    &lex.person_ids,
                    &mut hits,
                );
                let got: Vec<(String, usize, usize)> = hits
                    .iter()
                    .map(|h| (h.id.to_string(), h.start, h.end))
                    .collect();
                let want: Vec<(String, usize, usize)> = matcher
                    .find(n)
                    .into_iter()
                    .map(|h| (h.id, h.start, h.end))
                    .collect();
                assert_eq!(got, want, "lexicon names in {n:?}");
                assert_eq!(
                    claims::cues_scanned(&scan, si, n),
                    claims::cues(n),
                    "cues in {n:?}"
                );
                assert_eq!(
                    links::evolve_cue_scanned(&scan, si, n),
                    links::evolve_cue(n),
                    "evolve cue in {n:?}"
                );
                assert_eq!(
                    meta::boilerplate_scanned(&scan, si, n),
                    meta::is_boilerplate(n),
                    "boilerplate in {n:?}"
                );
                assert_eq!(
                    scan.any(si, scan::Set::Time),
                    meta::has_time_cue(n),
                    "time cue in {n:?}"
                );
                // `meta::date` skips `relation` for such sentences.
                if !scan.any(si, scan::Set::Time) && scan::ascii_fold_is_lowercase(n) {
                    assert!(meta::relation_is_after(&n.to_lowercase()), "{n:?}");
                }
                // A regex runs only when the literals it needs are there.
                for ((re, _), open) in meta::outlet_regexes()
                    .iter()
                    .zip(meta::outlet_gates(&scan, si, n))
                {
                    assert!(open || !re.is_match(n), "{re} on {n:?}");
                }
                assert!(
                    meta::byline_may_match(&scan, si, n) || !meta::byline_regex().is_match(n),
                    "{n:?}"
                );
                assert!(
                    meta::role_line_may_match(&scan, si, n) || !meta::role_line_regex().is_match(n),
                    "{n:?}"
                );
                assert!(
                    scan.any(si, scan::Set::RoleGate) || !entities::role_regex().is_match(n),
                    "{n:?}"
                );
                assert!(
                    meta::may_hold_date(n) || meta::parse_dates(n).is_empty(),
                    "{n:?}"
                );
            }
        }
        assert!(sentences > 300, "{sentences} sentences read");
    }

    #[test]
    fn invalid_ids_finds_each_id_is_valid_id_refuses_and_keep_valid_ids_drops_them() {
        let lex = lexicon(&Corpus::default());
        let text = "Levelling up in the regions\n\nBy Jane Smith\n\n\
            Andy Burnham said the Levelling Up Fund should be scrapped. \
            The Northern Party argued that devolution must go further.";
        let mut d = extract(
            "x.txt",
            text,
            Some("2024-01-r"),
            &lex,
            &ExtractOptions::default(),
        )
        .unwrap();
        assert!(invalid_ids(&d, &lex).is_empty());
        assert!(!d.mentions.is_empty() && !d.claims.is_empty());
        let mut m = d.mentions[0].clone();
        m.id = "actor:".into();
        d.mentions.push(m);
        d.claims[0].speaker = Some("actor:Я".into());
        d.claims[0]
            .about
            .push(("policy:x_y".into(), levelmap_model::Stance::For));
        d.claims[0].echoes.push("claim:ok".into());
        let before = (d.mentions.len() - 1, d.claims[0].about.len() - 1);
        let want: rustc_hash::FxHashSet<String> = ["actor:", "actor:Я", "policy:x_y"]
            .into_iter()
            .map(String::from)
            .collect();
        assert_eq!(invalid_ids(&d, &lex), want);
        keep_valid_ids(&mut d, &lex);
        assert_eq!((d.mentions.len(), d.claims[0].about.len()), before);
        assert_eq!(d.claims[0].speaker, None);
        assert_eq!(d.claims[0].echoes, ["claim:ok"]);
        assert!(invalid_ids(&d, &lex).is_empty());
    }

    #[test]
    fn a_name_without_latin_letters_drafted_the_empty_id_actor_colon() {
        let lex = lexicon(&Corpus::default());
        let text = "Levelling up in the regions\n\nBy Ярослав Петренко\n\n\
            Ярослав Петренко said the Levelling Up Fund should be scrapped. \
            The Северная Партия argued that devolution must go further. \
            Олег Иванов of the Народный Совет warned that the fund will fail.";
        let d = extract(
            "x.txt",
            text,
            Some("2024-01-regions"),
            &lex,
            &ExtractOptions::default(),
        )
        .unwrap();
        let mut ids: Vec<String> = d.candidates.iter().map(|c| c.id.clone()).collect();
        ids.extend(d.mentions.iter().map(|m| m.id.clone()));
        ids.extend(d.authors.iter().map(|a| a.id.clone()));
        ids.extend(d.claims.iter().map(|c| c.id.clone()));
        ids.extend(d.claims.iter().filter_map(|c| c.speaker.clone()));
        ids.extend(
            d.claims
                .iter()
                .flat_map(|c| c.about.iter().map(|(id, _)| id.clone())),
        );
        for id in &ids {
            assert!(
                levelmap_model::is_valid_id(id),
                "drafted an invalid id {id:?}"
            );
        }
        let long = format!("{} said the plan will fail.", "Verylongname ".repeat(40));
        let d = extract(
            "y.txt",
            &long,
            Some("2024-01-long"),
            &lex,
            &ExtractOptions::default(),
        )
        .unwrap();
        assert!(d
            .candidates
            .iter()
            .all(|c| levelmap_model::is_valid_id(&c.id)));
    }
}
