//! New candidates in one sentence: what reading a sentence shares (its words, its
//! lexicon hits, the candidates found so far, proposing a candidate), and the steps
//! after the capitalised runs (`runs`): UK parties and institutions under their
//! usual names, names before a lowercase organisation head, and quoted names and
//! coinages.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::tokens::{is_cap, is_connector, strip_possessive, Tok, Vocab};
use crate::items::{Candidate, Mention, MentionHow};
use crate::lexicon::Lexicon;
use crate::sentences::quote;
use crate::slug::slug;
use crate::words;
use levelmap_model::mentions::is_boundary;
use levelmap_model::NodeKind;

/// One sentence as `scan_sentence` reads it.
pub(super) struct SentenceCtx<'a, 's> {
    pub(super) si: usize,
    pub(super) norm: &'a str,
    pub(super) toks: &'s [Tok<'a>],
    /// The article text and the sentence's byte range in it (for quotes).
    pub(super) q: (&'a str, usize, usize),
    /// Lexicon hits in the sentence.
    pub(super) hit_spans: &'s [(usize, usize)],
    /// Where the sentence has a lowercase organisation head or ", we ": (index in the
    /// [`crate::scan::Set::OrgGate`] list, start byte), by index then start.
    pub(super) org_hits: &'s [(usize, usize)],
}

/// Buffers `scan_sentence` reuses from sentence to sentence.
#[derive(Default)]
pub(super) struct Scratch {
    pub(super) lower: String,
    /// Lexicon hits of a bare head ("White Paper") that a longer name in the same
    /// sentence ("Devolution White Paper") supersedes: (sentence, start, end).
    pub(super) superseded: Vec<(usize, usize, usize)>,
    /// Spans of the sentence that a bill or act with a parenthesis in its name holds
    /// ([`SentenceScan::parenthesised_acts`]): no capitalised run inside them names
    /// anything of its own ("Public Office" of "Public Office (Accountability) Bill").
    pub(super) claimed: Vec<(usize, usize)>,
}

/// What the article has found so far, which each sentence adds to.
pub(super) struct Finds<'f> {
    /// Candidates by id.
    pub(super) cands: &'f mut BTreeMap<String, Candidate>,
    /// Their mentions.
    pub(super) mentions: &'f mut Vec<Mention>,
    /// Roles found beside names: (role, person id).
    pub(super) roles: &'f mut Vec<(String, String)>,
    /// Buffers.
    pub(super) scratch: &'f mut Scratch,
}

/// One sentence being read: its context, the article's vocabulary, the lexicon and
/// the finds to add to. The steps are methods (here and in `runs`, `people`,
/// `contexts` and `acronyms`).
pub(super) struct SentenceScan<'r, 'a, 's> {
    pub(super) c: &'r SentenceCtx<'a, 's>,
    pub(super) vocab: &'r Vocab<'a>,
    pub(super) lex: &'r Lexicon,
    pub(super) out: Finds<'r>,
}

/// Whether token `y` follows token `x` after exactly one space.
pub(super) fn adjacent(norm: &str, x: &Tok, y: &Tok) -> bool {
    let gap = &norm[x.end..y.start];
    // A middle initial: "Jane K. Smith", "Andrew R. T. Davies".
    gap == " " || (gap == ". " && is_initial(x.s))
}

/// "The Irish Times" for the name "Irish Times" found at `start..end` right after a
/// capital "The" ("founder of The Majority", "The Irish Times report"): the name as
/// its owner writes it, an alias, so that the name matches either way it is written.
fn with_capital_the(norm: &str, name: &str, start: usize, end: usize) -> Option<String> {
    (norm[..start].ends_with("The ")
        && !norm[..start - 4].ends_with(|c: char| c.is_alphanumeric())
        && norm.get(start..end) == Some(name))
    .then(|| format!("The {name}"))
}

/// Whether a word is one capital letter, as an initial is.
fn is_initial(w: &str) -> bool {
    w.len() == 1 && w.as_bytes()[0].is_ascii_uppercase()
}

impl SentenceScan<'_, '_, '_> {
    /// Whether `a..b` overlaps a lexicon hit.
    pub(super) fn overlaps(&self, a: usize, b: usize) -> bool {
        self.c.hit_spans.iter().any(|&(s, e)| s < b && a < e)
    }

    /// Whether a lexicon hit overlaps `a..b` without lying strictly inside it: one
    /// that covers it, crosses one of its ends or is the same span.
    pub(super) fn crossed_by_hit(&self, a: usize, b: usize) -> bool {
        self.c
            .hit_spans
            .iter()
            .any(|&(s, e)| s < b && a < e && !(a <= s && e <= b && (s, e) != (a, b)))
    }

    /// Whether `name` is a place the lexicon knows ("Britain").
    pub(super) fn known_place(&self, name: &str) -> bool {
        self.lex
            .id_for_name(name)
            .and_then(|id| self.lex.entities.get(id))
            .is_some_and(|e| e.kind == "place")
    }

    /// Whether `a..b` lies within a lexicon hit.
    pub(super) fn covered(&self, a: usize, b: usize) -> bool {
        self.c.hit_spans.iter().any(|&(s, e)| s <= a && b <= e)
    }

    /// Propose a candidate (or count one more find of it) with its mention at
    /// `start..end`; gives its id.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn add(
        &mut self,
        name: String,
        node_kind: NodeKind,
        kind: &str,
        conf: f64,
        why: String,
        start: usize,
        end: usize,
    ) -> String {
        let q = self.c.q;
        let prefix = if node_kind == NodeKind::Policy {
            "policy"
        } else {
            "actor"
        };
        let id = format!("{prefix}:{}", slug(&name));
        let e = self
            .out
            .cands
            .entry(id.clone())
            .or_insert_with(|| Candidate {
                id: id.clone(),
                name: name.clone(),
                node_kind,
                kind: kind.to_string(),
                aliases: vec![],
                role: None,
                quote: quote(q.0, q.1, q.2),
                count: 0,
                confidence: conf,
                evidence: why,
                known: false,
            });
        e.count += 1;
        e.confidence = e.confidence.max(conf);
        if let Some(alias) = with_capital_the(self.c.norm, &name, start, end) {
            if !e.aliases.contains(&alias) {
                e.aliases.push(alias);
            }
        }
        self.out.mentions.push(Mention {
            id: id.clone(),
            sentence: self.c.si,
            start,
            end,
            how: MentionHow::Candidate,
        });
        id
    }

    /// Give candidate `id` another surface form.
    pub(super) fn add_alias(&mut self, id: &str, alias: Option<&str>) {
        if let (Some(c), Some(a)) = (self.out.cands.get_mut(id), alias) {
            if !c.aliases.iter().any(|x| x == a) && a != c.name {
                c.aliases.push(a.to_string());
            }
        }
    }

    /// UK parties and institutions under their usual names ("the Government",
    /// "Labour", "the Treasury"), from the gazetteer.
    pub(super) fn usual_names(&mut self) {
        let (norm, toks) = (self.c.norm, self.c.toks);
        let mut gaz_until = 0;
        for (ti, t) in toks.iter().enumerate() {
            if !is_cap(t.s) || t.start < gaz_until || self.claimed(t.start, t.end) {
                continue;
            }
            let w0 = strip_possessive(t.s);
            // "the Government" (capitalised, alone) is the national government, and
            // so is "Government" opening a sentence ("Government's role in housing is
            // ...", "Government says targets ...").
            // Local reports write it bare after a lower-case word too ("awaiting
            // approval from Government", "thanks to Government funding"), though not
            // "local Government", "head of Government" or "in Government" (in office).
            let determined = ti > 0
                && (matches!(
                    toks[ti - 1].s,
                    "the" | "The" | "this" | "This" | "new" | "current"
                ) || bare_government_after(toks[ti - 1].s))
                && adjacent(norm, &toks[ti - 1], t);
            let opening = ti == 0
                && norm[..t.start]
                    .trim_matches(['"', '“', '‘', '\''])
                    .is_empty();
            if w0 == "Government"
                && (determined || opening)
                // (a capital after the possessive starts another name: "the
                // Government's Levelling Up Fund")
                && (w0.len() < t.s.len() || toks.get(ti + 1).is_none_or(|n| !is_cap(n.s)))
                && !self.overlaps(t.start, t.start + w0.len())
            {
                let id = self.add(
                    "UK Government".into(),
                    NodeKind::Actor,
                    "government-body",
                    0.6,
                    "'the Government' names the UK Government".into(),
                    t.start,
                    t.start + w0.len(),
                );
                self.add_alias(&id, Some("the Government"));
                continue;
            }
            // Only entries whose first word is this word can match (the whole surface must
            // equal the tokens' text); the rest of the loop checks exactly that.
            for &(surface, canonical, kind) in gazetteer_by_first_word(w0) {
                if !surface.starts_with(w0) {
                    continue;
                }
                let n = surface.split(' ').count();
                if ti + n > toks.len() {
                    continue;
                }
                let (a, b) = (t.start, toks[ti + n - 1].end);
                let text = &norm[a..b];
                let bare = text.strip_suffix("'s").unwrap_or(text);
                if bare != surface {
                    continue;
                }
                // Only a name the lexicon lacks gives the hits inside it way.
                let blocked = self.overlaps(a, a + bare.len())
                    && (self.crossed_by_hit(a, a + bare.len())
                        || self.lex.id_for_name(canonical).is_some());
                if blocked {
                    continue;
                }
                // "Northern Ireland" holds the lexicon's "Ireland" (the Republic): the
                // longer name is the one written, and the hit inside gives way.
                self.supersede_hits_within(a, a + bare.len());
                gaz_until = a + bare.len();
                let node_kind = if levelmap_model::PolicyKind::parse(kind).is_some() {
                    NodeKind::Policy
                } else {
                    NodeKind::Actor
                };
                let id = self.add(
                    canonical.to_string(),
                    node_kind,
                    kind,
                    0.7,
                    format!("'{surface}' names {canonical}"),
                    a,
                    a + bare.len(),
                );
                if surface != canonical {
                    self.add_alias(&id, Some(surface));
                }
            }
        }
    }

    /// A bill or act whose name holds a parenthesis: "Public Office (Accountability)
    /// Bill", "European Union (Withdrawal) Act 2018", "Local Government (Scotland) Act
    /// 1973". Its span is claimed ([`Scratch::claimed`]) and the lexicon hits inside
    /// it ("European Union") give way.
    pub(super) fn parenthesised_acts(&mut self) {
        let (norm, toks) = (self.c.norm, self.c.toks);
        self.out.scratch.claimed.clear();
        for open in space_parens(norm) {
            let Some(end) = act_after_parenthesis(norm, open) else {
                continue;
            };
            let Some((a, _)) = cap_run_before_as(norm, toks, open, true) else {
                continue;
            };
            if self.covered(a, end) {
                continue;
            }
            self.supersede_hits_within(a, end);
            self.add(
                norm[a..end].to_string(),
                NodeKind::Policy,
                "measure",
                0.7,
                "a bill or act named with a parenthesis".into(),
                a,
                end,
            );
            self.out.scratch.claimed.push((a, end));
        }
    }

    /// The lexicon hits inside `a..b` give way to the longer name there ("Local
    /// Government" inside a "New Deal for Local Government").
    pub(super) fn supersede_hits_within(&mut self, a: usize, b: usize) {
        let si = self.c.si;
        let inside = self.c.hit_spans.iter().filter(|&&(s, e)| a <= s && e <= b);
        self.out
            .scratch
            .superseded
            .extend(inside.map(|&(s, e)| (si, s, e)));
    }

    /// Lexicon names that open with "the" before `a` and end inside `a..b` give way to
    /// the longer name found there: "the Canary Wharf Group's land" names the
    /// company, not the outlet "The Canary".
    pub(super) fn supersede_names_cut_by(&mut self, a: usize, b: usize) {
        let (si, norm) = (self.c.si, self.c.norm);
        let cut = self
            .c
            .hit_spans
            .iter()
            .filter(|&&hit| levelmap_model::mentions::article_gives_way(norm, hit, (a, b)));
        self.out
            .scratch
            .superseded
            .extend(cut.map(|&(s, e)| (si, s, e)));
    }

    /// A lowercase policy name defined by its acronym in brackets: "the defence
    /// investment plan (DIP)", "a strategic defence review (SDR)": as many words
    /// before the bracket as the acronym has letters, their initials its letters, the
    /// last a policy head. The acronym becomes an alias.
    pub(super) fn defined_acronyms(&mut self) {
        let norm = self.c.norm;
        for open in space_parens(norm) {
            let Some((a, acr)) = acronym_definition(norm, open) else {
                continue;
            };
            if self.covered(a, open) || self.overlaps(a, open) || self.claimed(a, open) {
                continue;
            }
            let last = norm[a..open].rsplit(' ').next().unwrap_or("");
            let Some(kind) = words::LOWER_POLICY_HEADS
                .iter()
                .find(|(h, _)| *h == last)
                .map(|h| h.1)
                .or_else(|| words::policy_head(&capitalised(last)))
            else {
                continue;
            };
            let id = self.add(
                capitalised(&norm[a..open]),
                NodeKind::Policy,
                kind,
                0.65,
                format!("a lowercase name defined as '{acr}'"),
                a,
                open,
            );
            self.add_alias(&id, Some(acr));
        }
    }

    /// A council named in lower case, as newspapers write it: "Epping council",
    /// "Birmingham city council", "Kent county council" (a capitalised place before
    /// "council", or before "city", "county", "district", "borough", "town" or
    /// "parish" and "council"). The name is set in Title Case ("Epping Council").
    /// Not a council's name: a party or a description before it ("the Labour
    /// council", "a Reform-run council", "Scottish councils"), nor "council tax" and
    /// the like after a place ("the Birmingham council tax rise").
    pub(super) fn lower_case_councils(&mut self) {
        let (norm, toks) = (self.c.norm, self.c.toks);
        for (k, t) in toks.iter().enumerate() {
            if t.s != "council" || k == 0 {
                continue;
            }
            if toks
                .get(k + 1)
                .is_some_and(|n| adjacent(norm, t, n) && NOT_AFTER_COUNCIL.contains(&n.s))
            {
                continue;
            }
            let tier = (k >= 2
                && COUNCIL_TIERS.contains(&toks[k - 1].s)
                && adjacent(norm, &toks[k - 1], t))
            .then_some(k - 1);
            let head = tier.unwrap_or(k);
            if !adjacent(norm, &toks[head - 1], &toks[head]) {
                continue;
            }
            let Some((mut a, b)) = cap_run_before(norm, toks, toks[head - 1].end) else {
                continue;
            };
            // "Conservative-run Epping council": the description before the place goes.
            while let Some(w) = norm[a..b].split(' ').next().filter(|w| w.contains('-')) {
                a = (a + w.len() + 1).min(b);
            }
            let run: Vec<&str> = norm[a..b].split(' ').collect();
            if a == b
                || run
                    .iter()
                    .any(|w| NOT_A_COUNCILS_PLACE.contains(w) || is_demonym(w))
                || (a == 0 && self.vocab.contains(&run[0].to_lowercase()))
                || self.covered(a, t.end)
                || self.overlaps(a, t.end)
            {
                continue;
            }
            let tier_word = tier.map(|i| capitalised(toks[i].s));
            let name = match tier_word {
                Some(w) => format!("{} {w} Council", &norm[a..b]),
                None => format!("{} Council", &norm[a..b]),
            };
            let id = self.add(
                name,
                NodeKind::Actor,
                "government-body",
                0.65,
                "a place before a lowercase 'council'".into(),
                a,
                t.end,
            );
            // As written, so that the graph finds it again ("West Northamptonshire
            // council" is no one case of "West Northamptonshire Council").
            self.add_alias(&id, Some(&norm[a..t.end]));
        }
    }

    /// Whether `a..b` overlaps a span claimed by a bill or act.
    pub(super) fn claimed(&self, a: usize, b: usize) -> bool {
        self.out
            .scratch
            .claimed
            .iter()
            .any(|&(s, e)| s < b && a < e)
    }

    /// A capitalised name before a lowercase organisation head ("the Localis
    /// think-tank"), or the writer's own organisation ("At IPPR North, we ...").
    pub(super) fn before_org_heads(&mut self) {
        let (norm, toks, org_hits) = (self.c.norm, self.c.toks, self.c.org_hits);
        let lower = words::LOWER_ORG_HEADS.len();
        for &(idx, p) in org_hits {
            let appositive_only = idx >= lower;
            let Some(&(h, kind)) = words::LOWER_ORG_HEADS
                .get(idx)
                .or_else(|| words::APPOSITIVE_ORG_HEADS.get(idx - lower))
            else {
                continue;
            };
            // "estate agents Barrows and Forrester": a head in the plural describes
            // the name after it too.
            let plural = appositive_only
                && norm[p + h.len()..].starts_with('s')
                && is_boundary(norm, p, p + h.len() + 1);
            if plural && norm[..p].ends_with(' ') {
                // "Apollo and Brookfield, two private-markets giants,"; "two
                // charities: Richmond MIND and Off the Record".
                for (a, b) in names_in_plural_apposition(norm, toks, p, p + h.len() + 1) {
                    let (a, b) = self.without_opening_word(a, b);
                    if a < b
                        && !self.known_place(&norm[a..b])
                        && !self.overlaps(a, b)
                        && !words::given_names()
                            .contains(norm[a..b].split(' ').next().unwrap_or(""))
                    {
                        self.add(
                            norm[a..b].to_string(),
                            NodeKind::Actor,
                            kind,
                            0.6,
                            format!("one of the names described as '{h}s'"),
                            a,
                            b,
                        );
                    }
                }
                if let Some((a, b)) = described_name_after(norm, toks, p, p + h.len() + 1)
                    .filter(|&(a, b)| !self.known_place(&norm[a..b]) && !self.covered(a, b))
                {
                    self.add(
                        norm[a..b].to_string(),
                        NodeKind::Actor,
                        kind,
                        0.65,
                        format!("a name after '{h}s'"),
                        a,
                        b,
                    );
                }
                continue;
            }
            if !is_boundary(norm, p, p + h.len()) || !norm[..p].ends_with(' ') {
                continue;
            }
            // "the Localis think-tank"; "the think tank Onward"; "Shelter, the housing
            // charity"; only the last for "Zoopla, a property website".
            let found = if appositive_only {
                [
                    None,
                    described_name_after(norm, toks, p, p + h.len())
                        .filter(|&(a, b)| !self.known_place(&norm[a..b])),
                    plain_appositive_before(norm, toks, p, p + h.len()),
                ]
            } else {
                [
                    cap_run_before(norm, toks, p - 1),
                    cap_run_after(norm, toks, p + h.len()),
                    appositive_before(norm, toks, p, p + h.len()),
                ]
            };
            let Some((a, b)) = found
                .into_iter()
                .flatten()
                .map(|(a, b)| self.without_opening_word(a, b))
                .map(|(a, b)| (org_after_person(norm, a, b), b))
                .find(|&(a, b)| a < b && !self.covered(a, b))
            else {
                continue;
            };
            self.add(
                norm[a..b].to_string(),
                NodeKind::Actor,
                kind,
                0.65,
                format!("a name before '{h}'"),
                a,
                b,
            );
        }
        for &(_, p) in org_hits
            .iter()
            .filter(|h| h.0 == lower + words::APPOSITIVE_ORG_HEADS.len())
        {
            let Some((a, b)) = cap_run_before(norm, toks, p) else {
                continue;
            };
            let before = norm[..a].trim_end();
            if !(before.ends_with(" at")
                || before == "At"
                || before.ends_with(" At")
                || before == "at")
                || self.covered(a, b)
            {
                continue;
            }
            self.add(
                norm[a..b].to_string(),
                NodeKind::Actor,
                "organisation",
                0.6,
                "the writers' organisation ('At ..., we')".into(),
                a,
                b,
            );
        }
    }

    /// `a..b` without a common word that opens the sentence and the connectors after
    /// it: "According to Shelter" is "Shelter", "The" alone is nothing.
    fn without_opening_word(&self, a: usize, b: usize) -> (usize, usize) {
        let norm = self.c.norm;
        if a != 0 {
            return (a, b);
        }
        let name = &norm[a..b];
        let first = name.split(' ').next().unwrap_or("");
        let lw = first.to_lowercase();
        let connectors = name
            .split(' ')
            .skip(1)
            .take_while(|w| is_connector(w))
            .count();
        // "According to", "Speaking for": a participle and a connector open no name.
        let participle = lw.ends_with("ing") && connectors > 0;
        if !(self.vocab.contains(&lw) || words::is_stopword(&lw) || participle) {
            return (a, b);
        }
        // Drop the opening word and the connectors after it, each with its space.
        let dropped: usize = name
            .split(' ')
            .take(1 + connectors)
            .map(|w| w.len() + 1)
            .sum();
        let start = (a + dropped).min(b);
        (start, b)
    }

    /// Quoted names and coinages: 'securonomics', the 'Made Smarter' programme.
    pub(super) fn quoted_names(&mut self) {
        let norm = self.c.norm;
        for (qs, qe, inner) in quoted_spans(norm) {
            let words_in: Vec<&str> = inner.split_whitespace().collect();
            if words_in.is_empty()
                || words_in.len() > 4
                || self.covered(qs, qe)
                || self.overlaps(qs + 1, qe - 1)
            {
                continue;
            }
            let before: Vec<&str> = norm[..qs].split_whitespace().rev().take(2).collect();
            let after = norm[qe..].trim_start();
            let next_word: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
            let head = words::LOWER_POLICY_HEADS
                .iter()
                .find(|(h, _)| *h == next_word);
            let introduced = before
                .first()
                .is_some_and(|w| words::COINAGE_INTRO.contains(w) && *w != "of")
                || (before.first() == Some(&"of") && before.get(1) == Some(&"idea"));
            if before.first() == Some(&"so-called") || before.contains(&"so") {
                continue;
            }
            let single_rare = words_in.len() == 1
                && inner.chars().all(|c| c.is_lowercase())
                && inner.len() >= 6
                && !words::is_stopword(inner);
            if let Some((h, pk)) = head {
                if inner.chars().next().is_some_and(char::is_uppercase) || introduced {
                    let name = inner.to_string();
                    let id = self.add(
                        name,
                        NodeKind::Policy,
                        pk,
                        0.65,
                        format!("a quoted name followed by '{h}'"),
                        qs + 1,
                        qe - 1,
                    );
                    self.add_alias(&id, Some(&format!("{inner} {h}")));
                }
            } else if let Some(&(_, pk)) = quoted_lower_name(&words_in, &before) {
                // "the “defence investment plan”": a name in quotation marks that
                // ends in a policy's head, lower case as the text writes it.
                self.add(
                    capitalised(inner),
                    NodeKind::Policy,
                    pk,
                    0.65,
                    "a quoted name ending in a policy's head".into(),
                    qs + 1,
                    qe - 1,
                );
            } else if introduced && single_rare {
                self.add(
                    inner.to_string(),
                    NodeKind::Policy,
                    "agenda",
                    0.7,
                    "a quoted coinage".into(),
                    qs + 1,
                    qe - 1,
                );
            }
        }
    }
}

/// The policy head that ends a quoted lower-case name of two to four words after
/// "the" ("the “defence investment plan”"; not "their ‘fighting fund’", a
/// campaign's own), if any.
fn quoted_lower_name(
    words_in: &[&str],
    before: &[&str],
) -> Option<&'static (&'static str, &'static str)> {
    let last = words_in.last()?;
    let lower = words_in
        .iter()
        .all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'));
    let the = before.first().is_some_and(|w| matches!(*w, "the" | "The"));
    if !(2..=4).contains(&words_in.len()) || !lower || !the {
        return None;
    }
    words::LOWER_POLICY_HEADS
        .iter()
        .find(|(h, _)| h == last && !matches!(*h, "approach" | "model" | "project"))
}

/// Where " (" opens in `norm` (the space's offset): a search for the bracket alone,
/// then a look at the byte before it, cheaper than a two-byte pattern search.
fn space_parens(norm: &str) -> impl Iterator<Item = usize> + '_ {
    let b = norm.as_bytes();
    memchr::memchr_iter(b'(', b)
        .filter(move |&k| k > 0 && b[k - 1] == b' ')
        .map(|k| k - 1)
}

/// The lowercase words before `open` (a " (" ) that its bracketed acronym spells,
/// one word per letter: their start and the acronym.
fn acronym_definition(norm: &str, open: usize) -> Option<(usize, &str)> {
    let rest = &norm[open + 2..];
    let acr = &rest[..rest.find(')')?];
    if !(2..=6).contains(&acr.len()) || !acr.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let mut start = open + 1;
    for letter in acr.bytes().rev() {
        let end = start.checked_sub(1)?;
        start = norm[..end].rfind(' ').map_or(0, |k| k + 1);
        let w = &norm[start..end];
        let plain = !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
        if !plain || w.as_bytes()[0] != letter.to_ascii_lowercase() {
            return None;
        }
    }
    Some((start, acr))
}

/// `text` with its first letter in capitals.
fn capitalised(text: &str) -> String {
    let mut c = text.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The capitalised run of words that ends at byte `end` ("Localis", "IPPR North",
/// "Centre for Cities"), without connectors or common words opening it.
fn cap_run_before(norm: &str, toks: &[Tok], end: usize) -> Option<(usize, usize)> {
    cap_run_before_as(norm, toks, end, false)
}

/// [`cap_run_before`], where `named` says that what follows makes the run a name
/// even after "a" ("an Illegal Migration (Mass Deportation) Bill").
fn cap_run_before_as(norm: &str, toks: &[Tok], end: usize, named: bool) -> Option<(usize, usize)> {
    let last = toks.iter().rposition(|t| t.end <= end)?;
    if toks[last].end != end || !is_cap(toks[last].s) {
        return None;
    }
    let mut first = last;
    while first > 0
        && adjacent(norm, &toks[first - 1], &toks[first])
        && (is_cap(toks[first - 1].s)
            || (is_connector(toks[first - 1].s) && first >= 2 && is_cap(toks[first - 2].s)))
    {
        first -= 1;
    }
    while first < last
        && (is_connector(toks[first].s) || words::is_stopword(&toks[first].s.to_lowercase()))
    {
        first += 1;
    }
    // "a Scottish think-tank", "a London consultancy": a description, not a name.
    let described = !named && first > 0 && matches!(toks[first - 1].s, "a" | "an" | "A" | "An");
    if described || (first == last && is_demonym(toks[first].s)) {
        return None;
    }
    Some((toks[first].start, toks[last].end))
}

/// The tiers a council's name may hold before "council" ("Kent county council").
pub(super) const COUNCIL_TIERS: &[&str] =
    &["city", "county", "district", "borough", "town", "parish"];

/// Words after "council" that make it part of another thing ("council tax").
pub(super) const NOT_AFTER_COUNCIL: &[&str] = &[
    "tax",
    "taxes",
    "house",
    "houses",
    "housing",
    "home",
    "homes",
    "estate",
    "estates",
    "flat",
    "flats",
    "tenant",
    "tenants",
    "seat",
    "seats",
    "election",
    "elections",
];

/// Capitalised words before "council" that describe it, not name its place: parties,
/// the tiers themselves, determiners that open a sentence.
const NOT_A_COUNCILS_PLACE: &[&str] = &[
    "Labour",
    "Conservative",
    "Conservatives",
    "Tory",
    "Tories",
    "Reform",
    "Liberal",
    "Democrat",
    "Democrats",
    "Lib",
    "Dem",
    "Dems",
    "Green",
    "Greens",
    "SNP",
    "Plaid",
    "Independent",
    "Independents",
    "Local",
    "City",
    "County",
    "District",
    "Borough",
    "Town",
    "Parish",
    "The",
    "A",
    "An",
    "This",
    "That",
    "Every",
    "Each",
    "Another",
    "No",
    "Any",
    "One",
    "Our",
    "Their",
    "His",
    "Her",
    "Its",
    "Your",
    "My",
    "Unitary",
    "London",
];

/// Whether a capitalised word is an adjective of a people or place ("Scottish",
/// "British", "European", "Canadian"), which describes an organisation, not names it.
pub(super) fn is_demonym(w: &str) -> bool {
    matches!(
        w,
        "Welsh"
            | "Irish"
            | "British"
            | "English"
            | "Scottish"
            | "French"
            | "Dutch"
            | "Swiss"
            | "German"
            | "Greek"
            | "Thai"
            | "Czech"
            | "Israeli"
            | "Saudi"
            | "Qatari"
            | "Emirati"
            | "Pakistani"
            | "Bangladeshi"
            | "Iraqi"
            | "Kuwaiti"
    ) || (w.len() > 5
        && w != "Guardian"
        && ["ish", "ese", "ian", "ean", "can"]
            .iter()
            .any(|e| w.ends_with(e)))
}

/// The capitalised run of one to four words right after byte `start` and one space:
/// "the think tank Onward", "pollster YouGov"; none if it opens with a common word.
fn cap_run_after(norm: &str, toks: &[Tok], start: usize) -> Option<(usize, usize)> {
    if let Some(quoted) = quoted_name_after(norm, start) {
        return Some(quoted);
    }
    let first = toks.iter().position(|t| t.start == start + 1)?;
    if !norm[start..].starts_with(' ')
        || !is_cap(toks[first].s)
        || words::is_stopword(&toks[first].s.to_lowercase())
    {
        return None;
    }
    // Capitalised words, and connectors before a capital ("the lobby group Best for
    // Britain", "the charity Friends of the Earth").
    let last = cap_run_last(norm, toks, first, 5, is_connector);
    Some((toks[first].start, toks[last].end))
}

/// A name in quotation marks right after `start` ("the campaign group 'Bring Back our
/// Statue' took a petition"): one to six words, the first capitalised, no sentence
/// punctuation inside; the span without the marks.
fn quoted_name_after(norm: &str, start: usize) -> Option<(usize, usize)> {
    let rest = norm.get(start..)?.strip_prefix(' ')?;
    let mark = rest.chars().next().filter(|c| matches!(c, '\'' | '"'))?;
    let inner = &rest[1..];
    let close = inner.find(mark)?;
    let name = &inner[..close];
    let words = name.split(' ').count();
    let after = inner[close + 1..].chars().next();
    let ok = (1..=6).contains(&words)
        && name.starts_with(|c: char| c.is_uppercase())
        && !name.contains(['.', ',', ';', ':', '!', '?'])
        && !after.is_some_and(char::is_alphanumeric);
    let a = start + 2;
    ok.then_some((a, a + name.len()))
}

/// The last token of the capitalised run opening at token `first`: capitalised words,
/// joined by up to two words that `connector` takes ("of", "the") only before
/// another capitalised word (not one with "'s" after connectors), each next to the
/// one before, and at most `more` tokens after the first.
pub(super) fn cap_run_last(
    norm: &str,
    toks: &[Tok],
    first: usize,
    more: usize,
    connector: impl Fn(&str) -> bool,
) -> usize {
    let mut last = first;
    while last + 1 < toks.len() && last - first < more {
        let mut next = last + 1;
        while next + 1 < toks.len() && next - last <= 2 && connector(toks[next].s) {
            next += 1;
        }
        let joined = (last + 1..=next).all(|k| adjacent(norm, &toks[k - 1], &toks[k]));
        if !joined || !is_cap(toks[next].s) || (next > last + 1 && toks[next].s.ends_with("'s")) {
            break;
        }
        last = next;
    }
    last
}

/// Where the organisation starts in the run `norm[a..b]` when the run names a person
/// of it: "Stephen Springham of Knight Frank", "Chetal Patel of Bates Wells" (two or
/// three capitalised words, none the head of an organisation or a role, then "of"
/// and "the"), else `a`. "Friends of the Earth", "University of Leeds" and "Royal
/// Bank of Scotland" stay whole.
fn org_after_person(norm: &str, a: usize, b: usize) -> usize {
    let run = &norm[a..b];
    let Some(of) = run.find(" of ") else {
        return a;
    };
    let name: Vec<&str> = run[..of].split(' ').collect();
    // "Huw van Steenis of Oliver Wyman": a surname after its particle.
    let particle = norm[..a]
        .trim_end()
        .rsplit(' ')
        .next()
        .is_some_and(levelmap_model::given_names::is_name_particle);
    let person = ((2..=3).contains(&name.len()) || name.len() == 1 && particle)
        && name.iter().all(|w| {
            is_cap(w)
                && words::org_head(w).is_none()
                && !words::role_heads().contains(w)
                && !is_demonym(w)
        });
    if !person {
        return a;
    }
    let org = &run[of + 4..];
    let org = org.strip_prefix("the ").unwrap_or(org);
    b - org.len()
}

/// The end of a bill's or act's name after the " (" at byte `open`: a parenthesis of
/// one to six capitalised words and connectors ("(Withdrawal)", "(End of Life)"), not
/// an acronym alone, then "Act" or "Bill", and a year if one follows ("Act 1973").
fn act_after_parenthesis(norm: &str, open: usize) -> Option<usize> {
    let inner_start = open + 2;
    let close = inner_start + norm[inner_start..].find(')')?;
    let inner: Vec<&str> = norm[inner_start..close].split(' ').collect();
    // An acronym in brackets abbreviates the name before it: "Levelling Up Fund (LUF)".
    let acronym = inner.len() == 1 && !inner[0].chars().any(char::is_lowercase);
    let words_ok = !inner.is_empty()
        && inner.len() <= 6
        && !acronym
        && is_cap(inner[0])
        && inner.iter().all(|w| is_cap(w) || is_connector(w));
    if !words_ok {
        return None;
    }
    let rest = &norm[close + 1..];
    let head = [" Act", " Bill"]
        .into_iter()
        .find(|h| rest.starts_with(h))?;
    let mut end = close + 1 + head.len();
    if !is_boundary(norm, close + 2, end) {
        return None;
    }
    let year = norm[end..].strip_prefix(' ').unwrap_or("");
    if year.len() >= 4
        && year.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && !year
            .as_bytes()
            .get(4)
            .is_some_and(u8::is_ascii_alphanumeric)
    {
        end += 5;
    }
    Some(end)
}

/// The capitalised run before a comma and an article that open a description ending
/// at byte `head` and closes after it (`head_end`): "Shelter, the housing charity,",
/// "Onward, a centre-right think tank." (at most three words between the article
/// and the head).
fn appositive_before(
    norm: &str,
    toks: &[Tok],
    head: usize,
    head_end: usize,
) -> Option<(usize, usize)> {
    // The description closes where the head does: "..., the housing charity, said",
    // or goes on with what the body is for: "ADS, an industry group for small
    // defence enterprises" (not "of": "Abertillery, a group of residents").
    // Or a relative clause says what it does: "Dealroom, a data provider that ranks".
    let rest = &norm[head_end..];
    if !(rest.is_empty()
        || rest.starts_with([',', '.', ';', ')'])
        || [" for ", " that ", " which ", " whose "]
            .iter()
            .any(|w| rest.starts_with(w)))
    {
        return None;
    }
    let before = &norm[..head];
    let comma = before.rfind(", ")?;
    let desc: Vec<&str> = before[comma + 2..].split_whitespace().collect();
    let opens = desc
        .first()
        .is_some_and(|w| matches!(*w, "the" | "a" | "an" | "another"));
    // "an American firm", "a British-owned lender": a people's adjective describes.
    let plain = desc
        .iter()
        .skip(1)
        .all(|w| !is_cap(w) || is_demonym(w.split('-').next().unwrap_or(w)));
    if !opens || desc.len() > 4 || !plain {
        return None;
    }
    cap_run_before(norm, toks, comma)
}

/// Adjectives that size or judge a firm rather than name its trade ("a big firm").
const DESCRIBING: &[&str] = &[
    "big",
    "bigger",
    "small",
    "smaller",
    "large",
    "larger",
    "huge",
    "giant",
    "major",
    "leading",
    "local",
    "global",
    "rival",
    "private",
    "public",
    "family",
    "new",
    "old",
    "young",
    "same",
    "other",
    "such",
    "only",
    "troubled",
    "struggling",
    "listed",
    "foreign",
    "domestic",
    "former",
    "parent",
    "holding",
    "main",
    "top",
    "little",
];

/// The names a plural organisation head describes, two or more joined by "and" or
/// commas: before it, in apposition after a number ("Apollo and Brookfield, two
/// private-markets giants"), or after it and a colon ("two charities: Richmond MIND
/// and Off the Record"). Each name is a run of capitalised words (connectors only
/// between capitals); none when the list is not all names.
fn names_in_plural_apposition(
    norm: &str,
    toks: &[Tok],
    head: usize,
    head_end: usize,
) -> Vec<(usize, usize)> {
    const NUMBERS: &[&str] = &["two", "three", "four", "five", "both"];
    let Some(h) = toks.iter().position(|t| t.start == head) else {
        return vec![];
    };
    // The number, at most three words before the head.
    let Some(num) = (h.saturating_sub(3)..h).find(|&k| NUMBERS.contains(&toks[k].s)) else {
        return vec![];
    };
    if (num + 1..h).any(|k| is_cap(toks[k].s)) {
        return vec![];
    }
    if norm[head_end..].starts_with(": ") {
        let Some(first) = toks.iter().position(|t| t.start == head_end + 2) else {
            return vec![];
        };
        return listed_names(norm, toks, first);
    }
    // ", two ... giants": the names end at the comma before the number.
    if num == 0 || !norm[..toks[num].start].ends_with(", ") {
        return vec![];
    }
    let end = toks[num].start - 2;
    let Some(last) = toks.iter().rposition(|t| t.end == end) else {
        return vec![];
    };
    // Walk back to where the list starts: names joined by "and" or commas.
    let mut start = last;
    loop {
        let mut k = start;
        while k > 0
            && (is_cap(toks[k - 1].s)
                || is_connector(toks[k - 1].s) && k >= 2 && is_cap(toks[k - 2].s))
        {
            k -= 1;
        }
        start = k;
        if k >= 2 && toks[k - 1].s == "and" && is_cap(toks[k - 2].s) {
            start = k - 2;
            continue;
        }
        break;
    }
    listed_names(norm, toks, start)
        .into_iter()
        .filter(|&(_, b)| b <= end)
        .collect()
}

/// Capitalised runs from token `i` joined by "and" or commas, two or more; the list
/// ends at a clause's end or a lowercase word.
fn listed_names(norm: &str, toks: &[Tok], mut i: usize) -> Vec<(usize, usize)> {
    let mut out = vec![];
    while i < toks.len() && is_cap(toks[i].s) {
        let a = toks[i].start;
        let j = cap_run_last(norm, toks, i, usize::MAX, |w| w != "and" && is_connector(w));
        out.push((a, super::tokens::strip_end(&toks[j..=j])));
        let rest = &norm[toks[j].end..];
        let Some(next) = toks.get(j + 1) else {
            break;
        };
        if rest.starts_with(" and ") && next.s == "and" {
            i = j + 2;
        } else if rest.starts_with(", ") && is_cap(next.s) {
            i = j + 1;
        } else {
            break;
        }
    }
    if out.len() < 2 {
        return vec![];
    }
    out
}

/// The name after a head that names no organisation alone, when a word describing
/// the trade comes before the head: "development firm Mount Anvil", "engineering
/// company Arup" (not "the firm Tuesday", nor a place or a person after it).
fn described_name_after(
    norm: &str,
    toks: &[Tok],
    head: usize,
    head_end: usize,
) -> Option<(usize, usize)> {
    /// Trades that name a body after "the" alone: "the developer Mount Anvil", "the
    /// regulator Ofwat" (unlike "the firm" or "the company", said of anything).
    const TRADES: &[&str] = &[
        "developer",
        "housebuilder",
        "retailer",
        "supermarket",
        "lender",
        "insurer",
        "broadcaster",
        "newspaper",
        "publisher",
        "regulator",
        "watchdog",
    ];
    let modifier = norm[..head].trim_end().rsplit(' ').next().unwrap_or("");
    // A head of two words names the trade itself: "estate agents Barrows and Forrester".
    let trade = norm[head..head_end].contains(' ')
        || (matches!(modifier, "the" | "The") && TRADES.contains(&&norm[head..head_end]))
        || modifier.len() >= 3
            && modifier.chars().all(|c| c.is_lowercase() || c == '-')
            && !words::is_stopword(modifier)
            && !DESCRIBING.contains(&modifier)
            && !["ly", "ous", "ive", "ful", "less", "est", "ic"]
                .iter()
                .any(|s| modifier.ends_with(s));
    if !trade {
        return None;
    }
    let (a, b) = cap_run_after(norm, toks, head_end)?;
    let first = norm[a..b].split(' ').next().unwrap_or("");
    let named = !words::given_names().contains(first)
        && !words::person_titles().contains(first)
        && !is_demonym(first)
        && gazetteer_by_first_word(first)
            .iter()
            .all(|(s, _, _)| *s != &norm[a..b]);
    named.then_some((a, b))
}

/// [`appositive_before`] for a head that names no organisation alone ("firm",
/// "website"): the description holds no preposition ("Jane Smith, a director at the
/// firm," describes a person) and the name opens with no given name.
fn plain_appositive_before(
    norm: &str,
    toks: &[Tok],
    head: usize,
    head_end: usize,
) -> Option<(usize, usize)> {
    let comma = norm[..head].rfind(", ")?;
    let prepositional = norm[comma + 2..head].split_whitespace().any(|w| {
        matches!(
            w,
            "at" | "of" | "for" | "in" | "with" | "on" | "to" | "from" | "by" | "and" | "or"
        )
    });
    if prepositional {
        return None;
    }
    let (a, b) = appositive_before(norm, toks, head, head_end)?;
    // "Nathan Mathiot of ADS, an industry group": the body after the person.
    let a = org_after_person(norm, a, b);
    let first = norm[a..b].split(' ').next().unwrap_or("");
    // A one-word name that is a function word ("Next, a clothing chain") would, once
    // in the lexicon, be linked wherever a sentence opens "Next year".
    let function_word = first.len() == b - a && words::is_stopword(&first.to_lowercase());
    (!function_word
        && !words::given_names().contains(first)
        && !words::person_titles().contains(first))
    .then_some((a, b))
}

/// The [`words::GAZETTEER`] entries whose surface's first word is `w`, in list order.
pub(super) fn gazetteer_by_first_word(
    w: &str,
) -> &'static [(&'static str, &'static str, &'static str)] {
    type Entries = Vec<(&'static str, &'static str, &'static str)>;
    static FIRST: OnceLock<[bool; 256]> = OnceLock::new();
    let first = FIRST.get_or_init(|| {
        let mut t = [false; 256];
        for (s, _, _) in words::GAZETTEER {
            t[s.as_bytes()[0] as usize] = true;
        }
        t
    });
    if !w.as_bytes().first().is_some_and(|&b| first[b as usize]) {
        return &[];
    }
    static M: OnceLock<rustc_hash::FxHashMap<&'static str, Entries>> = OnceLock::new();
    M.get_or_init(|| {
        let mut m: rustc_hash::FxHashMap<&'static str, Entries> = rustc_hash::FxHashMap::default();
        for &e in words::GAZETTEER {
            m.entry(e.0.split(' ').next().unwrap_or(""))
                .or_default()
                .push(e);
        }
        m
    })
    .get(w)
    .map_or(&[], Vec::as_slice)
}

/// Spans of single-quoted phrases: (start of opening quote, end after closing quote, inner text).
fn quoted_spans(norm: &str) -> Vec<(usize, usize, &str)> {
    // Single quotation marks (British usage), then double ones (“defence investment
    // plan”, as The Economist writes), each span in text order within its kind.
    let mut out = quoted_spans_by(norm, b'\'');
    out.extend(quoted_spans_by(norm, b'"'));
    out
}

/// [`quoted_spans`] for one quotation mark `mark` (ASCII, as the normalised text has it).
fn quoted_spans_by(norm: &str, mark: u8) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let b = norm.as_bytes();
    let m = mark as char;
    let mut i = 0;
    while let Some(q) = memchr::memchr(mark, &b[i..]) {
        i += q;
        if i == 0
            || !norm[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        {
            if let Some(rel) = norm[i + 1..].find(m) {
                let j = i + 1 + rel;
                let after_ok = !norm[j + 1..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
                let inner = &norm[i + 1..j];
                if after_ok
                    && !inner.is_empty()
                    && !inner.starts_with(' ')
                    && !inner.ends_with(' ')
                    && inner.len() <= 60
                {
                    out.push((i, j + 1, inner));
                    i = j + 1;
                    continue;
                }
            }
        }
        i += 1;
    }
    out
}

/// Whether "Government" after `prev`, a lower-case word, is the national government
/// ("from Government", "to Government", "previous Government"), not a tier or a
/// field ("local Government", "devolved Government", "head of Government", "Institute
/// for Government") nor a party's time in office ("in Government").
fn bare_government_after(prev: &str) -> bool {
    prev.starts_with(|c: char| c.is_ascii_lowercase())
        && prev.bytes().all(|b| b.is_ascii_lowercase())
        && !matches!(
            prev,
            "local"
                | "devolved"
                | "regional"
                | "federal"
                | "state"
                | "municipal"
                | "provincial"
                | "city"
                | "county"
                | "in"
                | "into"
                | "of"
                | "for"
                | "and"
                | "or"
        )
}
