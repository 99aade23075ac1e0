//! Parsing the files read: TOML documents into the raw records of [`crate::raw`],
//! one record at a time so that one bad record does not hide the others.

use std::path::Path;

use serde::de::{DeserializeOwned, IntoDeserializer};
use serde::Deserialize;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

use levelmap_model::evidence::{QuoteIndex, QuoteMatch};
use levelmap_model::NodeKind;

use crate::layout;
use crate::raw::{RawArticleHead, RawEntity};
use crate::reader::{Hashed, PendingArticle, Quotes, Reader, Records};
use crate::{cache, stamp, Diagnostic, Location, ReadError};

impl Reader {
    /// Report a TOML error (syntax or type) at its span.
    pub(crate) fn toml_error(&mut self, src: usize, e: &toml::de::Error) {
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

    /// Read a lexicon file holding `[[key]]` entries of `kind`; they wait for validation.
    pub(crate) fn read_lexicon_file(&mut self, path: &Path, key: &str, kind: NodeKind) {
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

    /// Read an article's text and annotation; it waits for validation.
    pub(crate) fn read_article(&mut self, stem: &str, txt: &Path, ann: &Path) {
        let Some(text) = self.read_file(txt) else {
            return;
        };
        if let Some(h) = self.hasher.as_mut() {
            stamp::hash_file(h, &layout::text_file_name(stem), text.as_bytes());
        }
        if let Some(log) = self.hash_log.as_mut() {
            log.push((layout::text_file_name(stem), Hashed::ArticleText));
        }
        if let Some(problem) = levelmap_model::id_problem(&format!("article:{stem}")) {
            self.diags.push(Diagnostic::error(
                Location::file(ann),
                ReadError::BadId {
                    id: stem.to_string(),
                    reason: format!(
                        "an article's file name must be lowercase letters, digits and hyphens ({problem})"
                    ),
                },
            ));
        }
        let Some(src) = self.add_source(ann) else {
            // The text went into the digest; an article's reader keeps it for that.
            if let Some((_, what @ Hashed::ArticleText)) =
                self.hash_log.as_mut().and_then(|log| log.last_mut())
            {
                *what = Hashed::Owned(text);
            }
            return;
        };
        let mut pending = PendingArticle {
            src,
            text,
            text_path: txt.to_path_buf(),
            records: Records::default(),
        };
        let quotes = self.parse_or_reuse(stem, &mut pending);
        self.quote_index.insert(stem.to_string(), quotes);
        self.articles.insert(stem.to_string(), pending);
    }

    /// Fill `pending` with its annotation's records, from the read cache when it holds
    /// these exact files, else parsed (and, when the parse is clean, kept for the cache);
    /// then what is known of its quotes.
    fn parse_or_reuse(&mut self, stem: &str, pending: &mut PendingArticle) -> Quotes {
        let src = pending.src;
        let key = self.cache.as_ref().map(|_| {
            cache::key(
                stem,
                pending.text.as_bytes(),
                self.sources[src].text.as_bytes(),
            )
        });
        let cache = self.cache.clone();
        let payload = cache
            .as_deref()
            .zip(key.as_ref())
            .and_then(|(c, k)| c.get(k));
        // The entry to keep: `Some(None)` for one reused (the file read holds its
        // bytes, which are not copied), `Some(Some(records))` for one parsed cleanly,
        // `None` for one parsed with problems (parsed, and reported, again next time).
        let (entry, quotes_found) = match payload.and_then(cache::decode) {
            Some(cached) => {
                self.cache_reused += 1;
                pending.records = cached.records;
                (Some(None), cached.quotes_found)
            }
            None => {
                self.cache_parsed += 1;
                let before = self.diags.len();
                self.parse_annotation(pending);
                let clean = self.diags.len() == before;
                (
                    (key.is_some() && clean).then(|| Some(cache::encode(pending))),
                    false,
                )
            }
        };
        let quotes = if quotes_found {
            Quotes::AllFound { src }
        } else {
            // Every quote is looked for now, on this article's thread; when all are
            // found, the index is not kept (validation asks again and is told yes).
            let index = QuoteIndex::new(&pending.text);
            if quotes_of(pending).all(|q| index.find(q) == QuoteMatch::Found) {
                Quotes::AllFound { src }
            } else {
                Quotes::Index(index)
            }
        };
        if let (Some(key), Some(records)) = (key, entry) {
            self.cache_entries.push(cache::Entry {
                key,
                quotes_found: matches!(quotes, Quotes::AllFound { .. }),
                records,
            });
        }
        quotes
    }

    /// Parse an annotation into its head and its arrays of tables.
    fn parse_annotation(&mut self, pending: &mut PendingArticle) {
        let src = pending.src;
        let source_text = self.sources[src].text.clone();
        let Some(doc) = self.parse_doc(src, &source_text) else {
            return;
        };
        let mut head = DeTable::new();
        for (k, v) in doc {
            match k.get_ref().as_ref() {
                "author" => pending.records.author = self.each(src, "author", v),
                "refers_to" => pending.records.refers_to = self.each(src, "refers_to", v),
                "claim" => pending.records.claim = self.each(src, "claim", v),
                "relation" => pending.records.relation = self.each(src, "relation", v),
                "candidate" => pending.records.candidate = self.each(src, "candidate", v),
                _ => {
                    head.insert(k, v);
                }
            }
        }
        let whole = 0..self.sources[src].text.len();
        let value = Spanned::new(whole, DeValue::Table(head));
        match RawArticleHead::deserialize(value.into_deserializer()) {
            Ok(h) => pending.records.head = Some(h),
            Err(e) => self.toml_error(src, &e),
        }
    }
}

/// Every quote an annotation holds, each of which validation looks for in its text.
fn quotes_of(a: &PendingArticle) -> impl Iterator<Item = &str> {
    let head = a.records.head.iter().flat_map(|h| {
        let date = h.date.get_ref().evidence.iter();
        date.chain(h.outlet.iter().map(|o| &o.quote))
    });
    head.chain(a.records.author.iter().map(|x| &x.quote))
        .chain(a.records.refers_to.iter().map(|x| &x.quote))
        .chain(a.records.candidate.iter().map(|x| &x.quote))
        .chain(a.records.claim.iter().map(|x| &x.quote))
        .chain(a.records.relation.iter().map(|x| &x.quote))
        .map(|q| q.get_ref().as_str())
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use levelmap_model::NodeKind;

    use crate::raw::RawEntity;
    use crate::reader::Reader;
    use crate::testing::{messages, with_article, Corpus, HEAD};

    fn reader_with(text: &str) -> (Reader, usize) {
        let mut r = Reader::default();
        let src = r.push_source(Path::new("lexicon/actors.toml"), text.into());
        (r, src)
    }

    #[test]
    fn a_syntax_error_is_located() {
        let (mut r, src) = reader_with("[[actor]]\nid = \n");
        let text = r.sources[src].text.clone();
        assert!(r.parse_doc(src, &text).is_none());
        assert_eq!(r.diags.len(), 1);
        assert_eq!(r.diags[0].location.line, Some(2));
        assert!(r.diags[0].error.to_string().starts_with("malformed TOML"));
    }

    #[test]
    fn one_bad_record_does_not_hide_the_others() {
        let (mut r, src) = reader_with(
            "[[actor]]\nid = \"actor:a\"\nname = \"A\"\nkind = \"person\"\n\
             [[actor]]\nid = \"actor:b\"\nname = \"B\"\nkind = \"person\"\nqoute = \"x\"\n",
        );
        let text = r.sources[src].text.clone();
        let doc = r.parse_doc(src, &text).unwrap();
        let (_, v) = doc.into_iter().next().unwrap();
        let items: Vec<RawEntity> = r.each(src, "actor", v);
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].id.get_ref(), "actor:a");
        assert_eq!(r.diags.len(), 1);
        assert!(r.diags[0].error.to_string().contains("qoute"));
    }

    #[test]
    fn a_table_where_an_array_is_expected_is_reported() {
        let (mut r, src) = reader_with("[actor]\nid = \"actor:a\"\n");
        let text = r.sources[src].text.clone();
        let doc = r.parse_doc(src, &text).unwrap();
        let (_, v) = doc.into_iter().next().unwrap();
        assert!(r.each::<RawEntity>(src, "actor", v).is_empty());
        assert_eq!(
            messages(&r.finish()),
            ["malformed TOML: 'actor' must be an array of tables: write [[actor]]"]
        );
    }

    #[test]
    fn a_lexicon_file_holds_only_its_key() {
        let mut r = Reader::default();
        let c = Corpus::new().file(
            "lexicon/policies.toml",
            "[[actor]]\nid = \"actor:a\"\nname = \"A\"\nkind = \"person\"\n",
        );
        r.read_lexicon_file(
            &c.path().join("lexicon/policies.toml"),
            "policy",
            NodeKind::Policy,
        );
        assert!(r.entities.is_empty());
        assert_eq!(
            messages(&r.finish()),
            ["malformed TOML: unexpected key 'actor': this file holds [[policy]] entries"]
        );
    }

    #[test]
    fn an_article_needs_a_lowercase_stem_and_a_well_typed_head() {
        let reading = Corpus::new().article("Bad_Stem", "x", HEAD).read();
        assert!(messages(&reading)[0].starts_with("bad id 'Bad_Stem'"));
        let reading = with_article("title = \"A\"\n").read();
        assert_eq!(messages(&reading), ["malformed TOML: missing field `date`"]);
    }
}
