//! Validating the lexicon entries: each entry's kind and date, the fields only some
//! kinds may have, an actor's roles and affiliations and a policy's lineage; the valid
//! entries become the corpus' entities.

use levelmap_model::date::PartialDate;
use levelmap_model::{ActorKind, EdgeKind, Entity, EventKind, NodeKind, PolicyKind, Role};

use crate::raw::{RawEntity, RawLink};
use crate::reader::{Reader, Step};
use crate::ReadError;

const LINEAGE_KINDS: &str = "evolves-into | replaces | part-of";

impl Reader {
    /// Validate every lexicon entry in turn.
    pub(crate) fn validate_entities(&mut self) {
        self.begin(Step::Validate);
        let entities = std::mem::take(&mut self.entities);
        for (src, node_kind, e) in entities {
            self.validate_entity(src, node_kind, &e);
        }
    }

    /// Validate one entry and its links; a valid entry becomes an entity.
    fn validate_entity(&mut self, src: usize, node_kind: NodeKind, e: &RawEntity) {
        self.non_empty(src, "name", &e.name);
        let kind_ok = self.entity_kind_ok(src, node_kind, e);
        let date = self.entity_date(src, node_kind, e);
        self.check_kind_only_fields(src, node_kind, e);
        let roles = self.roles(src, e);
        for link in &e.affiliation {
            self.link(src, e, EdgeKind::MemberOf, link);
        }
        for link in &e.lineage {
            if let Some(kind) = self.lineage_kind(src, link) {
                self.link(src, e, kind, link);
            }
        }
        let o = self.origin(src, e.extracted, &e.confidence);
        if !kind_ok {
            return;
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
                origin: o,
            },
        );
    }

    /// Whether the entry's sub-kind is one its node kind has.
    fn entity_kind_ok(&mut self, src: usize, node_kind: NodeKind, e: &RawEntity) -> bool {
        match node_kind {
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
        }
    }

    /// An event's date (which it must have); other entries have none.
    fn entity_date(
        &mut self,
        src: usize,
        node_kind: NodeKind,
        e: &RawEntity,
    ) -> Option<PartialDate> {
        match (&e.date, node_kind) {
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
        }
    }

    /// Roles and affiliations are for actors, a lineage for policies.
    fn check_kind_only_fields(&mut self, src: usize, node_kind: NodeKind, e: &RawEntity) {
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
    }

    /// The entry's roles, with their body resolved and their dates in order.
    fn roles(&mut self, src: usize, e: &RawEntity) -> Vec<Role> {
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
                            message: levelmap_model::rules::role_ends_before_start(
                                r.title.get_ref(),
                                t,
                                f,
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
        roles
    }

    /// A lineage link's edge kind (evolves-into when not given); `None` when reported.
    fn lineage_kind(&mut self, src: usize, link: &RawLink) -> Option<EdgeKind> {
        let Some(k) = &link.kind else {
            return Some(EdgeKind::EvolvesInto);
        };
        match self.parse_enum(
            src,
            "lineage kind",
            k,
            EdgeKind::parse,
            LINEAGE_KINDS.into(),
        ) {
            Some(k @ (EdgeKind::EvolvesInto | EdgeKind::Replaces | EdgeKind::PartOf)) => Some(k),
            Some(_) => {
                self.err(
                    src,
                    k.span().start,
                    ReadError::BadKind {
                        field: "lineage kind".into(),
                        value: k.get_ref().clone(),
                        expected: LINEAGE_KINDS.into(),
                    },
                );
                None
            }
            None => None,
        }
    }

    /// An evidenced edge written in the lexicon, from the entry.
    fn link(&mut self, src: usize, e: &RawEntity, kind: EdgeKind, link: &RawLink) {
        let o = self.origin(src, link.extracted, &link.confidence);
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
}

#[cfg(test)]
mod tests {
    use crate::testing::{messages, with_article, HEAD};

    fn read_lexicon(file: &str, text: &str) -> Vec<String> {
        let reading = with_article(HEAD).file(file, text).read();
        messages(&reading)
    }

    #[test]
    fn a_bad_kind_drops_the_entity() {
        let reading = with_article(HEAD)
            .file(
                "lexicon/actors.toml",
                "[[actor]]\nid = \"actor:ann\"\nname = \"Ann\"\nkind = \"wizard\"\n",
            )
            .read();
        assert!(messages(&reading)[0].starts_with("unknown actor kind 'wizard'"));
        assert!(!reading.corpus.entities.contains_key("actor:ann"));
    }

    #[test]
    fn events_need_a_date_and_only_they_have_one() {
        let m = read_lexicon(
            "lexicon/events.toml",
            "[[event]]\nid = \"event:vote\"\nname = \"V\"\nkind = \"election\"\n",
        );
        assert_eq!(m, ["event 'event:vote' has no date"]);
        let m = read_lexicon(
            "lexicon/policies.toml",
            "[[policy]]\nid = \"policy:towns\"\nname = \"T\"\nkind = \"fund\"\ndate = \"2020\"\n",
        );
        assert_eq!(m, ["only events have a date; actors have roles"]);
    }

    #[test]
    fn a_role_ending_before_it_starts_is_a_bad_date() {
        let m = read_lexicon(
            "lexicon/actors.toml",
            "[[actor]]\nid = \"actor:ann\"\nname = \"Ann\"\nkind = \"person\"\n\
             [[actor.role]]\ntitle = \"Chair\"\nfrom = \"2021\"\nto = \"2019\"\n\
             [[actor]]\nid = \"actor:party\"\nname = \"P\"\nkind = \"party\"\n",
        );
        assert_eq!(
            m,
            ["bad date: role 'Chair' ends (2019) before it starts (2021)"]
        );
    }

    #[test]
    fn lineage_is_for_policies_and_of_policy_kinds() {
        let m = read_lexicon(
            "lexicon/policies.toml",
            "[[policy]]\nid = \"policy:towns\"\nname = \"T\"\nkind = \"fund\"\n\
             [[policy.lineage]]\nkind = \"supports\"\nto = \"policy:towns\"\n\
             article = \"2021-05-a\"\nquote = \"Ann said\"\n",
        );
        assert_eq!(
            m,
            ["unknown lineage kind 'supports': expected one of evolves-into | replaces | part-of"]
        );
        let m = read_lexicon(
            "lexicon/events.toml",
            "[[event]]\nid = \"event:vote\"\nname = \"V\"\nkind = \"election\"\ndate = \"2021\"\n\
             [[event.lineage]]\nto = \"policy:towns\"\narticle = \"2021-05-a\"\nquote = \"Ann said\"\n",
        );
        assert!(m[0].starts_with("only policies have a lineage"), "{m:?}");
    }

    #[test]
    fn a_policy_evolving_into_itself_and_an_actor_member_of_itself_are_errors() {
        let m = read_lexicon(
            "lexicon/policies.toml",
            "[[policy]]\nid = \"policy:towns\"\nname = \"T\"\nkind = \"fund\"\n\
             [[policy.lineage]]\nto = \"policy:towns\"\narticle = \"2021-05-a\"\nquote = \"Ann said\"\n",
        );
        assert_eq!(
            m,
            ["policy 'policy:towns' has a 'evolves-into' edge to itself"]
        );
        let m = read_lexicon(
            "lexicon/actors.toml",
            "[[actor]]\nid = \"actor:ann\"\nname = \"Ann\"\nkind = \"person\"\n\
             [[actor.affiliation]]\nto = \"actor:ann\"\narticle = \"2021-05-a\"\nquote = \"Ann said\"\n",
        );
        assert_eq!(m, ["actor 'actor:ann' has a 'member-of' edge to itself"]);
    }

    #[test]
    fn a_nan_or_out_of_range_confidence_is_an_error() {
        let m = read_lexicon(
            "lexicon/actors.toml",
            "[[actor]]\nid = \"actor:ann\"\nname = \"Ann\"\nkind = \"person\"\n\
             extracted = true\nconfidence = nan\n\
             [[actor]]\nid = \"actor:party\"\nname = \"P\"\nkind = \"party\"\nconfidence = 1.5\n",
        );
        assert_eq!(
            m,
            [
                "confidence nan is not a number from 0 to 1",
                "confidence 1.5 is not a number from 0 to 1"
            ]
        );
    }

    #[test]
    fn a_year_typo_is_a_warning_naming_the_span() {
        let reading = with_article(HEAD)
            .file(
                "lexicon/events.toml",
                "[[event]]\nid = \"event:vote\"\nname = \"V\"\nkind = \"election\"\ndate = \"0202\"\n",
            )
            .read();
        assert_eq!(reading.error_count(), 0, "{:?}", messages(&reading));
        assert_eq!(
            messages(&reading),
            ["date 0202 is more than 100 years from the articles' dates (2021-05); is the year mistyped?"]
        );
        assert_eq!(reading.diagnostics[0].location.line, Some(5));
    }
}
