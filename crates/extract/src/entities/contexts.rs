//! Names found by the words around them, not as a capitalised run read on its own:
//! a programme before a lowercase head ("the Kickstart scheme"), a local project
//! ("the Heygate estate regeneration"), the employer after a role ("an economist at
//! Moneyfacts"), names listed beside bodies, and a programme after a verb one does to
//! a policy ("voted to scrap Healthy Streets").

use super::people::PEERAGES;
use super::runs::{in_gazetteer, run_end};
use super::sentence::{adjacent, cap_run_last, SentenceScan};
use super::tokens::{is_allcaps, is_cap, lower, strip_end, strip_possessive, Tok};
use crate::words::{self, given_names, not_name, person_titles, role_heads};
use levelmap_model::NodeKind;

impl<'a, 's> SentenceScan<'_, 'a, 's> {
    /// Whether `w`, a word of a capitalised run, may be part of a thing's name: no
    /// word in capitals, function word, non-name, given name, title, role, body's head
    /// noun or demonym, and no possessive.
    fn plain_name_word(&mut self, w: &str) -> bool {
        let lw = lower(w, &mut self.out.scratch.lower).into_owned();
        !is_allcaps(w)
            && !words::is_stopword(&lw)
            && !not_name().contains(w)
            && !given_names().contains(w)
            && !person_titles().contains(w)
            && !role_heads().contains(w)
            && words::org_head(w).is_none()
            && !super::places::demonym(w)
            && !w.ends_with("'s")
    }

    /// Whether a candidate found in this sentence already spans part of `a..b`.
    fn named_here(&self, a: usize, b: usize) -> bool {
        self.out
            .mentions
            .iter()
            .any(|m| m.sentence == self.c.si && m.start < b && a < m.end)
    }

    /// A capitalised name before a lowercase programme head, after a determiner: "the
    /// Kickstart scheme", "two Growth Accelerator schemes", "the Pathfinder
    /// programme", "the Beeching plan". The name is the policy; with its head, an
    /// alias. Not a name the lexicon or another rule has, nor a person, body, people
    /// or month.
    pub(super) fn named_before_lower_heads(&mut self) {
        const HEADS: [(&str, &str); 15] = [
            // "the Beeching plan": a named plan (annotation guide 4.1).
            ("plan", "white-paper"),
            ("project", "programme"),
            ("projects", "programme"),
            ("agenda", "agenda"),
            ("agendas", "agenda"),
            ("scheme", "programme"),
            ("schemes", "programme"),
            ("programme", "programme"),
            ("programmes", "programme"),
            ("initiative", "programme"),
            ("initiatives", "programme"),
            ("pilot", "programme"),
            ("pilots", "programme"),
            ("fund", "fund"),
            ("strategy", "strategy"),
        ];
        const DETERMINERS: [&str; 14] = [
            "the", "The", "a", "A", "an", "its", "their", "our", "his", "her", "this", "two",
            "three", "new",
        ];
        let (norm, toks) = (self.c.norm, self.c.toks);
        for j in 1..toks.len() {
            let Some(&(head, kind)) = HEADS.iter().find(|(h, _)| *h == toks[j].s) else {
                continue;
            };
            // The name's words, and "to", "for" or "of" between two of them ("the Help
            // to Save scheme", "the Right to Rent scheme").
            let mut i = j;
            // (A capitalised determiner opening the sentence is no word of the name: "The
            // Heart of Kendal scheme would ...".)
            while i > 0
                && j - i < 5
                && adjacent(norm, &toks[i - 1], &toks[i])
                && !toks[i - 1].s.ends_with("'s")
                && !DETERMINERS.contains(&toks[i - 1].s)
            {
                let inner = i >= 2
                    && i < j
                    && matches!(toks[i - 1].s, "to" | "for" | "of")
                    && is_cap(toks[i - 2].s);
                if !(is_cap(toks[i - 1].s) || inner) {
                    break;
                }
                i -= 1;
            }
            // "the divisive Liveable Streets scheme": a determiner, then one adjective;
            // "the council's Community Power agenda": a possessive.
            let determined =
                |k: usize| DETERMINERS.contains(&toks[k].s) || toks[k].s.ends_with("'s");
            if i == j
                || i == 0
                || !(determined(i - 1) || (i >= 2 && determined(i - 2) && describes(toks[i - 1].s)))
            {
                continue;
            }
            let run = &toks[i..j];
            let (a, b) = (run[0].start, run[run.len() - 1].end);
            if self.named_here(a, b) || self.overlaps(a, b) || self.claimed(a, b) {
                continue;
            }
            let plain = run.iter().enumerate().all(|(k, t)| {
                (k > 0 && matches!(t.s, "to" | "for" | "of"))
                    || self.plain_name_word(t.s)
                    // "a British-led scheme": a quality, not a name.
                    && !t.s.split('-').skip(1).any(|p| p.starts_with(char::is_lowercase))
            });
            let name = &norm[a..b];
            if !plain || words::policy_head(name).is_some() {
                continue;
            }
            let id = self.add(
                name.to_string(),
                NodeKind::Policy,
                kind,
                0.6,
                format!("a name before '{head}'"),
                a,
                b,
            );
            self.add_alias(&id, Some(&norm[a..toks[j].end]));
        }
    }

    /// A local project named by its place and a lowercase project noun, after a
    /// determiner: "the Heygate estate regeneration", "the Truman Brewery
    /// development", "the Antill Road traffic filter", "the Aberfeldy Masterplan".
    /// The whole phrase is the policy. Not where the noun goes on into a longer name
    /// or a compound ("the European Regional Development Fund", "the London
    /// development market"), nor after a description ("the British development").
    pub(super) fn named_projects(&mut self) {
        const HEADS: &[&str] = &[
            "regeneration",
            "redevelopment",
            "masterplan",
            "Masterplan",
            "development",
            "Development",
            "extension",
            "filter",
        ];
        const MIDDLE: &[&str] = &["estate", "line", "road", "traffic", "street"];
        const DETERMINERS: &[&str] = &["the", "The", "a", "its", "their", "this", "This"];
        const COMPOUNDS: &[&str] = &[
            "agency",
            "area",
            "areas",
            "bank",
            "board",
            "committee",
            "companies",
            "company",
            "consent",
            "control",
            "corporation",
            "costs",
            "finance",
            "framework",
            "fund",
            "funding",
            "funds",
            "goals",
            "grant",
            "grants",
            "industry",
            "land",
            "management",
            "market",
            "markets",
            "officer",
            "officers",
            "order",
            "orders",
            "partner",
            "partners",
            "plan",
            "plans",
            "policies",
            "policy",
            "programme",
            "rights",
            "scheme",
            "sector",
            "site",
            "sites",
            "strategy",
            "team",
            "work",
            "works",
            "zone",
            "zones",
        ];
        let (norm, toks) = (self.c.norm, self.c.toks);
        for j in 1..toks.len() {
            if !HEADS.contains(&toks[j].s) {
                continue;
            }
            if toks.get(j + 1).is_some_and(|n| {
                adjacent(norm, &toks[j], n) && (is_cap(n.s) || COMPOUNDS.contains(&n.s))
            }) {
                continue;
            }
            let mut k = j;
            if MIDDLE.contains(&toks[k - 1].s) && adjacent(norm, &toks[k - 1], &toks[k]) {
                k -= 1;
            }
            // Two streets joined by "&" name one site: "the Bellamy Close & Byng
            // Street development" (four words, against three otherwise).
            let mut i = k;
            let mut amp = false;
            while i > 1 && k - i < if amp { 5 } else { 3 } {
                let prev = &toks[i - 1];
                if prev.s == "&" && !amp && i < k && is_cap(toks[i - 2].s) {
                    amp = true;
                } else if !is_cap(prev.s)
                    || DETERMINERS.contains(&prev.s)
                    || !adjacent(norm, prev, &toks[i])
                {
                    break;
                }
                i -= 1;
            }
            if i == k || i == 0 || !DETERMINERS.contains(&toks[i - 1].s) {
                continue;
            }
            // A given name is a word of a place's name ("the Ailsa Wharf development"),
            // never a person's ("the Andy Burnham development").
            let sited = super::people::PLACE_HEADS.contains(&toks[k - 1].s);
            let plain = toks[i..k].iter().filter(|t| t.s != "&").all(|t| {
                (self.plain_name_word(t.s) || (sited && given_names().contains(t.s)))
                    && !t.s.ends_with("\u{2019}s")
            });
            let (a, b) = (toks[i].start, toks[j].end);
            if !plain || self.covered(a, b) || self.claimed(a, b) {
                continue;
            }
            let head = toks[j].s;
            // "estate regeneration" within "the Heygate estate regeneration" is this.
            self.supersede_hits_within(a, b);
            self.add(
                norm[a..b].to_string(),
                NodeKind::Policy,
                "programme",
                0.6,
                format!("a place's name before '{head}'"),
                a,
                b,
            );
        }
    }

    /// The employer after a person's role: "the Chief Operating Officer at EcoWorld
    /// London", "an economist at Moneyfacts", "chief executive of Cipfa": a
    /// capitalised name after "at" (or "of", after a role that heads a body), within
    /// four words of a role, is an organisation. Not a place ("a councillor at Leeds"),
    /// a department ("Director of Policy"), a name the lexicon or another rule has, or
    /// a person.
    pub(super) fn employers_of_roles(&mut self) {
        const HEADS_A_BODY: &[&str] = &[
            "chair",
            "chairman",
            "chairwoman",
            "director",
            "executive",
            "founder",
            "head",
            "president",
            "spokesman",
            "spokesperson",
            "spokeswoman",
            "co-founder",
        ];
        const MORE_ROLES: &[&str] = &["analyst", "manager", "partner", "founder", "co-founder"];
        const DEPARTMENTS: &[&str] = &[
            "Campaigns",
            "Communications",
            "Economics",
            "External",
            "Finance",
            "Government",
            "Housing",
            "Operations",
            "Planning",
            "Policy",
            "Public",
            "Research",
            "Staff",
            "State",
            "Strategy",
            "Studies",
            "Affairs",
            "Development",
            "Programmes",
            "Services",
        ];
        let (norm, toks) = (self.c.norm, self.c.toks);
        // Looked up in lower case, lowered on the stack (no string per word).
        static ROLES: std::sync::OnceLock<rustc_hash::FxHashSet<String>> =
            std::sync::OnceLock::new();
        let roles = ROLES.get_or_init(|| {
            words::ROLE_HEADS
                .iter()
                .chain(MORE_ROLES)
                .map(|r| r.to_ascii_lowercase())
                .collect()
        });
        let is_role = |w: &str| {
            let mut buf = [0u8; 24];
            w.len() <= buf.len() && w.is_ascii() && {
                let b = &mut buf[..w.len()];
                b.copy_from_slice(w.as_bytes());
                b.make_ascii_lowercase();
                std::str::from_utf8(b).is_ok_and(|l| roles.contains(l))
            }
        };
        for p in 1..toks.len().saturating_sub(1) {
            let prep = toks[p].s;
            if prep != "at" && prep != "of" {
                continue;
            }
            // A capitalised name after it first (cheap), then a role before it.
            let mut i = p + 1;
            if matches!(toks[i].s, "the" | "The") && i + 1 < toks.len() {
                i += 1;
            }
            if !is_cap(toks[i].s) || !adjacent(norm, &toks[p], &toks[p + 1]) {
                continue;
            }
            let heads_body = || {
                HEADS_A_BODY
                    .iter()
                    .any(|h| h.eq_ignore_ascii_case(toks[p - 1].s))
            };
            if !((prep == "at" || heads_body())
                && (p.saturating_sub(4)..p).any(|k| is_role(toks[k].s)))
            {
                continue;
            }
            let last = run_end(norm, toks, i);
            let run = &toks[i..=last];
            let (a, b) = (run[0].start, strip_end(run));
            let name = &norm[a..b];
            let ws: Vec<&str> = run.iter().map(|t| strip_possessive(t.s)).collect();
            // A place, or a place whose council the article names ("the chief
            // executive of Tower Hamlets" of Tower Hamlets Council).
            let text = self.c.q.0;
            let place = in_gazetteer(name)
                || ws.iter().all(|w| super::places::demonym(w))
                || [" Council", " council", " Borough", " City Council"]
                    .iter()
                    .any(|c| text.contains(&format!("{name}{c}")));
            let plain = ws.iter().all(|w| {
                !DEPARTMENTS.contains(w)
                    && !role_heads().contains(w)
                    && !person_titles().contains(w)
                    && !not_name().contains(w)
            }) && !given_names().contains(ws[0])
                && !(ws.len() == 1
                    && (is_allcaps(ws[0]) || words::is_stopword(&ws[0].to_lowercase())));
            // A name with a body's head ("Suffolk Libraries Board") is the other
            // rules' to read.
            let headed = words::org_head(ws[ws.len() - 1]).is_some()
                // "at King's College": a possessive ends the run within a name.
                || run.iter().any(|t| t.s != strip_possessive(t.s));
            if place || headed || !plain || self.overlaps(a, b) || self.claimed(a, b) {
                continue;
            }
            self.add(
                name.to_string(),
                NodeKind::Actor,
                "organisation",
                0.6,
                format!("a name after a role and '{prep}'"),
                a,
                b,
            );
        }
    }

    /// Names listed beside bodies are bodies: "seven community groups: The Spitalfields
    /// Trust, Nijjor Manush, House of Annetta, East End Preservation Society,
    /// Spitalfields Life as well as the East End Trades Guild". In a list of three
    /// names or more (joined by commas, "and", "as well as"), two or more of them
    /// bodies (a body's head noun, or a body found here), each other capitalised name
    /// of one to four words that no rule has read is an organisation too: no person
    /// (no given name or title opens it), place or description.
    pub(super) fn listed_with_bodies(&mut self) {
        let (norm, toks) = (self.c.norm, self.c.toks);
        if memchr::memmem::find_iter(norm.as_bytes(), b", ")
            .nth(1)
            .is_none()
        {
            return;
        }
        // The list's items: capitalised runs (without an opening "The"), in order.
        let mut items: Vec<(usize, usize)> = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if !is_cap(toks[i].s) {
                i += 1;
                continue;
            }
            let last = run_end(norm, toks, i);
            let first = if matches!(toks[i].s, "The" | "the") && i < last {
                i + 1
            } else {
                i
            };
            items.push((first, last));
            i = last + 1;
        }
        let joined = |a: &(usize, usize), b: &(usize, usize)| {
            let gap = &norm[toks[a.1].end..toks[b.0].start];
            let gap = gap
                .strip_suffix("the ")
                .or_else(|| gap.strip_suffix("The "))
                .unwrap_or(gap);
            matches!(
                gap,
                ", " | " and " | ", and " | " as well as " | ", as well as " | " or "
            )
        };
        let mut k = 0;
        while k < items.len() {
            let mut end = k;
            while end + 1 < items.len() && joined(&items[end], &items[end + 1]) {
                end += 1;
            }
            if end - k + 1 >= 3 {
                self.bodies_in_list(&items[k..=end]);
            }
            k = end + 1;
        }
    }

    /// [`Self::listed_with_bodies`] for one list of item runs (first, last token).
    fn bodies_in_list(&mut self, items: &[(usize, usize)]) {
        let (norm, toks) = (self.c.norm, self.c.toks);
        let si = self.c.si;
        let body_found = |this: &Self, a: usize, b: usize| {
            this.out.mentions.iter().any(|m| {
                m.sentence == si
                    && m.start <= a
                    && b <= m.end
                    && this.out.cands.get(&m.id).is_some_and(|c| {
                        matches!(
                            c.kind.as_str(),
                            "organisation" | "think-tank" | "government-body"
                        )
                    })
            })
        };
        let is_body = |this: &Self, &(f, l): &(usize, usize)| {
            words::org_head(strip_possessive(toks[l].s)).is_some()
                || body_found(this, toks[f].start, strip_end(&toks[f..=l]))
        };
        if items.iter().filter(|it| is_body(self, it)).count() < 2 {
            return;
        }
        for &(f, l) in items {
            let run = &toks[f..=l];
            let (a, b) = (run[0].start, strip_end(run));
            let ws: Vec<&str> = run.iter().map(|t| strip_possessive(t.s)).collect();
            let name = &norm[a..b];
            let place = in_gazetteer(name) || ws.iter().any(|w| super::places::demonym(w));
            let plain = ws.len() <= 4
                && !given_names().contains(ws[0])
                && !person_titles().contains(ws[0])
                && !role_heads().contains(ws[0])
                && !ws
                    .iter()
                    .any(|w| not_name().contains(w) || is_allcaps(w) && w.len() < 3);
            let known = self.overlaps(a, b) || self.claimed(a, b) || self.named_here(a, b);
            if place || !plain || known || is_body(self, &(f, l)) {
                continue;
            }
            self.add(
                name.to_string(),
                NodeKind::Actor,
                "organisation",
                0.55,
                "a name listed with bodies".into(),
                a,
                b,
            );
        }
    }

    /// A programme named only by its capitalised name, after a verb that one does to
    /// a policy: "promised to reverse Liveable Streets", "voted to scrap Healthy
    /// Streets", "abandoned Project Speed". Two to five words; no person (given name,
    /// title or role first), body (a body's head noun), place or name another rule has.
    pub(super) fn named_after_policy_verbs(&mut self) {
        const VERBS: &[&str] = &[
            "abandon",
            "abandoned",
            "abolish",
            "abolished",
            "abolishing",
            "axe",
            "axed",
            "axing",
            "cancel",
            "cancelled",
            "cancelling",
            "expand",
            "expanded",
            "expanding",
            "extend",
            "extended",
            "implement",
            "implemented",
            "implementing",
            "introduce",
            "introduced",
            "introducing",
            "launch",
            "launched",
            "launching",
            "pilot",
            "piloted",
            "reinstate",
            "reinstated",
            "replace",
            "replaced",
            "reverse",
            "reversed",
            "reversing",
            "scrap",
            "scrapped",
            "scrapping",
            "unveil",
            "unveiled",
        ];
        static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
            std::sync::OnceLock::new();
        let verbs = SET.get_or_init(|| VERBS.iter().copied().collect());
        let (norm, toks) = (self.c.norm, self.c.toks);
        for v in 0..toks.len().saturating_sub(2) {
            // Cheap first: a capitalised word two places on at most.
            let next_cap = |k: usize| toks.get(k).is_some_and(|t| is_cap(t.s));
            let w = toks[v].s.as_bytes();
            if !(3..=12).contains(&w.len())
                || !matches!(
                    w[0],
                    b'a' | b'c' | b'e' | b'i' | b'l' | b'p' | b'r' | b's' | b'u'
                )
                || !(next_cap(v + 1) || next_cap(v + 2))
                || !verbs.contains(toks[v].s)
            {
                continue;
            }
            let mut i = v + 1;
            if matches!(toks[i].s, "the" | "its" | "their") && i + 1 < toks.len() {
                i += 1;
            }
            if !is_cap(toks[i].s) || !adjacent(norm, &toks[i - 1], &toks[i]) {
                continue;
            }
            let last = run_end(norm, toks, i);
            let run = &toks[i..=last];
            let ws: Vec<&str> = run.iter().map(|t| strip_possessive(t.s)).collect();
            if !(2..=5).contains(&ws.len()) {
                continue;
            }
            let (a, b) = (run[0].start, strip_end(run));
            let name = &norm[a..b];
            let place = in_gazetteer(name) || ws.iter().any(|w| super::places::demonym(w));
            let person_or_body = given_names().contains(ws[0])
                || person_titles().contains(ws[0])
                || role_heads().contains(ws[0])
                || PEERAGES.contains(&ws[0])
                || words::org_head(ws[ws.len() - 1]).is_some()
                || ws.iter().any(|w| not_name().contains(w) || is_allcaps(w));
            let known = self.overlaps(a, b) || self.claimed(a, b) || self.named_here(a, b);
            if place || person_or_body || known {
                continue;
            }
            let kind = words::policy_head(name).unwrap_or("programme");
            self.add(
                name.to_string(),
                NodeKind::Policy,
                kind,
                0.55,
                format!("a name after '{}'", toks[v].s),
                a,
                b,
            );
        }
    }
}

/// Nouns of a piece of research whose author "by" names: "a study by UCL".
const RESEARCH_NOUNS: &[&str] = &[
    "analysis",
    "audit",
    "briefing",
    "estimates",
    "evaluation",
    "figures",
    "forecast",
    "forecasts",
    "investigation",
    "modelling",
    "paper",
    "poll",
    "polling",
    "polls",
    "projections",
    "report",
    "reports",
    "research",
    "review",
    "studies",
    "study",
    "survey",
    "surveys",
];

impl SentenceScan<'_, '_, '_> {
    /// A body named as the author of a piece of research: "a study by UCL",
    /// "Research in 2019 by Citizens Advice Oxford", "a report commissioned by the
    /// County Council Network", "polling by YouGov". The capitalised run after "by"
    /// (and "the") is an organisation when no given name, title or role opens it,
    /// it is no known place and nothing else named it; one word only when it is in
    /// capitals or has a capital inside ("UCL", "YouGov"), as a surname alone is
    /// an academic author's ("a study by Bentley (2017)").
    pub(super) fn authors_of_research(&mut self) {
        let (norm, toks) = (self.c.norm, self.c.toks);
        for i in 0..toks.len() {
            if toks[i].s != "by" {
                continue;
            }
            let cited = toks[i.saturating_sub(4)..i]
                .iter()
                .any(|t| RESEARCH_NOUNS.contains(&t.s.to_ascii_lowercase().as_str()));
            if !cited {
                continue;
            }
            let mut j = i + 1;
            if toks.get(j).is_some_and(|t| t.s == "the") {
                j += 1;
            }
            let Some((last, a, b)) = body_name_at(norm, toks, j, 5) else {
                continue;
            };
            let first = toks[j].s;
            let one_word_ok = last > j
                || is_allcaps(first) && first.len() >= 3
                || first.chars().skip(1).any(char::is_uppercase);
            // "analysis by MPs": a plural acronym names people, not a body.
            let plural_acronym = first
                .strip_suffix('s')
                .is_some_and(|w| w.len() >= 2 && is_allcaps(w));
            let citation = norm[b..].trim_start().starts_with("(1")
                || norm[b..].trim_start().starts_with("(2");
            let name = &norm[a..b];
            if !one_word_ok
                || plural_acronym
                || citation
                || role_heads().contains(first)
                || self.taken_or_no_body(first, a, b)
            {
                continue;
            }
            self.add(
                name.to_string(),
                NodeKind::Actor,
                "organisation",
                0.6,
                "a body named as the author of research ('a study by UCL')".into(),
                a,
                b,
            );
        }
    }

    /// Whether the name `norm[a..b]`, opening with the word `first`, is no body's (a
    /// given name or a title opens it: a person's; a known place) or is had already
    /// (the lexicon's, or another rule's here).
    fn taken_or_no_body(&self, first: &str, a: usize, b: usize) -> bool {
        let name = &self.c.norm[a..b];
        given_names().contains(first)
            || person_titles().contains(first)
            || self.known_place(name)
            || self.lex.id_for_name(name).is_some()
            || self.overlaps(a, b)
            || self.named_here(a, b)
    }

    /// A body named after the noun of what it is and "called" or "named": "the group
    /// called One Tower Hamlets", "a campaign called Save Our Parks", "a new party
    /// named Reform". Not a place, a person, or a name the lexicon has.
    pub(super) fn bodies_called(&mut self) {
        const BODIES: [(&str, &str); 14] = [
            ("group", "organisation"),
            ("campaign", "organisation"),
            ("organisation", "organisation"),
            ("organization", "organisation"),
            ("charity", "organisation"),
            ("company", "organisation"),
            ("firm", "organisation"),
            ("network", "organisation"),
            ("coalition", "organisation"),
            ("alliance", "organisation"),
            ("movement", "organisation"),
            ("association", "organisation"),
            ("trust", "organisation"),
            ("party", "party"),
        ];
        let (norm, toks) = (self.c.norm, self.c.toks);
        for i in 1..toks.len() {
            if !matches!(toks[i].s, "called" | "named") {
                continue;
            }
            let Some(&(_, kind)) = BODIES.iter().find(|(n, _)| *n == toks[i - 1].s) else {
                continue;
            };
            let Some((_, a, b)) = body_name_at(norm, toks, i + 1, 6) else {
                continue;
            };
            if self.taken_or_no_body(toks[i + 1].s, a, b) {
                continue;
            }
            self.add(
                norm[a..b].to_string(),
                NodeKind::Actor,
                kind,
                0.6,
                format!("a name after '{} {}'", toks[i - 1].s, toks[i].s),
                a,
                b,
            );
        }
    }
}

/// Whether `w` is a lowercase adjective that may stand between a determiner and a
/// programme's name ("the divisive Liveable Streets scheme", "the flagship Towns Fund
/// scheme"): by its ending, or one of a few that have none.
fn describes(w: &str) -> bool {
    const ENDINGS: [&str; 9] = ["ive", "al", "ous", "ful", "ic", "ed", "ent", "ant", "ble"];
    const OTHERS: [&str; 5] = ["flagship", "landmark", "popular", "pilot", "former"];
    w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        && !crate::words::is_stopword(w)
        && (ENDINGS
            .iter()
            .any(|e| w.len() > e.len() + 2 && w.ends_with(e))
            || OTHERS.contains(&w))
}

/// The capitalised name opening at token `j` ("of", "for", "and", "the" and "&" inside
/// it, at most `more` words after its first): its last token and its span, without
/// the closing mark; None when no capital, or a possessive, opens it.
fn body_name_at(norm: &str, toks: &[Tok], j: usize, more: usize) -> Option<(usize, usize, usize)> {
    let first = toks.get(j)?.s;
    if !is_cap(first) || first.ends_with("'s") || first.ends_with('\u{2019}') {
        return None;
    }
    let last = cap_run_last(norm, toks, j, more, |w| {
        matches!(w, "of" | "for" | "and" | "the" | "&")
    });
    Some((last, toks[j].start, strip_end(&toks[j..=last])))
}
