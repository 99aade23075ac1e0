//! Defining: every id written in the corpus (lexicon entries, articles, candidates and
//! claims) is checked for its form and kind and recorded once, so that references can
//! be resolved whatever order the files come in.

use levelmap_model::{kind_of_id, NodeKind};

use crate::raw::S;
use crate::reader::{Def, Reader, Step};
use crate::{Diagnostic, ReadError};

impl Reader {
    /// Define `id` as a `kind` named `name`; a malformed, wrongly kinded or duplicate
    /// id is reported and not defined.
    pub(crate) fn define(&mut self, id: &S, kind: NodeKind, name: &str, src: usize) -> bool {
        let raw = id.get_ref();
        if let Some(reason) = levelmap_model::id_problem(raw) {
            let loc = self.loc(src, id.span().start);
            self.diags.push(Diagnostic::error(
                loc,
                ReadError::BadId {
                    id: raw.clone(),
                    reason,
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
                    reason: levelmap_model::rules::wrong_prefix(kind),
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
        std::sync::Arc::make_mut(&mut self.defs).insert(
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

    /// Define every lexicon entry, then every article with its candidates and claims;
    /// records whose id could not be defined are dropped.
    pub(crate) fn define_all(&mut self) {
        self.begin(Step::Define);
        let ids = self.entities.len()
            + self
                .articles
                .values()
                .map(|a| 1 + a.records.candidate.len() + a.records.claim.len())
                .sum::<usize>();
        std::sync::Arc::make_mut(&mut self.defs).reserve(ids);
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
            if let Some(h) = &a.records.head {
                let id = levelmap_model::article_node_id(&stem);
                let title = h.title.get_ref().clone();
                std::sync::Arc::make_mut(&mut self.defs).insert(
                    id,
                    Def {
                        kind: NodeKind::Article,
                        name: title,
                        src,
                        offset: 0,
                    },
                );
            }
            a.records.candidate.retain(|c| {
                let kind = kind_of_id(c.id.get_ref()).unwrap_or(NodeKind::Actor);
                self.define(&c.id, kind, &c.name, src)
            });
            a.records
                .claim
                .retain(|c| self.define(&c.id, NodeKind::Claim, c.text.get_ref(), src));
            self.articles.insert(stem, a);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use levelmap_model::NodeKind;
    use toml::Spanned;

    use crate::reader::Reader;
    use crate::testing::messages;
    use crate::ReadError;

    fn id(s: &str, at: usize) -> Spanned<String> {
        Spanned::new(at..at + s.len(), s.to_string())
    }

    fn reader() -> (Reader, usize) {
        let mut r = Reader::default();
        let src = r.push_source(Path::new("lexicon/actors.toml"), "a\nb\nc\n".into());
        (r, src)
    }

    #[test]
    fn a_duplicate_id_points_to_the_first() {
        let (mut r, src) = reader();
        assert!(r.define(&id("actor:a", 0), NodeKind::Actor, "A", src));
        assert!(!r.define(&id("actor:a", 4), NodeKind::Actor, "A again", src));
        assert_eq!(r.defs["actor:a"].name, "A");
        let reading = r.finish();
        assert_eq!(reading.diagnostics[0].location.line, Some(3));
        assert!(matches!(
            &reading.diagnostics[0].error,
            ReadError::DuplicateId { id, first } if id == "actor:a" && first.ends_with(":1:1")
        ));
    }

    #[test]
    fn ids_must_be_well_formed_and_of_their_entry_kind() {
        let (mut r, src) = reader();
        assert!(!r.define(&id("Actor A", 0), NodeKind::Actor, "A", src));
        assert!(!r.define(&id("policy:a", 2), NodeKind::Actor, "A", src));
        assert!(r.defs.is_empty());
        assert_eq!(
            messages(&r.finish()),
            [
                "bad id 'Actor A': not of the form kind:slug",
                "bad id 'policy:a': this entry is a actor, so its id starts with 'actor:'",
            ]
        );
    }
}
