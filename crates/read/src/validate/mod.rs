//! Validating the records once every id is defined: each field's value (dates, kinds,
//! non-empty text), then the lexicon entries ([`entities`]) and the articles
//! ([`article`]), which become the corpus' entities, articles, claims and relations;
//! last, the checks across articles (echoes point back in time).

mod article;
mod entities;

use levelmap_model::date::PartialDate;
use levelmap_model::rules::DateSpan;
use levelmap_model::EdgeKind;

use rayon::prelude::*;

use crate::raw::S;
use crate::reader::{DateField, PendingArticle, Quotes, Reader};
use crate::{Diagnostic, ReadError};

impl Reader {
    /// Parse a date field; report a bad one.
    pub(crate) fn parse_date(&mut self, src: usize, s: &S) -> Option<PartialDate> {
        self.parse_date_of(src, s, false)
    }

    /// Today: the clock's date, read once per corpus.
    pub(crate) fn today(&mut self) -> PartialDate {
        *self.today.get_or_insert_with(levelmap_model::date::today)
    }

    /// Parse a date field, an article's when `article`; report a bad one or one after
    /// today, and keep a good one for the check of dates far from the others.
    pub(crate) fn parse_date_of(
        &mut self,
        src: usize,
        s: &S,
        article: bool,
    ) -> Option<PartialDate> {
        match PartialDate::parse(s.get_ref()) {
            Ok(d) if d.is_after(self.today()) => {
                let today = self.today();
                self.err(
                    src,
                    s.span().start,
                    ReadError::FutureDate {
                        date: d.to_string(),
                        today: today.to_string(),
                    },
                );
                None
            }
            Ok(d) => {
                self.dates.push(DateField {
                    src,
                    offset: s.span().start,
                    date: d,
                    article,
                });
                Some(d)
            }
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

    /// Parse a kind-like field with `parse`; report a value not among `names`.
    pub(crate) fn parse_enum<T>(
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

    /// Report a field with nothing but blanks.
    pub(crate) fn non_empty(&mut self, src: usize, field: &str, s: &S) -> bool {
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

    /// Validate every article, then check the echoes across them.
    ///
    /// Each article is validated by a reader of its own on all cores ([`Self::worker`]:
    /// the definitions shared, its own source and quote index lent), and what each
    /// found is taken in in stem order: the same corpus and diagnostics as one by one.
    /// The articles go in batches of [`VALIDATE_BATCH`], each taken in before the next
    /// is validated, into a list of relations reserved once for all of them: the
    /// workers' relations of every article, held at once beside the corpus' copy of
    /// them, were a third of the peak of a first read of 100,000 articles.
    pub(crate) fn validate_articles(&mut self) {
        let today = self.today();
        let pending = std::mem::take(&mut self.articles);
        self.corpus
            .relations
            .reserve(relations_bound(pending.values()));
        let mut pending = pending.into_iter();
        loop {
            // (stem, worker, article, the article's source index here)
            let lent: Vec<(String, Reader, PendingArticle, usize)> = pending
                .by_ref()
                .take(VALIDATE_BATCH)
                .map(|(stem, a)| {
                    let src = a.src;
                    let (worker, a) = self.worker(&stem, a, today);
                    (stem, worker, a, src)
                })
                .collect();
            if lent.is_empty() {
                break;
            }
            // Each pending article is dropped once validated (its text moves into the
            // corpus' article): the readers never hold two copies of every text.
            let done: Vec<(String, Reader, usize)> = lent
                .into_par_iter()
                .with_min_len(16)
                .map(|(stem, mut worker, a, src)| {
                    worker.validate_article(&stem, a);
                    (stem, worker, src)
                })
                .collect();
            for (stem, worker, src) in done {
                self.take_validated(stem, worker, src);
            }
        }
        self.check_echoes();
        self.check_far_dates();
    }

    /// A reader to validate the article `stem` on another thread: the definitions
    /// shared, the article's source and quote index moved in (as source 0; an
    /// article's quotes are all found, if at all, in its own annotation's source),
    /// today given.
    fn worker(
        &mut self,
        stem: &str,
        mut a: PendingArticle,
        today: PartialDate,
    ) -> (Reader, PendingArticle) {
        let src = a.src;
        let mut quote_index = std::collections::BTreeMap::new();
        if let Some(mut q) = self.quote_index.remove(stem) {
            if let Quotes::AllFound { src: own } = &mut q {
                // Another source's quotes are never all found in the worker.
                *own = if *own == src { 0 } else { usize::MAX };
            }
            quote_index.insert(stem.to_string(), q);
        }
        a.src = 0;
        let worker = Reader {
            defs: self.defs.clone(),
            sources: vec![std::mem::take(&mut self.sources[src])],
            quote_index,
            today: Some(today),
            ..Reader::default()
        };
        (worker, a)
    }

    /// Take in what a worker validated: its source and quote index back, its
    /// diagnostics, dates and records after those of the articles before it.
    fn take_validated(&mut self, stem: String, mut w: Reader, src: usize) {
        if let Some(source) = w.sources.pop() {
            self.sources[src] = source;
        }
        if let Some(mut q) = w.quote_index.remove(&stem) {
            if let Quotes::AllFound { src: own } = &mut q {
                *own = if *own == 0 { src } else { usize::MAX };
            }
            self.quote_index.insert(stem, q);
        }
        self.diags.append(&mut w.diags);
        self.dates.extend(w.dates.into_iter().map(|mut d| {
            d.src = src;
            d
        }));
        let corpus = w.corpus;
        self.corpus.articles.extend(corpus.articles);
        self.corpus.entities.extend(corpus.entities);
        self.corpus.claims.extend(corpus.claims);
        self.corpus.relations.extend(corpus.relations);
    }

    /// Warn about each date more than [`levelmap_model::rules::FAR_YEARS`] years from the median year
    /// of the articles' dates (of all dates, in a corpus without articles): a typo
    /// such as `0202` for `2020` makes the time-layered drawings ten times wider.
    fn check_far_dates(&mut self) {
        let articles: Vec<PartialDate> = self
            .dates
            .iter()
            .filter(|f| f.article)
            .map(|f| f.date)
            .collect();
        let reference = if articles.is_empty() {
            self.dates.iter().map(|f| f.date).collect()
        } else {
            articles
        };
        let Some(span) = DateSpan::of(&reference) else {
            return;
        };
        let dates = std::mem::take(&mut self.dates);
        for f in dates.iter().filter(|f| span.is_far(f.date)) {
            let loc = self.loc(f.src, f.offset);
            self.diags.push(Diagnostic::warning(
                loc,
                ReadError::FarDate {
                    date: f.date.to_string(),
                    span: span.to_string(),
                },
            ));
        }
    }

    /// Echoes should point back in time: warn about one to a later claim, or to a
    /// claim of the same article.
    fn check_echoes(&mut self) {
        let corpus = &self.corpus;
        // On all cores; `collect` keeps the relations' order.
        let late: Vec<(String, String)> = corpus
            .relations
            .par_iter()
            .filter(|r| r.kind == EdgeKind::Echoes)
            .filter_map(|r| {
                let fc = corpus.claims.get(&r.from)?;
                let tc = corpus.claims.get(&r.to)?;
                let fd = corpus.article_date(&fc.evidence.article)?;
                let td = corpus.article_date(&tc.evidence.article)?;
                if fc.evidence.article == tc.evidence.article {
                    Some((
                        r.from.clone(),
                        format!(
                            "'{}' echoes '{}' from the same article; use supports instead",
                            r.from, r.to
                        ),
                    ))
                } else if td > fd {
                    Some((r.from.clone(), format!("'{}' ({fd}) echoes '{}', which is later ({td}); echoes point to an earlier claim", r.from, r.to)))
                } else {
                    None
                }
            })
            .collect();
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
}

/// How many articles are validated at once (on all cores) before they are taken in.
/// At 100,000 articles, batches of 1,024 peaked at 7.07 GB on a rebuild but read in
/// 17.5 to 18.9 s (the memory of each batch freed and faulted in again); of 8,192,
/// 7.14 GB and 13.1 s, against 12.0 s validated all at once (docs/scale.md).
const VALIDATE_BATCH: usize = 8192;

/// At least as many relations as the articles' records can make: each relation,
/// author, outlet and event referred to, and each claim's speaker, policies and links
/// (a bound: a record that does not validate makes none).
fn relations_bound<'a>(articles: impl Iterator<Item = &'a PendingArticle>) -> usize {
    articles
        .map(|a| {
            let r = &a.records;
            let claims: usize = r
                .claim
                .iter()
                .map(|c| 1 + c.about.len() + c.supports.len() + c.attacks.len() + c.echoes.len())
                .sum();
            r.relation.len() + r.author.len() + 1 + r.refers_to.len() + claims
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use toml::Spanned;

    use crate::reader::Reader;
    use crate::testing::{messages, Corpus, LEXICON};

    /// Articles validated on worker threads are taken in in stem order: 60 articles
    /// (more than one thread's share), each with a good and a bad reference, give
    /// their relations, claims and errors in the order of one-by-one validation.
    #[test]
    fn articles_validated_on_all_cores_keep_the_order_of_one_by_one() {
        let mut c = Corpus::new();
        for (path, text) in LEXICON {
            c = c.file(path, text);
        }
        for i in 0..60 {
            let toml = format!(
                "title = \"A{i}\"\n[date]\nvalue = \"2021-05\"\nprovenance = \"stated\"\n\
                 [[author]]\nactor = \"actor:ann\"\nquote = \"Ann\"\n\
                 [[claim]]\nid = \"claim:c{i:02}\"\ntext = \"t\"\nquote = \"works\"\n\
                 about = [{{ policy = \"policy:towns\", stance = \"for\" }}, \
                 {{ policy = \"policy:nope{i:02}\", stance = \"for\" }}]\n\
                 [[claim]]\nid = \"claim:d{i:02}\"\ntext = \"t\"\nquote = \"absent {i}\"\n"
            );
            c = c.article(&format!("2021-05-a{i:02}"), "Ann said it works.", &toml);
        }
        let reading = c.read();
        let want: Vec<String> = (0..60)
            .flat_map(|i| {
                [
                    format!("unknown policy id 'policy:nope{i:02}'"),
                    format!("quote not found in article '2021-05-a{i:02}'"),
                ]
            })
            .collect();
        let got: Vec<String> = messages(&reading)
            .into_iter()
            .map(|m| {
                m.split(" (")
                    .next()
                    .unwrap_or("")
                    .split(": ")
                    .next()
                    .unwrap_or("")
                    .to_string()
            })
            .collect();
        let got: Vec<&str> = got.iter().map(|m| m.trim_end_matches(['.', ';'])).collect();
        let want: Vec<&str> = want.iter().map(String::as_str).collect();
        assert_eq!(got.len(), want.len(), "{got:?}");
        for (g, w) in got.iter().zip(&want) {
            assert!(g.starts_with(w), "{g} / {w}");
        }
        for (i, d) in reading.diagnostics.iter().enumerate() {
            let file = d.location.file.file_name().unwrap().to_string_lossy();
            assert_eq!(file, format!("2021-05-a{:02}.toml", i / 2));
            assert!(d.location.line.is_some_and(|l| l > 4), "{d:?}");
        }
        let claims: Vec<&str> = reading.corpus.claims.keys().map(String::as_str).collect();
        assert_eq!(claims.len(), 60);
        let from: Vec<(String, &str)> = reading
            .corpus
            .relations
            .iter()
            .map(|r| (r.evidence.article.to_string(), r.kind.as_str()))
            .collect();
        let want: Vec<(String, &str)> = (0..60)
            .flat_map(|i| {
                let a = format!("2021-05-a{i:02}");
                [(a.clone(), "authored"), (a, "about")]
            })
            .collect();
        assert_eq!(from, want);
    }
    use crate::Severity;

    fn s(v: &str) -> Spanned<String> {
        Spanned::new(0..v.len(), v.to_string())
    }

    #[test]
    fn field_values_are_checked() {
        let mut r = Reader::default();
        let src = r.push_source(Path::new("a.toml"), "x\n".into());
        assert!(r.parse_date(src, &s("2021-02")).is_some());
        assert!(r.parse_date(src, &s("2021-02-30")).is_none());
        r.today = Some("2026-12-02".parse().unwrap());
        assert!(r.parse_date(src, &s("2026-12")).is_some());
        assert!(r.parse_date(src, &s("2039")).is_none());
        assert!(r
            .parse_enum(
                src,
                "stance",
                &s("sideways"),
                levelmap_model::Stance::parse,
                "for | against".into()
            )
            .is_none());
        assert!(!r.non_empty(src, "title", &s("  ")));
        let m = messages(&r.finish());
        assert!(m[0].starts_with("bad date"), "{m:?}");
        assert_eq!(
            m[1],
            "date 2039 is after today (2026-12-02); is the year mistyped?"
        );
        assert_eq!(
            m[2],
            "unknown stance 'sideways': expected one of for | against"
        );
        assert_eq!(m[3], "'title' is empty");
    }

    fn article(date: &str, claim: &str, echoes: &str) -> String {
        format!(
            "title = \"T\"\n[date]\nvalue = \"{date}\"\nprovenance = \"stated\"\n\
             [[claim]]\nid = \"claim:{claim}\"\ntext = \"t\"\nquote = \"Ann said\"\n{echoes}"
        )
    }

    #[test]
    fn an_echo_of_a_later_claim_is_a_warning() {
        let mut c = Corpus::new();
        for (path, text) in LEXICON {
            c = c.file(path, text);
        }
        let reading = c
            .article(
                "2020-01-a",
                "Ann said so.",
                &article("2020-01", "early", "echoes = [\"claim:late\"]\n"),
            )
            .article(
                "2022-01-b",
                "Ann said it again.",
                &article("2022-01", "late", ""),
            )
            .read();
        assert_eq!(reading.error_count(), 0, "{:?}", messages(&reading));
        assert_eq!(reading.diagnostics.len(), 1);
        assert_eq!(reading.diagnostics[0].severity, Severity::Warning);
        assert!(messages(&reading)[0].contains("which is later (2022-01)"));
        assert_eq!(reading.diagnostics[0].location.line, Some(6));
    }
}
