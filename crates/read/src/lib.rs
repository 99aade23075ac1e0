//! Reading the corpus folder: the only phase that touches corpus files.
//!
//! Reading never stops at the first problem. [`read_corpus`] returns every record it
//! could make sense of, as a [`Corpus`], together with every [`Diagnostic`] it found;
//! the command decides what is fatal.

pub mod error;
pub mod raw;
pub mod stamp;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::de::{DeserializeOwned, IntoDeserializer};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use toml::de::{DeTable, DeValue};
use toml::Spanned;

pub use error::{Diagnostic, Location, ReadError, Severity};

use levelmap_model::date::PartialDate;
use levelmap_model::evidence::{QuoteIndex, QuoteMatch};
use levelmap_model::suggest;
use levelmap_model::{
    kind_of_id, ActorKind, Article, ArticleDate, Claim, ClaimKind, Corpus, DateProvenance,
    EdgeKind, Entity, EventKind, Evidence, NodeKind, Origin, PolicyKind, Relation, Role, Stance,
};
use raw::*;

/// What reading produced: the corpus (with whatever was valid) and the diagnostics.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    /// The corpus.
    pub corpus: Corpus,
    /// Every problem found, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Reading {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// Number of warnings.
    pub fn warning_count(&self) -> usize {
        self.diagnostics.len() - self.error_count()
    }
}

/// Read and validate the corpus in `dir` (with `lexicon/` and `articles/`).
pub fn read_corpus(dir: &Path) -> Reading {
    let mut r = Reader::default();
    r.read(dir);
    r.finish()
}

/// Read one file as UTF-8 text; on failure, a located diagnostic.
#[allow(clippy::result_large_err)]
pub fn read_text(path: &Path) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::error(
            Location::file(path),
            ReadError::Io {
                path: path.display().to_string(),
                reason: e.to_string(),
            },
        )
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let prefix = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
        let mut loc = Location::at(path, &prefix, prefix.len());
        loc.line_text = None;
        Diagnostic::error(loc, ReadError::NotUtf8 { offset: valid })
    })
}

struct Source {
    path: PathBuf,
    text: String,
}

/// A definition; its location is computed only when a message needs it, since
/// computing a line number scans the file.
struct Def {
    kind: NodeKind,
    name: String,
    src: usize,
    offset: usize,
}

#[derive(Default)]
struct Reader {
    sources: Vec<Source>,
    diags: Vec<Diagnostic>,
    defs: BTreeMap<String, Def>,
    /// Entities waiting for validation: (source index, node kind, raw).
    entities: Vec<(usize, NodeKind, RawEntity)>,
    /// Articles: stem -> (toml source index, text, head, arrays).
    articles: BTreeMap<String, PendingArticle>,
    quote_index: BTreeMap<String, QuoteIndex>,
    corpus: Corpus,
    hasher: Option<Sha256>,
}

struct PendingArticle {
    src: usize,
    text: String,
    text_path: PathBuf,
    head: Option<RawArticleHead>,
    author: Vec<RawActorRef>,
    refers_to: Vec<RawEventRef>,
    claim: Vec<RawClaim>,
    relation: Vec<RawRelation>,
    candidate: Vec<RawCandidate>,
}

/// The top of an article file, without its arrays of tables.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawArticleHead {
    title: S,
    url: Option<String>,
    date: Spanned<RawDate>,
    outlet: Option<RawActorRef>,
    #[serde(default)]
    extracted: bool,
    confidence: Option<f64>,
}

fn origin(extracted: bool, confidence: Option<f64>) -> Origin {
    if extracted {
        Origin::Extracted(confidence.unwrap_or(0.5).clamp(0.0, 1.0))
    } else {
        Origin::Curated
    }
}

impl Reader {
    fn read(&mut self, dir: &Path) {
        self.hasher = Some(Sha256::new());
        let lexicon = dir.join("lexicon");
        let articles = dir.join("articles");
        if !dir.is_dir() {
            self.diags.push(Diagnostic::error(
                Location::file(dir),
                ReadError::Missing {
                    what: format!("corpus folder '{}'", dir.display()),
                },
            ));
            return;
        }
        if !lexicon.is_dir() {
            self.diags.push(Diagnostic::error(
                Location::file(&lexicon),
                ReadError::Missing {
                    what: format!("lexicon folder '{}'", lexicon.display()),
                },
            ));
        }
        for (file, key, kind) in [
            ("actors.toml", "actor", NodeKind::Actor),
            ("policies.toml", "policy", NodeKind::Policy),
            ("events.toml", "event", NodeKind::Event),
        ] {
            let path = lexicon.join(file);
            if path.exists() {
                self.read_lexicon_file(&path, key, kind);
            }
        }
        if !articles.is_dir() {
            self.diags.push(Diagnostic::error(
                Location::file(&articles),
                ReadError::Missing {
                    what: format!("articles folder '{}'", articles.display()),
                },
            ));
        } else {
            self.read_articles(&articles);
        }
        self.define_all();
        self.validate_entities();
        self.validate_articles();
    }

    fn finish(mut self) -> Reading {
        if let Some(h) = self.hasher.take() {
            self.corpus.digest = format!("{:x}", h.finalize());
        }
        self.diags.sort_by(|a, b| {
            (a.location.file.clone(), a.location.line, a.location.col).cmp(&(
                b.location.file.clone(),
                b.location.line,
                b.location.col,
            ))
        });
        Reading {
            corpus: self.corpus,
            diagnostics: self.diags,
        }
    }

    fn add_source(&mut self, path: &Path) -> Option<usize> {
        match read_text(path) {
            Ok(text) => {
                if let Some(h) = self.hasher.as_mut() {
                    let name = path
                        .file_name()
                        .map(|f| f.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    stamp::hash_file(h, &name, text.as_bytes());
                }
                self.sources.push(Source {
                    path: path.to_path_buf(),
                    text,
                });
                Some(self.sources.len() - 1)
            }
            Err(d) => {
                self.diags.push(d);
                None
            }
        }
    }

    fn loc(&self, src: usize, offset: usize) -> Location {
        let s = &self.sources[src];
        Location::at(&s.path, &s.text, offset)
    }

    fn err(&mut self, src: usize, offset: usize, e: ReadError) {
        let loc = self.loc(src, offset);
        self.diags.push(Diagnostic::error(loc, e));
    }

    fn toml_error(&mut self, src: usize, e: &toml::de::Error) {
        let offset = e.span().map_or(0, |s| s.start);
        self.err(
            src,
            offset,
            ReadError::Toml {
                message: e.message().trim().to_string(),
            },
        );
    }

    /// Parse a document; a syntax error is reported and yields `None`.
    fn parse_doc<'i>(&mut self, src: usize, text: &'i str) -> Option<DeTable<'i>> {
        match DeTable::parse(text) {
            Ok(t) => Some(t.into_inner()),
            Err(e) => {
                self.toml_error(src, &e);
                None
            }
        }
    }

    /// Deserialize each element of an array of tables on its own, so one bad record
    /// does not hide the others.
    fn each<'i, T: DeserializeOwned>(
        &mut self,
        src: usize,
        key: &str,
        value: Spanned<DeValue<'i>>,
    ) -> Vec<T> {
        let span = value.span();
        match value.into_inner() {
            DeValue::Array(items) => items
                .into_iter()
                .filter_map(|item| match T::deserialize(item.into_deserializer()) {
                    Ok(v) => Some(v),
                    Err(e) => {
                        self.toml_error(src, &e);
                        None
                    }
                })
                .collect(),
            _ => {
                self.err(
                    src,
                    span.start,
                    ReadError::Toml {
                        message: format!("'{key}' must be an array of tables: write [[{key}]]"),
                    },
                );
                Vec::new()
            }
        }
    }

    fn read_lexicon_file(&mut self, path: &Path, key: &str, kind: NodeKind) {
        let Some(src) = self.add_source(path) else {
            return;
        };
        let text = self.sources[src].text.clone();
        let Some(doc) = self.parse_doc(src, &text) else {
            return;
        };
        for (k, v) in doc {
            if k.get_ref().as_ref() == key {
                let items: Vec<RawEntity> = self.each(src, key, v);
                self.entities
                    .extend(items.into_iter().map(|e| (src, kind, e)));
            } else {
                let name = k.get_ref().to_string();
                self.err(
                    src,
                    k.span().start,
                    ReadError::Toml {
                        message: format!(
                            "unexpected key '{name}': this file holds [[{key}]] entries"
                        ),
                    },
                );
            }
        }
    }

    fn read_articles(&mut self, dir: &Path) {
        let mut stems: BTreeMap<String, (Option<PathBuf>, Option<PathBuf>)> = BTreeMap::new();
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => {
                self.diags.push(Diagnostic::error(
                    Location::file(dir),
                    ReadError::Io {
                        path: dir.display().to_string(),
                        reason: e.to_string(),
                    },
                ));
                return;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let (Some(stem), Some(ext)) = (path.file_stem(), path.extension()) else {
                continue;
            };
            let stem = stem.to_string_lossy().into_owned();
            match ext.to_string_lossy().as_ref() {
                "txt" => stems.entry(stem).or_default().0 = Some(path),
                "toml" => stems.entry(stem).or_default().1 = Some(path),
                _ => {}
            }
        }
        for (stem, (txt, toml_path)) in stems {
            match (txt, toml_path) {
                (Some(t), None) => self.diags.push(Diagnostic::error(
                    Location::file(&t),
                    ReadError::MissingAnnotation { stem: stem.clone() },
                )),
                (None, Some(a)) => self.diags.push(Diagnostic::error(
                    Location::file(&a),
                    ReadError::MissingText { stem: stem.clone() },
                )),
                (Some(t), Some(a)) => self.read_article(&stem, &t, &a),
                (None, None) => {}
            }
        }
    }

    fn read_article(&mut self, stem: &str, txt: &Path, ann: &Path) {
        let text = match read_text(txt) {
            Ok(t) => {
                if let Some(h) = self.hasher.as_mut() {
                    stamp::hash_file(h, &format!("{stem}.txt"), t.as_bytes());
                }
                t
            }
            Err(d) => {
                self.diags.push(d);
                return;
            }
        };
        if !levelmap_model::is_valid_id(&format!("article:{stem}")) {
            self.diags.push(Diagnostic::error(
                Location::file(ann),
                ReadError::BadId {
                    id: stem.to_string(),
                    reason: "an article's file name must be lowercase letters, digits and hyphens"
                        .into(),
                },
            ));
        }
        let Some(src) = self.add_source(ann) else {
            return;
        };
        let mut pending = PendingArticle {
            src,
            text,
            text_path: txt.to_path_buf(),
            head: None,
            author: vec![],
            refers_to: vec![],
            claim: vec![],
            relation: vec![],
            candidate: vec![],
        };
        let source_text = self.sources[src].text.clone();
        if let Some(doc) = self.parse_doc(src, &source_text) {
            let mut head = DeTable::new();
            for (k, v) in doc {
                match k.get_ref().as_ref() {
                    "author" => pending.author = self.each(src, "author", v),
                    "refers_to" => pending.refers_to = self.each(src, "refers_to", v),
                    "claim" => pending.claim = self.each(src, "claim", v),
                    "relation" => pending.relation = self.each(src, "relation", v),
                    "candidate" => pending.candidate = self.each(src, "candidate", v),
                    _ => {
                        head.insert(k, v);
                    }
                }
            }
            let whole = 0..self.sources[src].text.len();
            let value = Spanned::new(whole, DeValue::Table(head));
            match RawArticleHead::deserialize(value.into_deserializer()) {
                Ok(h) => pending.head = Some(h),
                Err(e) => self.toml_error(src, &e),
            }
        }
        self.quote_index
            .insert(stem.to_string(), QuoteIndex::new(&pending.text));
        self.articles.insert(stem.to_string(), pending);
    }

    fn define(&mut self, id: &S, kind: NodeKind, name: &str, src: usize) -> bool {
        let raw = id.get_ref();
        if !levelmap_model::is_valid_id(raw) {
            let loc = self.loc(src, id.span().start);
            self.diags.push(Diagnostic::error(
                loc,
                ReadError::BadId {
                    id: raw.clone(),
                    reason: "not of the form kind:slug".into(),
                },
            ));
            return false;
        }
        if kind_of_id(raw) != Some(kind) {
            let loc = self.loc(src, id.span().start);
            self.diags.push(Diagnostic::error(
                loc,
                ReadError::BadId {
                    id: raw.clone(),
                    reason: format!("this entry is a {kind}, so its id starts with '{kind}:'"),
                },
            ));
            return false;
        }
        if let Some(first) = self.defs.get(raw) {
            let first = self.loc(first.src, first.offset).to_string();
            let loc = self.loc(src, id.span().start);
            self.diags.push(Diagnostic::error(
                loc,
                ReadError::DuplicateId {
                    id: raw.clone(),
                    first,
                },
            ));
            return false;
        }
        self.defs.insert(
            raw.clone(),
            Def {
                kind,
                name: name.to_string(),
                src,
                offset: id.span().start,
            },
        );
        true
    }

    fn define_all(&mut self) {
        let entities = std::mem::take(&mut self.entities);
        let mut kept = Vec::new();
        for (src, kind, e) in entities {
            if self.define(&e.id, kind, e.name.get_ref(), src) {
                kept.push((src, kind, e));
            }
        }
        self.entities = kept;
        let stems: Vec<String> = self.articles.keys().cloned().collect();
        for stem in stems {
            let mut a = self.articles.remove(&stem).expect("stem listed");
            let src = a.src;
            if let Some(h) = &a.head {
                let id = levelmap_model::article_node_id(&stem);
                let title = h.title.get_ref().clone();
                self.defs.insert(
                    id,
                    Def {
                        kind: NodeKind::Article,
                        name: title,
                        src,
                        offset: 0,
                    },
                );
            }
            a.candidate.retain(|c| {
                let kind = kind_of_id(c.id.get_ref()).unwrap_or(NodeKind::Actor);
                self.define(&c.id, kind, &c.name, src)
            });
            a.claim
                .retain(|c| self.define(&c.id, NodeKind::Claim, c.text.get_ref(), src));
            self.articles.insert(stem, a);
        }
    }

    /// Check that `id` is defined with one of `kinds`; report otherwise.
    fn resolve(&mut self, src: usize, id: &S, kinds: &[NodeKind]) -> bool {
        let raw = id.get_ref();
        match self.defs.get(raw) {
            Some(d) if kinds.contains(&d.kind) => true,
            Some(d) => {
                let kind = d.kind;
                self.err(
                    src,
                    id.span().start,
                    ReadError::BadId {
                        id: raw.clone(),
                        reason: format!(
                            "this is a {kind}, but a {} is expected here",
                            kinds
                                .iter()
                                .map(|k| k.as_str())
                                .collect::<Vec<_>>()
                                .join(" or ")
                        ),
                    },
                );
                false
            }
            None => {
                let candidates = self
                    .defs
                    .iter()
                    .filter(|(_, d)| kinds.contains(&d.kind))
                    .flat_map(|(k, d)| {
                        [
                            (k.as_str(), (k.clone(), d.name.clone())),
                            (d.name.as_str(), (k.clone(), d.name.clone())),
                        ]
                    });
                let suggestions = suggest::closest(raw, candidates, 3);
                let expected = kinds
                    .iter()
                    .map(|k| k.as_str())
                    .collect::<Vec<_>>()
                    .join(" or ");
                self.err(
                    src,
                    id.span().start,
                    ReadError::UnknownId {
                        id: raw.clone(),
                        expected,
                        suggestions,
                    },
                );
                false
            }
        }
    }

    /// Check that a quote occurs in `article`; report otherwise.
    fn check_quote(&mut self, src: usize, article: &str, quote: &S) -> bool {
        let Some(idx) = self.quote_index.get(article) else {
            let suggestions = suggest::closest(
                article,
                self.quote_index.keys().map(|k| (k.as_str(), k.clone())),
                3,
            );
            self.err(
                src,
                quote.span().start,
                ReadError::UnknownArticle {
                    id: article.to_string(),
                    suggestions,
                },
            );
            return false;
        };
        match idx.find(quote.get_ref()) {
            QuoteMatch::Found => true,
            QuoteMatch::CaseOnly(p) => {
                self.err(
                    src,
                    quote.span().start,
                    ReadError::QuoteNotFound {
                        article: article.to_string(),
                        quote: quote.get_ref().clone(),
                        closest: Some(p),
                        case_only: true,
                    },
                );
                false
            }
            QuoteMatch::Missing(closest) => {
                self.err(
                    src,
                    quote.span().start,
                    ReadError::QuoteNotFound {
                        article: article.to_string(),
                        quote: quote.get_ref().clone(),
                        closest,
                        case_only: false,
                    },
                );
                false
            }
        }
    }

    fn parse_date(&mut self, src: usize, s: &S) -> Option<PartialDate> {
        match PartialDate::parse(s.get_ref()) {
            Ok(d) => Some(d),
            Err(e) => {
                self.err(
                    src,
                    s.span().start,
                    ReadError::BadDate {
                        message: e.to_string(),
                    },
                );
                None
            }
        }
    }

    fn parse_enum<T>(
        &mut self,
        src: usize,
        field: &str,
        s: &S,
        parse: fn(&str) -> Option<T>,
        names: String,
    ) -> Option<T> {
        match parse(s.get_ref()) {
            Some(v) => Some(v),
            None => {
                self.err(
                    src,
                    s.span().start,
                    ReadError::BadKind {
                        field: field.into(),
                        value: s.get_ref().clone(),
                        expected: names,
                    },
                );
                None
            }
        }
    }

    fn non_empty(&mut self, src: usize, field: &str, s: &S) -> bool {
        if s.get_ref().trim().is_empty() {
            self.err(
                src,
                s.span().start,
                ReadError::Invalid {
                    message: format!("'{field}' is empty"),
                },
            );
            false
        } else {
            true
        }
    }

    /// Validate and push an edge, checking endpoints and evidence.
    #[allow(clippy::too_many_arguments)]
    fn edge(
        &mut self,
        src: usize,
        from: &S,
        kind: EdgeKind,
        to: &S,
        article: &str,
        quote: &S,
        stance: Option<Stance>,
        note: Option<String>,
        origin: Origin,
    ) {
        let (allowed_from, allowed_to) = kind.endpoints();
        let ok_from = self.resolve(src, from, NodeKind::ALL);
        let ok_to = self.resolve(src, to, NodeKind::ALL);
        if !(ok_from && ok_to) {
            return;
        }
        let fk = self.defs[from.get_ref()].kind;
        let tk = self.defs[to.get_ref()].kind;
        if !allowed_from.contains(&fk) || !allowed_to.contains(&tk) {
            let list = |ks: &[NodeKind]| {
                ks.iter()
                    .map(|k| k.as_str())
                    .collect::<Vec<_>>()
                    .join(" or ")
            };
            self.err(
                src,
                from.span().start,
                ReadError::WrongEndpoints {
                    edge: kind.as_str().into(),
                    from: from.get_ref().clone(),
                    from_kind: fk.as_str().into(),
                    to: to.get_ref().clone(),
                    to_kind: tk.as_str().into(),
                    allowed_from: list(allowed_from),
                    allowed_to: list(allowed_to),
                },
            );
            return;
        }
        if !self.check_quote(src, article, quote) {
            return;
        }
        self.corpus.relations.push(Relation {
            from: from.get_ref().clone(),
            kind,
            to: to.get_ref().clone(),
            evidence: Evidence {
                article: article.into(),
                quote: quote.get_ref().clone().into(),
            },
            stance,
            note,
            origin,
        });
    }

    fn validate_entities(&mut self) {
        let entities = std::mem::take(&mut self.entities);
        for (src, node_kind, e) in entities {
            self.non_empty(src, "name", &e.name);
            let kind_ok = match node_kind {
                NodeKind::Actor => self
                    .parse_enum(
                        src,
                        "actor kind",
                        &e.kind,
                        ActorKind::parse,
                        ActorKind::names(),
                    )
                    .is_some(),
                NodeKind::Policy => self
                    .parse_enum(
                        src,
                        "policy kind",
                        &e.kind,
                        PolicyKind::parse,
                        PolicyKind::names(),
                    )
                    .is_some(),
                _ => self
                    .parse_enum(
                        src,
                        "event kind",
                        &e.kind,
                        EventKind::parse,
                        EventKind::names(),
                    )
                    .is_some(),
            };
            let date = match (&e.date, node_kind) {
                (Some(d), NodeKind::Event) => self.parse_date(src, d),
                (None, NodeKind::Event) => {
                    self.err(
                        src,
                        e.id.span().start,
                        ReadError::Invalid {
                            message: format!("event '{}' has no date", e.id.get_ref()),
                        },
                    );
                    None
                }
                (Some(d), _) => {
                    self.err(
                        src,
                        d.span().start,
                        ReadError::Invalid {
                            message: "only events have a date; actors have roles".into(),
                        },
                    );
                    None
                }
                (None, _) => None,
            };
            if node_kind != NodeKind::Actor && (!e.role.is_empty() || !e.affiliation.is_empty()) {
                self.err(
                    src,
                    e.id.span().start,
                    ReadError::Invalid {
                        message: format!(
                            "only actors have roles and affiliations ('{}')",
                            e.id.get_ref()
                        ),
                    },
                );
            }
            if node_kind != NodeKind::Policy && !e.lineage.is_empty() {
                self.err(
                    src,
                    e.id.span().start,
                    ReadError::Invalid {
                        message: format!("only policies have a lineage ('{}')", e.id.get_ref()),
                    },
                );
            }
            let mut roles = Vec::new();
            for r in &e.role {
                if let Some(of) = &r.of {
                    self.resolve(src, of, &[NodeKind::Actor]);
                }
                let from = r.from.as_ref().and_then(|d| self.parse_date(src, d));
                let to = r.to.as_ref().and_then(|d| self.parse_date(src, d));
                if let (Some(f), Some(t)) = (from, to) {
                    if t < f {
                        self.err(
                            src,
                            r.title.span().start,
                            ReadError::BadDate {
                                message: format!(
                                    "role '{}' ends ({t}) before it starts ({f})",
                                    r.title.get_ref()
                                ),
                            },
                        );
                    }
                }
                roles.push(Role {
                    title: r.title.get_ref().clone(),
                    of: r.of.as_ref().map(|o| o.get_ref().clone()),
                    from,
                    to,
                });
            }
            for link in &e.affiliation {
                let o = origin(link.extracted, link.confidence);
                let article = link.article.get_ref().clone();
                self.edge(
                    src,
                    &e.id,
                    EdgeKind::MemberOf,
                    &link.to,
                    &article,
                    &link.quote,
                    None,
                    link.note.clone(),
                    o,
                );
            }
            for link in &e.lineage {
                let kind = match &link.kind {
                    Some(k) => match self.parse_enum(
                        src,
                        "lineage kind",
                        k,
                        EdgeKind::parse,
                        "evolves-into | replaces | part-of".into(),
                    ) {
                        Some(
                            k @ (EdgeKind::EvolvesInto | EdgeKind::Replaces | EdgeKind::PartOf),
                        ) => k,
                        Some(_) => {
                            self.err(
                                src,
                                k.span().start,
                                ReadError::BadKind {
                                    field: "lineage kind".into(),
                                    value: k.get_ref().clone(),
                                    expected: "evolves-into | replaces | part-of".into(),
                                },
                            );
                            continue;
                        }
                        None => continue,
                    },
                    None => EdgeKind::EvolvesInto,
                };
                let o = origin(link.extracted, link.confidence);
                let article = link.article.get_ref().clone();
                self.edge(
                    src,
                    &e.id,
                    kind,
                    &link.to,
                    &article,
                    &link.quote,
                    None,
                    link.note.clone(),
                    o,
                );
            }
            if !kind_ok {
                continue;
            }
            let id = e.id.get_ref().clone();
            self.corpus.entities.insert(
                id.clone(),
                Entity {
                    id,
                    name: e.name.get_ref().clone(),
                    node_kind,
                    kind: e
                        .kind
                        .get_ref()
                        .trim()
                        .to_ascii_lowercase()
                        .replace('_', "-"),
                    aliases: e
                        .aliases
                        .iter()
                        .map(|a| a.get_ref().clone())
                        .filter(|a| !a.trim().is_empty())
                        .collect(),
                    description: e.description.clone(),
                    date,
                    roles,
                    origin: origin(e.extracted, e.confidence),
                },
            );
        }
    }

    fn validate_articles(&mut self) {
        let articles = std::mem::take(&mut self.articles);
        for (stem, a) in &articles {
            self.validate_article(stem, a);
        }
        // Echoes should point back in time.
        let mut late = Vec::new();
        for r in &self.corpus.relations {
            if r.kind != EdgeKind::Echoes {
                continue;
            }
            let (Some(fc), Some(tc)) = (
                self.corpus.claims.get(&r.from),
                self.corpus.claims.get(&r.to),
            ) else {
                continue;
            };
            let (Some(fd), Some(td)) = (
                self.corpus.article_date(&fc.evidence.article),
                self.corpus.article_date(&tc.evidence.article),
            ) else {
                continue;
            };
            if fc.evidence.article == tc.evidence.article {
                late.push((
                    r.from.clone(),
                    format!(
                        "'{}' echoes '{}' from the same article; use supports instead",
                        r.from, r.to
                    ),
                ));
            } else if td > fd {
                late.push((r.from.clone(), format!("'{}' ({fd}) echoes '{}', which is later ({td}); echoes point to an earlier claim", r.from, r.to)));
            }
        }
        for (id, message) in late {
            let loc = self
                .defs
                .get(&id)
                .map(|d| self.loc(d.src, d.offset))
                .unwrap_or_default();
            self.diags
                .push(Diagnostic::warning(loc, ReadError::Invalid { message }));
        }
    }

    fn validate_article(&mut self, stem: &str, a: &PendingArticle) {
        let src = a.src;
        let Some(h) = &a.head else { return };
        self.non_empty(src, "title", &h.title);
        let art_id = Spanned::new(h.title.span(), levelmap_model::article_node_id(stem));
        // Date.
        let d = h.date.get_ref();
        let value = self.parse_date(src, &d.value);
        let provenance = self.parse_enum(
            src,
            "date provenance",
            &d.provenance,
            DateProvenance::parse,
            DateProvenance::names(),
        );
        if let Some(ev) = &d.evidence {
            self.check_quote(src, stem, ev);
        }
        if provenance == Some(DateProvenance::Inferred) {
            if d.reasoning.as_deref().is_none_or(|r| r.trim().is_empty()) {
                self.err(
                    src,
                    h.date.span().start,
                    ReadError::Invalid {
                        message: "an inferred date needs its reasoning: add reasoning = \"...\""
                            .into(),
                    },
                );
            }
            if d.evidence.is_none() {
                self.err(src, h.date.span().start, ReadError::Invalid { message: "an inferred date needs the sentence it rests on: add evidence = \"...\"".into() });
            }
        }
        for au in &a.author {
            let o = origin(au.extracted, au.confidence);
            self.edge(
                src,
                &au.actor,
                EdgeKind::Authored,
                &art_id,
                stem,
                &au.quote,
                None,
                None,
                o,
            );
        }
        if let Some(out) = &h.outlet {
            let o = origin(out.extracted, out.confidence);
            self.edge(
                src,
                &art_id,
                EdgeKind::PublishedBy,
                &out.actor,
                stem,
                &out.quote,
                None,
                None,
                o,
            );
        }
        for r in &a.refers_to {
            let o = origin(r.extracted, r.confidence);
            self.edge(
                src,
                &art_id,
                EdgeKind::RefersTo,
                &r.event,
                stem,
                &r.quote,
                None,
                None,
                o,
            );
        }
        for c in &a.candidate {
            self.check_quote(src, stem, &c.quote);
            let node_kind = kind_of_id(c.id.get_ref()).unwrap_or(NodeKind::Actor);
            self.corpus.entities.insert(
                c.id.get_ref().clone(),
                Entity {
                    id: c.id.get_ref().clone(),
                    name: c.name.clone(),
                    node_kind,
                    kind: c.kind.clone().unwrap_or_else(|| "organisation".into()),
                    aliases: c.aliases.clone(),
                    description: Some(format!(
                        "candidate found in {stem}: \"{}\"",
                        c.quote.get_ref()
                    )),
                    date: None,
                    roles: vec![],
                    origin: Origin::Extracted(c.confidence.unwrap_or(0.5)),
                },
            );
        }
        for c in &a.claim {
            let o = origin(c.extracted, c.confidence);
            self.non_empty(src, "text", &c.text);
            let quote_ok = self.check_quote(src, stem, &c.quote);
            let kind = match &c.kind {
                Some(k) => self
                    .parse_enum(src, "claim kind", k, ClaimKind::parse, ClaimKind::names())
                    .unwrap_or(ClaimKind::Evaluation),
                None => ClaimKind::Evaluation,
            };
            if let Some(sp) = &c.speaker {
                if self.resolve(src, sp, &[NodeKind::Actor]) && quote_ok {
                    self.corpus.relations.push(Relation {
                        from: c.id.get_ref().clone(),
                        kind: EdgeKind::AttributedTo,
                        to: sp.get_ref().clone(),
                        evidence: Evidence {
                            article: stem.into(),
                            quote: c.quote.get_ref().clone().into(),
                        },
                        stance: None,
                        note: None,
                        origin: o,
                    });
                }
            }
            let mut seen = BTreeSet::new();
            for ab in &c.about {
                let stance =
                    self.parse_enum(src, "stance", &ab.stance, Stance::parse, Stance::names());
                if !seen.insert(ab.policy.get_ref().clone()) {
                    self.err(
                        src,
                        ab.policy.span().start,
                        ReadError::Invalid {
                            message: format!("'{}' is listed twice in about", ab.policy.get_ref()),
                        },
                    );
                    continue;
                }
                if self.resolve(src, &ab.policy, &[NodeKind::Policy]) && quote_ok {
                    self.corpus.relations.push(Relation {
                        from: c.id.get_ref().clone(),
                        kind: EdgeKind::About,
                        to: ab.policy.get_ref().clone(),
                        evidence: Evidence {
                            article: stem.into(),
                            quote: c.quote.get_ref().clone().into(),
                        },
                        stance,
                        note: None,
                        origin: o,
                    });
                }
            }
            for (list, kind) in [
                (&c.supports, EdgeKind::Supports),
                (&c.attacks, EdgeKind::Attacks),
                (&c.echoes, EdgeKind::Echoes),
            ] {
                for target in list {
                    if target.get_ref() == c.id.get_ref() {
                        self.err(
                            src,
                            target.span().start,
                            ReadError::Invalid {
                                message: format!("claim '{}' {} itself", target.get_ref(), kind),
                            },
                        );
                        continue;
                    }
                    if self.resolve(src, target, &[NodeKind::Claim]) && quote_ok {
                        self.corpus.relations.push(Relation {
                            from: c.id.get_ref().clone(),
                            kind,
                            to: target.get_ref().clone(),
                            evidence: Evidence {
                                article: stem.into(),
                                quote: c.quote.get_ref().clone().into(),
                            },
                            stance: None,
                            note: None,
                            origin: o,
                        });
                    }
                }
            }
            if quote_ok {
                self.corpus.claims.insert(
                    c.id.get_ref().clone(),
                    Claim {
                        id: c.id.get_ref().clone(),
                        text: c.text.get_ref().clone(),
                        evidence: Evidence {
                            article: stem.into(),
                            quote: c.quote.get_ref().clone().into(),
                        },
                        kind,
                        speaker: c.speaker.as_ref().map(|s| s.get_ref().clone()),
                        hedged: c.hedged,
                        origin: o,
                    },
                );
            }
        }
        for r in &a.relation {
            let Some(kind) = self.parse_enum(
                src,
                "edge kind",
                &r.kind,
                EdgeKind::parse,
                EdgeKind::names(),
            ) else {
                continue;
            };
            if matches!(
                kind,
                EdgeKind::Makes | EdgeKind::About | EdgeKind::AttributedTo
            ) {
                self.err(
                    src,
                    r.kind.span().start,
                    ReadError::Invalid {
                        message: format!(
                            "'{kind}' edges are written in a [[claim]], not as a [[relation]]"
                        ),
                    },
                );
                continue;
            }
            let o = origin(r.extracted, r.confidence);
            self.edge(
                src,
                &r.from,
                kind,
                &r.to,
                stem,
                &r.quote,
                None,
                r.note.clone(),
                o,
            );
        }
        if let (Some(value), Some(provenance)) = (value, provenance) {
            self.corpus.articles.insert(
                stem.to_string(),
                Article {
                    id: stem.to_string(),
                    title: h.title.get_ref().clone(),
                    url: h.url.clone(),
                    date: ArticleDate {
                        value,
                        provenance,
                        evidence: d.evidence.as_ref().map(|e| e.get_ref().clone()),
                        reasoning: d.reasoning.clone(),
                    },
                    text: a.text.clone(),
                    text_path: a.text_path.display().to_string(),
                    origin: origin(h.extracted, h.confidence),
                },
            );
        }
    }
}
