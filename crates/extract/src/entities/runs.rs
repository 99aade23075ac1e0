//! Names in runs of capitalised words, the first step of reading a sentence:
//! scanning a run ("Council of the Nations", up to two connectors before a capital),
//! trimming it (a common word opening a sentence, connectors and non-names at its
//! end), then classifying it: a proposal in quotes, an organisation whose
//! role-holder follows, a policy or organisation by its head word, or a person
//! (with a role, a title, "MP", a given name or a reporting verb).

use super::sentence::{adjacent, SentenceScan};
use super::tokens::{is_allcaps, is_cap, is_connector, lower, strip_end, strip_possessive, Tok};
use crate::words::{self, given_names, not_name, person_titles, role_heads};
use levelmap_model::given_names::is_name_particle;
use levelmap_model::NodeKind;

impl<'a, 's> SentenceScan<'_, 'a, 's> {
    /// Every run of two capitalised words or more, in text order.
    pub(super) fn capitalised_runs(&mut self) {
        let toks = self.c.toks;
        let mut i = 0;
        while i < toks.len() {
            let t = toks[i];
            if !is_cap(t.s) {
                i += 1;
                continue;
            }
            let last = run_end(self.c.norm, toks, i);
            let next_i = last + 1;
            if last == i {
                // One capitalised word alone names nothing here: policies and organisations
                // take two words or more, and people a given name and surname; but an
                // acronym that speaks is a body ("warned CREDS").
                self.speaking_acronym(i);
                i = next_i;
                continue;
            }
            let run = self.trimmed(&toks[i..=last]);
            i = next_i;
            if run.len() < 2 || self.claimed(run[0].start, run[run.len() - 1].end) {
                continue;
            }
            self.classify(run, i);
        }
    }

    /// The run without a common word opening a sentence ("The"; "Securonomics" stays
    /// if unknown) and without connectors or non-names at its end.
    fn trimmed(&mut self, mut run: &'s [Tok<'a>]) -> &'s [Tok<'a>] {
        let norm = self.c.norm;
        // A named act, fund or plan of three words or more keeps the common words it
        // opens with ("Take Back Control Act", "Build Back Better Fund"), all but a
        // determiner.
        let named_policy =
            run.len() >= 3 && words::policy_head(&norm[run[0].start..strip_end(run)]).is_some();
        while let Some(f) = run.first() {
            let lw = lower(f.s, &mut self.out.scratch.lower);
            let sentence_start = f.start == 0
                || norm[..f.start]
                    .trim_end()
                    .ends_with(['"', '\'', '(', ':', '-'])
                    && f.start < 3;
            // "New" opens many names ("New Local Government Network"); a given name
            // that is also a word ("Will Tanner") is a name inside a sentence, and at
            // its start when the name speaks ("Will Hutton wrote that ...").
            let keeps = run.len() >= 2
                && ((!sentence_start
                    && ((f.s == "New"
                        && (words::org_head(strip_possessive(run[run.len() - 1].s)).is_some()
                            || words::policy_head(&norm[run[0].start..strip_end(run)])
                                .is_some()))
                        || given_names().contains(f.s)))
                    || (run.len() == 2
                        && given_names().contains(f.s)
                        && (reported_after(norm, strip_end(run))
                            || role_in_apposition(norm, strip_end(run))))
                    || title_and_surname_speak(norm, run)
                    // "Mayor Lutfur Rahman leads ...": a title opening a sentence
                    // before a name of two words stays, though "mayor" is a word.
                    || (sentence_start
                        && run.len() == 3
                        && (person_titles().contains(f.s)
                            || role_heads().contains(f.s)
                            || is_member_title(f.s))
                        && run[1..].iter().all(|t| is_cap(t.s) && !is_allcaps(t.s))));
            let named = named_policy
                && run.len() >= 3
                && f.start > 0
                && !matches!(
                    &*lw,
                    "the"
                        | "a"
                        | "an"
                        | "this"
                        | "that"
                        | "these"
                        | "those"
                        | "our"
                        | "their"
                        | "its"
                        | "his"
                        | "her"
                        | "my"
                        | "your"
                        | "new"
                );
            if !keeps
                && !named
                && (words::is_stopword(&lw)
                    || (sentence_start
                        && (self.vocab.contains(&lw)
                            || words::sentence_starters().contains(f.s)
                            || is_opening_adverb(&lw)))
                    || not_name().contains(f.s))
                // "Tower Hamlets Community Housing is ...": a word the article also
                // uses in lower case ("a tower block") still opens the name when the
                // article writes it with the next word inside a sentence ("in Tower
                // Hamlets"); searched for only where the word would otherwise go.
                && !(sentence_start
                    && run.len() >= 2
                    && is_cap(run[1].s)
                    && !words::is_stopword(&lw)
                    && self.vocab.written_inside(&norm[f.start..run[1].end]))
            {
                run = &run[1..];
            } else {
                break;
            }
        }
        while run
            .last()
            .is_some_and(|t| is_connector(t.s) || not_name().contains(strip_possessive(t.s)))
            && !month_surname(run)
        {
            run = &run[..run.len() - 1];
        }
        run
    }

    /// Propose what a trimmed run names; `i` is the index of the token after the
    /// untrimmed run.
    fn classify(&mut self, run: &'s [Tok<'a>], i: usize) {
        let norm = self.c.norm;
        let (a, b) = (run[0].start, strip_end(run));
        let name = &norm[a..b];
        // An office's possessive opening a name keeps its "'s" ("Mayor's Design
        // Advisory Group"): the name is a body's or a programme's, not a role's.
        let words: Vec<&str> = run
            .iter()
            .enumerate()
            .map(|(k, t)| match k {
                0 if is_office_possessive(t.s) => t.s,
                _ => strip_possessive(t.s),
            })
            .collect();
        // "Mr Pendleton said": a person by title ("Mr" is no name of its own).
        let titled = title_and_surname_speak(norm, run) && !not_name().contains(&words[1]);
        if words
            .iter()
            .any(|w| not_name().contains(w) && words.len() <= 2)
            && !month_surname(run)
            && !titled
        {
            return;
        }
        let head = *words.last().unwrap_or(&"");
        // "the Funding Service", "Children's Services": a department or a thing, and
        // no person either.
        if words.len() < min_words_before(head) {
            return;
        }
        let heads = Heads {
            policy: words::policy_head(name),
            org: words::org_head(head)
                .filter(|_| !housing_concept(&words))
                .or_else(|| org_head_before_of(&words)),
        };
        if self.covered(a, b) {
            return;
        }
        if quoted_after_a(norm, a, b) && words.len() >= 2 {
            self.quoted_proposal(heads, (a, b));
            return;
        }
        if self.overlaps(a, b) && self.only_extends_a_hit(run, i, &words, heads, (a, b)) {
            return;
        }
        // A person "of" an organisation, in one run: "Tom Deakin of Taunton Town
        // Council" names both, not one organisation.
        if heads.any() && self.person_of_org(run, &words, false) {
            return;
        }
        if self.role_holders_body(run, i, &words, (a, b)) {
            return;
        }
        if heads.any() {
            self.named_by_head(&words, heads, (a, b));
            return;
        }
        if self.person_of_org(run, &words, false) {
            return;
        }
        if !titled && self.speaking_body(run, &words) {
            return;
        }
        if self.named_with_an_acronym(&words, (a, b)) {
            return;
        }
        self.person(run, i, &words);
    }

    /// "Poplar HARCA", "Tower Hamlets CVS": a name ending in an acronym of three to
    /// six capitals after capitalised words (a place, often) is an organisation, no
    /// person (no given name or title opens it) and no thing ("Britain GDP").
    fn named_with_an_acronym(&mut self, words: &[&str], (a, b): (usize, usize)) -> bool {
        const THINGS: &[&str] = &[
            "GDP", "GVA", "VAT", "COVID", "CEO", "CEOs", "MPs", "MSPs", "MEPs", "CCTV", "GCSE",
            "GCSEs", "PPE", "LGBT", "LGBTQ", "NATO", "USA", "III", "ULEZ", "LTN", "LTNs", "HMO",
            "HMOs", "SEND", "NHS", "BBC", "PLC", "LTD", "LLP", "CIC",
        ];
        let Some((last, rest)) = words.split_last() else {
            return false;
        };
        let acronym = (3..=6).contains(&last.len())
            && last.bytes().all(|c| c.is_ascii_uppercase())
            && !THINGS.contains(last);
        if !acronym
            || rest.is_empty()
            || rest.iter().any(|w| is_allcaps(w) || !is_cap(w))
            || given_names().contains(rest[0])
            || person_titles().contains(rest[0])
            || role_heads().contains(rest[0])
            || self.overlaps(a, b)
        {
            return false;
        }
        self.add(
            self.c.norm[a..b].to_string(),
            NodeKind::Actor,
            "organisation",
            0.6,
            "a name ending in an acronym".into(),
            a,
            b,
        );
        true
    }

    /// A proposal named in quotes after "a": "a 'Devolution Parliament'", "a “New
    /// Deal for Local Government”"; the names inside ("Local Government") give way.
    fn quoted_proposal(&mut self, heads: Heads, (a, b): (usize, usize)) {
        self.supersede_hits_within(a, b);
        let kind = if heads.org.is_some() {
            "institution"
        } else {
            heads.policy.unwrap_or("measure")
        };
        self.add(
            self.c.norm[a..b].to_string(),
            NodeKind::Policy,
            kind,
            0.6,
            "a capitalised name in quotes after 'a'".into(),
            a,
            b,
        );
    }

    /// A run overlapping a lexicon hit is new only if its head is a name head; a
    /// lexicon hit that is only a bare head ("White Paper", an alias of one white
    /// paper) gives way to the longer name it ends ("Devolution White Paper"). Whether
    /// the run is dealt with here (as a person of a known body, or as nothing new).
    fn only_extends_a_hit(
        &mut self,
        run: &'s [Tok<'a>],
        i: usize,
        words: &[&str],
        heads: Heads,
        (a, b): (usize, usize),
    ) -> bool {
        let norm = self.c.norm;
        let head_span = run.last().map(|t| (t.start, t.end)).unwrap_or((a, b));
        let bare_head = self.c.hit_spans.iter().find(|&&(s, e)| {
            e == b && s > a && !norm[a..s].trim().is_empty() && {
                let h = &norm[s..e];
                words::POLICY_HEADS.iter().any(|(p, _)| *p == h)
                    || words::ORG_HEADS.iter().any(|(o, _)| *o == h)
            }
        });
        if let Some(&(s, e)) = bare_head.filter(|_| heads.any()) {
            self.out.scratch.superseded.push((self.c.si, s, e));
            return false;
        }
        if !heads.any() || self.overlaps(head_span.0, head_span.1) {
            // "Jane Smith of IPPR", "Tom Jones of the Resolution Foundation": a
            // person of an organisation the lexicon knows.
            if !self.person_of_known_org(run, words) {
                self.person_after_hit(run, i);
            }
            return true;
        }
        false
    }

    /// An organisation's role-holder: "Active Profile's Managing Director Anna Heyes".
    /// Whether the run was such a body.
    fn role_holders_body(
        &mut self,
        run: &'s [Tok<'a>],
        i: usize,
        words: &[&str],
        (a, b): (usize, usize),
    ) -> bool {
        if !run.last().is_some_and(|t| t.s.ends_with("'s"))
            || self.overlaps(a, b)
            || given_names().contains(words[0])
        {
            return false;
        }
        let after = &self.c.toks[i..];
        let role_next = after
            .iter()
            .take(3)
            .take_while(|t| is_cap(t.s))
            .any(|t| role_heads().contains(t.s));
        let adjacent = after
            .first()
            .is_some_and(|t| t.start == run[run.len() - 1].end + 1);
        if !(role_next && adjacent) {
            return false;
        }
        self.add(
            self.c.norm[a..b].to_string(),
            NodeKind::Actor,
            "organisation",
            0.6,
            "a name whose role-holder follows ('X's Director')".into(),
            a,
            b,
        );
        true
    }

    /// A run ending in a policy or organisation head: one name, or two sharing a
    /// plural head; nothing for a fragment or a generic name.
    fn named_by_head(&mut self, words: &[&str], heads: Heads, (a, b): (usize, usize)) {
        let norm = self.c.norm;
        let name = &norm[a..b];
        let head = *words.last().unwrap_or(&"");
        if let Some(names) = coordinated(words) {
            self.coordinated_names(names, heads, head, (a, b));
            return;
        }
        let body_only = heads.org.is_some() && heads.policy.is_none();
        if self.fragment_or_generic(a, body_only) || GENERIC_NOUNS.contains(&name) {
            return;
        }
        // Acronym defined in brackets right after: "Local Enterprise Partnerships (LEPs)".
        let acronym = norm[b..]
            .strip_prefix(" (")
            .and_then(|r| r.split_once(')'))
            .map(|(x, _)| x)
            .filter(|x| {
                is_allcaps(x.strip_suffix('s').unwrap_or(x)) && !x.contains(' ') && x.len() <= 8
            });
        let (node, kind, what) = match (heads.policy, heads.org) {
            (Some(pk), _) if !role_heads().contains(words[0]) => {
                (NodeKind::Policy, pk, "a name ending in")
            }
            (None, Some(ok)) if !is_role_phrase(words) && !is_venue(words) => {
                (NodeKind::Actor, ok, "an organisation name ending in")
            }
            _ => return,
        };
        if words.len() < 2 {
            return;
        }
        // "PricewaterhouseCoopers LLP": a company is named without its legal form, as
        // other articles write it, the full form an alias; "the Local Government Act
        // 1999": a law's year is part of its name, the name without it an alias.
        let legal_form = node == NodeKind::Actor
            && matches!(head, "LLP" | "PLC" | "plc" | "Ltd" | "Limited" | "Inc");
        let bare = legal_form
            .then(|| name.rsplit_once(' ').map(|(x, _)| x.trim_end_matches(',')))
            .flatten()
            .filter(|x| !x.is_empty());
        let dated = matches!(head, "Act" | "Bill" | "Order" | "Regulations")
            .then(|| year_after(norm, b))
            .flatten();
        let end = dated.unwrap_or(b);
        let id = self.add(
            bare.unwrap_or(&norm[a..end]).to_string(),
            node,
            kind,
            0.6,
            format!("{what} '{head}'"),
            a,
            end,
        );
        if bare.is_some() {
            self.add_alias(&id, Some(name));
        }
        self.add_alias(&id, acronym);
        if dated.is_some() {
            self.add_alias(&id, Some(name));
        }
    }

    /// "Suffolk Coastal and Waveney District Councils", "Growth Zones and Renewal
    /// Zones": two bodies or policies sharing a plural head, one name each.
    fn coordinated_names(
        &mut self,
        names: [(String, Option<String>); 2],
        heads: Heads,
        head: &str,
        (a, b): (usize, usize),
    ) {
        for (n, alias) in names {
            let (node, kind, what) = match heads.org {
                Some(ok) if heads.policy.is_none() => (NodeKind::Actor, ok, "an organisation"),
                _ => (
                    NodeKind::Policy,
                    words::policy_head(&n)
                        .or(heads.policy)
                        .unwrap_or("programme"),
                    "a policy",
                ),
            };
            let id = self.add(
                n,
                node,
                kind,
                0.55,
                format!("{what} of two named before a shared plural head ('{head}')"),
                a,
                b,
            );
            // The name as the text writes it ("Waveney"), so that the article's
            // mentions find it.
            self.add_alias(&id, alias.as_deref());
        }
    }

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
    /// programme". The name is the policy; with its head, an alias. Not a name the
    /// lexicon or another rule has, nor a person, body, people or month.
    pub(super) fn named_before_lower_heads(&mut self) {
        const HEADS: [(&str, &str); 10] = [
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
            let mut i = j;
            while i > 0
                && j - i < 4
                && is_cap(toks[i - 1].s)
                && adjacent(norm, &toks[i - 1], &toks[i])
            {
                i -= 1;
            }
            if i == j || i == 0 || !DETERMINERS.contains(&toks[i - 1].s) {
                continue;
            }
            let run = &toks[i..j];
            let (a, b) = (run[0].start, run[run.len() - 1].end);
            if self.named_here(a, b) || self.overlaps(a, b) || self.claimed(a, b) {
                continue;
            }
            let plain = run.iter().all(|t| {
                self.plain_name_word(t.s)
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
            let mut i = k;
            while i > 0
                && k - i < 3
                && is_cap(toks[i - 1].s)
                && !DETERMINERS.contains(&toks[i - 1].s)
                && adjacent(norm, &toks[i - 1], &toks[i])
            {
                i -= 1;
            }
            if i == k || i == 0 || !DETERMINERS.contains(&toks[i - 1].s) {
                continue;
            }
            let plain = toks[i..k]
                .iter()
                .all(|t| self.plain_name_word(t.s) && !t.s.ends_with("\u{2019}s"));
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

    /// An acronym no lexicon holds that speaks or is cited is an organisation: "warned
    /// CREDS", "NIESR found", "according to NPEU". Three capitals or more, in a
    /// sentence not itself in capitals, and no acronym of a thing ("GDP", "VAT").
    fn speaking_acronym(&mut self, i: usize) {
        const SAYS: &[&str] = &[
            "found",
            "finds",
            "estimates",
            "estimated",
            "reported",
            "reports",
            "published",
            "calculated",
            "calculates",
            "predicts",
            "predicted",
            "forecasts",
        ];
        const THINGS: &[&str] = &[
            "GDP", "GVA", "VAT", "COVID", "CEO", "CEOs", "MPs", "MSPs", "MEPs", "CCTV", "GCSE",
            "GCSEs", "PPE", "LGBT", "LGBTQ", "AI", "NATO", "USA", "III", "OK", "TV", "PR",
        ];
        let (norm, toks) = (self.c.norm, self.c.toks);
        let t = toks[i];
        let letters = t.s.chars().filter(|c| c.is_ascii_uppercase()).count();
        if !is_allcaps(t.s)
            || letters < 3
            || letters != t.s.chars().count()
            || THINGS.contains(&t.s)
            || self.overlaps(t.start, t.end)
        {
            return;
        }
        // A shouted sentence holds many words in capitals.
        if toks.iter().filter(|w| is_allcaps(w.s)).count() > 2 {
            return;
        }
        let next = word_after(norm, t.end);
        let prev: Vec<&str> = norm[..t.start].split_whitespace().rev().take(2).collect();
        let says = words::REPORTING_VERBS.contains(&next) || SAYS.contains(&next);
        let said = prev
            .first()
            .is_some_and(|w| words::REPORTING_VERBS.contains(&w.trim_end_matches(',')));
        let cited = prev.len() == 2 && prev[0] == "to" && prev[1].eq_ignore_ascii_case("according");
        // Spelled out in the article ("the Strategic Defence Review ... the SDR found"),
        // it is the short form of a name the other rules read.
        if !(says || said || cited) || spelled_out(self.c.q.0, t.s) {
            return;
        }
        self.add(
            t.s.to_string(),
            NodeKind::Actor,
            "organisation",
            0.55,
            "an acronym that speaks or is cited".into(),
            t.start,
            t.end,
        );
    }

    /// "Power to Change said ...", "Friends of the Earth warned ...": a name joined by
    /// a lowercase connector, which no person's name has, that speaks (a reporting
    /// verb follows) is an organisation. Places ("Stoke-on-Trent", "Newcastle upon
    /// Tyne") and known people are left to the other rules.
    fn speaking_body(&mut self, run: &'s [Tok<'a>], words: &[&str]) -> bool {
        let norm = self.c.norm;
        let (a, b) = (run[0].start, strip_end(run));
        let connected = words.len() >= 3
            && words[1..words.len() - 1]
                .iter()
                .any(|w| matches!(*w, "to" | "for" | "of" | "the" | "and"))
            && words.iter().filter(|w| is_cap(w)).count() >= 2;
        if !connected
            || !reported_after(norm, b)
            || given_names().contains(words[0])
            || PEERAGES.contains(&words[0])
            || person_titles().contains(words[0])
            || is_role_phrase(words)
            || self.overlaps(a, b)
        {
            return false;
        }
        self.add(
            norm[a..b].to_string(),
            NodeKind::Actor,
            "organisation",
            0.55,
            "a name joined by a lowercase word that speaks ('X to Y said')".into(),
            a,
            b,
        );
        true
    }

    /// Whether the organisation or policy name at byte `a` is no name: an
    /// organisation (`org`) named generically after "a"/"an" and an adjective ("an
    /// interim Economic Partnership"; "a new Council of the Nations" names the new
    /// body), the tail of a longer name joined by a lowercase word ("Union with
    /// England Act"), or the tail of a title ("secretary of State for Wales").
    fn fragment_or_generic(&self, a: usize, org: bool) -> bool {
        let before: Vec<&str> = self.c.norm[..a].split_whitespace().rev().take(3).collect();
        let lw = |i: usize| before.get(i).map(|w| w.to_lowercase()).unwrap_or_default();
        let generic = org
            && matches!(lw(1).as_str(), "a" | "an")
            && before[0].chars().all(char::is_lowercase)
            && !matches!(before[0], "new" | "proposed");
        // (An organisation after "with" is one of its own: "the Shared Staffing
        // Arrangement with Wandsworth Council".)
        let joined_tail = !org
            && matches!(before.first(), Some(&("with" | "between" | "against")))
            && before.get(1).is_some_and(|w| is_cap(w));
        // Only a title's tail: "secretary of State for Wales". After "leader of" or
        // "chief executive of" comes the organisation the person speaks for.
        let role_tail = matches!(before.first(), Some(&("of" | "for")))
            && before.get(1).is_some_and(|w| {
                let w = w.to_lowercase();
                w == "secretary" || w == "minister"
            });
        generic || joined_tail || role_tail
    }

    /// A role and name after the last lexicon hit in the run: "Former Labour First
    /// Minister Jack McConnell", "Cabinet Office Minister Michael Gove".
    fn person_after_hit(&mut self, run: &'s [Tok<'a>], i: usize) {
        let Some(k) = run
            .iter()
            .rposition(|t| self.overlaps(t.start, t.end))
            .map(|k| k + 1)
        else {
            return;
        };
        let rest = &run[k..];
        let words: Vec<&str> = rest.iter().map(|t| strip_possessive(t.s)).collect();
        let has_role = words
            .iter()
            .take(words.len().saturating_sub(1))
            .any(|w| role_heads().contains(w) || is_member_title(w));
        if rest.len() >= 3 && has_role {
            self.person(rest, i, &words);
        }
    }

    /// [`Self::person_of_org`] when the lexicon knows the organisation after "of" and
    /// nothing before it: the words before "of" are the person's name.
    fn person_of_known_org(&mut self, run: &'s [Tok<'a>], words: &[&str]) -> bool {
        let Some(p) = words.iter().position(|w| *w == "of") else {
            return false;
        };
        let before_known = run[..p].iter().any(|t| self.overlaps(t.start, t.end));
        let after_known = run[p + 1..].iter().any(|t| self.overlaps(t.start, t.end));
        // "Axel Springer of Germany": a country known as a place is no body one
        // belongs to.
        let of = words[p + 1..].join(" ");
        let place = self.known_place(of.strip_prefix("the ").unwrap_or(&of));
        !before_known && after_known && !place && self.person_of_org(run, words, true)
    }

    /// "Richard Harris of the University of Bristol": a person named with the
    /// organisation they belong to; the organisation is read as a run of its own.
    /// `known`: the lexicon knows the organisation ("Jensen Huang of Nvidia").
    fn person_of_org(&mut self, run: &'s [Tok<'a>], words: &[&str], known: bool) -> bool {
        let Some(p) = words.iter().position(|w| *w == "of") else {
            return false;
        };
        let prev = self.c.norm[..run[0].start]
            .trim_end()
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        // "Mr Wright of New Financial": a titled surname of an organisation.
        let titled = p == 1 && person_titles().contains(prev);
        if !((2..=3).contains(&p) || titled) || p + 1 >= run.len() {
            return false;
        }
        let name = &run[..p];
        let named =
            titled || given_names().contains(words[0]) || words::REPORTING_VERBS.contains(&prev);
        // "Jac Larner of Cardiff University": a plain name of an organisation is a
        // person of it, even with a given name no list holds.
        let affiliated = !named
            && (known
                || words::org_head(words[words.len() - 1]).is_some()
                || org_description_after(&self.c.norm[strip_end(run)..]))
            && self.plain_name(&words[..p]);
        if !(named || affiliated)
            || name
                .iter()
                .any(|t| !is_cap(t.s) && !is_name_particle(t.s) || is_allcaps(t.s))
        {
            return false;
        }
        let Some(at) = self.c.toks.iter().position(|t| t.start == run[0].start) else {
            return false;
        };
        if affiliated {
            let signs = PersonSigns {
                affiliated: true,
                prev_word: prev,
                next_word: "of",
                ..PersonSigns::default()
            };
            self.propose_person(name, signs);
        } else {
            self.person(name, at + p, &words[..p]);
        }
        let org = &run[p + 1..];
        let org = if org.first().is_some_and(|t| t.s == "the") {
            &org[1..]
        } else {
            org
        };
        if org.len() >= 2 {
            self.classify(org, at + run.len());
        }
        true
    }

    /// Whether `words` read as a person's name and nothing else: capitalised words,
    /// none an organisation or role head, a title, a month or weekday, or a word the
    /// article or English uses in lower case ("Jac Larner", not "Royal Society" or
    /// "Metropolitan Borough").
    fn plain_name(&mut self, words: &[&str]) -> bool {
        let n = words.len();
        words.iter().enumerate().all(|(i, w)| {
            let lw = lower(w, &mut self.out.scratch.lower).into_owned();
            // A surname may be a name that is also a word ("Chetal Patel").
            let surname = n >= 2 && i == n - 1;
            is_cap(w)
                && !is_allcaps(w)
                && !w.ends_with("'s")
                && words::org_head(w).is_none()
                && !role_heads().contains(w)
                && !person_titles().contains(w)
                && !not_name().contains(w)
                && !words::is_stopword(&lw)
                && !self.vocab.contains(&lw)
                && (surname || !levelmap_model::mentions::COMMON_WORDS.contains(&lw.as_str()))
        })
    }

    /// People: role + name, title + name, given name + surname, name + MP.
    fn person(&mut self, run: &'s [Tok<'a>], i: usize, words: &[&str]) {
        let (norm, toks) = (self.c.norm, self.c.toks);
        let b = strip_end(run);
        let role_split = words
            .iter()
            .rposition(|w| role_heads().contains(w) || is_member_title(w));
        let (role, person): (Option<String>, &[Tok]) = match role_split {
            Some(r) if r + 1 < run.len() => (
                Some(norm[run[0].start..run[r].end].to_string()),
                &run[r + 1..],
            ),
            _ => (None, run),
        };
        let mut person: Vec<Tok> = person
            .iter()
            .copied()
            .filter(|t| !person_titles().contains(t.s))
            .collect();
        // "In Derbyshire Charlotte Hill, a former highways worker": a place after a
        // preposition, then a given name and surname, is no part of the name.
        let after_preposition = matches!(
            norm[..run[0].start].trim_end().rsplit(' ').next(),
            Some("In" | "in" | "At" | "at" | "From" | "from" | "Across" | "across")
        );
        if after_preposition
            && person.len() == 3
            && !given_names().contains(person[0].s)
            && given_names().contains(person[1].s)
        {
            person.remove(0);
        }
        let before = toks[..i.saturating_sub(run.len())].last();
        let titled = person.len() < run.len()
            || before.is_some_and(|p| {
                person_titles().contains(p.s)
                    || is_member_title(p.s.rsplit('-').next().unwrap_or(p.s))
                    || LOWER_ROLES.contains(&p.s)
            });
        let peer = run.len() == 2
            && PEERAGES.contains(&run[0].s)
            && !role_heads().contains(strip_possessive(run[1].s))
            && !matches!(
                strip_possessive(run[1].s),
                "Advocate"
                    | "Provost"
                    | "Speaker"
                    | "Lieutenant"
                    | "Justice"
                    | "Chief"
                    | "Protector"
            );
        // "Cllr Muten", "Councillor Rowkins": a councillor named by title only.
        let councillor = run.len() == 2
            && matches!(run[0].s, "Cllr" | "Councillor")
            && !role_heads().contains(strip_possessive(run[1].s))
            && !given_names().contains(strip_possessive(run[1].s));
        // "Mr Pendleton said", "Mayor Rees: I think ...": a person named by title and
        // surname only, who speaks (a reporting verb after, or a transcript's colon).
        let titled_speaker = title_and_surname_speak(norm, run)
            && !role_heads().contains(strip_possessive(run[1].s))
            && !OFFICES_AFTER_TITLES.contains(&strip_possessive(run[1].s))
            && !given_names().contains(strip_possessive(run[1].s));
        let mp = norm[b..].starts_with(" MP");
        let next_word = word_after(norm, b);
        let reported = words::REPORTING_VERBS.contains(&next_word);
        while person.last().is_some_and(|t| t.s == "MP") {
            person.pop();
        }
        // "George Daggar Avenue", "Jubilee Line Station": a street or building named
        // after someone is no person.
        if words.last().is_some_and(|w| PLACE_HEADS.contains(w)) {
            return;
        }
        let last_tok = person.len().saturating_sub(1);
        let name_like = person.iter().enumerate().all(|(k, t)| {
            given_names().contains(t.s)
                // A middle initial ("Jane A. Bloggs"), though "A" and "I" are words.
                || (k > 0 && k < last_tok && is_initial(t.s))
                || (t.end == run[run.len() - 1].end && month_surname(run))
                || (!is_allcaps(t.s)
                    && !words::is_stopword(&lower(t.s, &mut self.out.scratch.lower))
                    && !role_heads().contains(strip_possessive(t.s))
                    && t.s != "Prime")
        });
        // A byline or report with the verb first: "..., writes Terina Hine".
        let prev_word = norm[..run[0].start]
            .trim_end()
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        let after_verb = matches!(
            prev_word,
            "writes"
                | "wrote"
                | "says"
                | "said"
                | "argues"
                | "argued"
                | "warns"
                | "warned"
                | "adds"
                | "added"
        ) && (norm[strip_end(run)..]
            .trim_start()
            .chars()
            .next()
            .is_none_or(|c| matches!(c, ',' | '.' | ';' | ':'))
            // "..., says Krishna Yeshwant of GV": the speaker's body after "of".
            || of_a_name_after(norm, strip_end(run)));
        let reported = reported || after_verb;
        // "the Council of Mosques, chaired by Shamsul Haque": a body's chair or founder.
        let led_by = {
            let before = norm[..run[0].start].trim_end();
            [
                "chaired by",
                "headed by",
                "founded by",
                "fronted by",
                "convened by",
            ]
            .iter()
            .any(|p| before.ends_with(p))
                // "a report written by Tomasz Nowak", "According to Priya
                // Raghunathan, the scheme failed": a person's, unless a word of the
                // name is a body's or a place's ("according to Kent Police").
                || ["written by", "authored by", "posted by", "according to", "According to"]
                    .iter()
                    .any(|p| before.ends_with(p))
                    && spoken_name(&person)
        };
        if (peer || councillor || titled_speaker) && name_like && !is_allcaps(run[1].s) {
            // "Lord Frost", "Baroness Chapman": a peer named by title only; "Cllr
            // Muten": a councillor; "Mr Pendleton said": a speaker.
            let (a, b) = (run[0].start, strip_end(run));
            if !self.overlaps(a, b) && self.lex.id_for_name(&norm[a..b]).is_none() {
                let what = if peer {
                    "a peer"
                } else if councillor {
                    "a councillor"
                } else {
                    "a speaker"
                };
                self.add(
                    norm[a..b].to_string(),
                    NodeKind::Actor,
                    "person",
                    0.7,
                    format!("{what} named by title ('{}')", run[0].s),
                    a,
                    b,
                );
            }
            return;
        }
        if (2..=3).contains(&person.len()) && name_like {
            let signs = PersonSigns {
                role,
                titled,
                mp,
                reported,
                after_verb,
                prev_word,
                next_word,
                affiliated: false,
                led_by,
            };
            self.propose_person(&person, signs);
        }
    }

    /// Propose a person's name of two or three words, if a sign makes it one.
    fn propose_person(&mut self, person: &[Tok], signs: PersonSigns<'_>) {
        let norm = self.c.norm;
        let PersonSigns {
            role,
            titled,
            mp,
            reported,
            after_verb,
            prev_word,
            next_word,
            affiliated,
            led_by,
        } = signs;
        let first = strip_possessive(person[0].s);
        let given = given_names().contains(first);
        // Role before, after a comma: "Chancellor of the Exchequer, Rachel Reeves".
        let comma_role = comma_role_before(norm, person[0].start);
        let bracket_role = role_after(norm, strip_end(person));
        let role = role.or(comma_role).or(bracket_role);
        let at_start = norm[..person[0].start].trim().is_empty();
        // A name no list knows ("Surinder Arora", "Agnes Kabuto"), two words that are
        // no body's, place's or common word's, is a person's where only people are
        // written so: before an occupation in apposition ("..., the billionaire owner
        // of several hotels") or before "who" (not before "said" alone, which places
        // do too: "Tower Hamlets said").
        let unknown_name = person.len() == 2
            && spoken_name(person)
            && !self.vocab.contains(&person[0].s.to_lowercase())
            && !words::sentence_starters().contains(person[0].s);
        let as_a_person = unknown_name
            && (occupation_in_apposition(norm, strip_end(person)) || next_word == "who");
        if given
            || as_a_person
            || titled
            || affiliated
            || mp
            || role.is_some()
            || (person.len() == 2 && role_in_apposition(norm, strip_end(person)))
            || (led_by && person.len() == 2)
            || (reported
                && person.len() == 2
                && (!at_start || after_verb)
                && !closes_an_appositive(norm, person[0].start))
        {
            let pname = norm[person[0].start..strip_end(person)].to_string();
            if self.lex.id_for_name(&pname).is_some()
                || self.overlaps(person[0].start, strip_end(person))
            {
                return;
            }
            let conf = if given && (role.is_some() || mp || titled || reported) {
                0.85
            } else if given {
                0.7
            } else {
                0.6
            };
            let why = match &role {
                Some(r) => format!("a person's name with the role '{r}'"),
                None if mp => "a person's name followed by MP".into(),
                None if titled => "a person's name after a title".into(),
                None if affiliated => "a person's name before 'of' and an organisation".into(),
                None if after_verb => format!("a name after '{prev_word}'"),
                None if led_by => "a name after 'chaired by' or the like".into(),
                None if reported => format!("a name followed by '{next_word}'"),
                None => "a given name and surname".into(),
            };
            let id = self.add(
                pname,
                NodeKind::Actor,
                "person",
                conf,
                why,
                person[0].start,
                strip_end(person),
            );
            // "Jane A. Bloggs" is "Jane Bloggs" too, as other articles write her.
            if person.len() == 3 && is_initial(person[1].s) {
                let plain = format!("{} {}", person[0].s, strip_possessive(person[2].s));
                self.add_alias(&id, Some(&plain));
            }
            if let Some(r) = role {
                if let Some(c) = self.out.cands.get_mut(&id) {
                    c.role.get_or_insert(r.clone());
                }
                self.out.roles.push((r, id));
            }
        }
    }
}

/// What marks a run of words as a person's name.
#[derive(Default)]
struct PersonSigns<'a> {
    /// A role written in the run before the name ("Chancellor Rachel Reeves").
    role: Option<String>,
    /// A title in or before the run ("Dr", "Sir").
    titled: bool,
    /// "MP" after the name.
    mp: bool,
    /// A reporting verb after the name, or before it (`after_verb`).
    reported: bool,
    /// A reporting verb before the name, which ends a clause ("..., writes Terina Hine.").
    after_verb: bool,
    /// "chaired by", "founded by" before the name.
    led_by: bool,
    /// The word before the run.
    prev_word: &'a str,
    /// The word after the run.
    next_word: &'a str,
    /// "of" and an organisation after the name ("Jac Larner of Cardiff University").
    affiliated: bool,
}

/// Whether `run` is a title and a surname that speak: "Mr Pendleton said", or a
/// transcript's "Mayor Rees: ..." at the sentence's start.
fn title_and_surname_speak(norm: &str, run: &[Tok]) -> bool {
    let end = strip_end(run);
    run.len() == 2
        && SURNAME_TITLES.contains(&run[0].s)
        && (reported_after(norm, end) || (run[0].start == 0 && norm[end..].starts_with(':')))
}

/// Titles before a surname alone that name a person who speaks ("Mr Pendleton said").
pub(super) const SURNAME_TITLES: &[&str] = &[
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Dr",
    "Mayor",
    "Professor",
    "Prof",
];

/// Offices addressed with a title, which are no surname ("Mr Speaker", "Madam Chair").
const OFFICES_AFTER_TITLES: &[&str] = &[
    "Speaker",
    "Chairman",
    "Chair",
    "President",
    "Deputy",
    "Chancellor",
    "Justice",
    "Mayor",
];

/// Whether a lowercased word that opens a sentence is an adverb by its ending
/// ("Nationally, Reform opposes", "Eventually Councillor Varney submits"), never
/// the first word of a name: seven letters or more (names such as "Sally" and
/// "Kelly" are shorter) and an adverb's ending, which no "-ley" name has.
pub(super) fn is_opening_adverb(lw: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ally", "ently", "antly", "ously", "ively", "ately", "ingly", "edly", "fully", "ibly",
        "ably", "arly", "arily", "ictly", "ectly", "ntly",
    ];
    lw.len() >= 7
        && lw.bytes().all(|b| b.is_ascii_lowercase())
        && ENDINGS.iter().any(|e| lw.ends_with(e))
}

/// The word after `norm[..end]`, past spaces and a comma.
fn word_after(norm: &str, end: usize) -> &str {
    norm[end..]
        .trim_start_matches([' ', ','])
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
}

/// Whether a reporting verb ("said", "wrote") follows `norm[..end]`, after a comma.
fn reported_after(norm: &str, end: usize) -> bool {
    words::REPORTING_VERBS.contains(&word_after(norm, end))
}

/// Whether a run ending in "Housing" or "Homes" names a kind of housing, not a
/// landlord or builder: "Social Housing", "Affordable Homes", "Council Housing"
/// (unlike "Swan Housing", "Tower Hamlets Community Housing", "Bellway Homes").
fn housing_concept(words: &[&str]) -> bool {
    const KINDS: &[&str] = &[
        "Accessible",
        "Adequate",
        "Affordable",
        "Better",
        "Cheap",
        "Community",
        "Council",
        "Decent",
        "Empty",
        "Emergency",
        "Fair",
        "Family",
        "First",
        "Future",
        "Genuinely",
        "Good",
        "Green",
        "Healthy",
        "Key",
        "Local",
        "Low",
        "Mixed",
        "Modular",
        "More",
        "New",
        "Private",
        "Public",
        "Quality",
        "Rented",
        "Retirement",
        "Rural",
        "Safe",
        "Second",
        "Secure",
        "Shared",
        "Sheltered",
        "Social",
        "Specialist",
        "Starter",
        "Student",
        "Supported",
        "Sustainable",
        "Temporary",
        "Truly",
        "Warm",
        "Zero",
    ];
    matches!(words.last(), Some(&("Housing" | "Homes")))
        && words.first().is_some_and(|w| KINDS.contains(w))
}

/// Whether `name` is a place of the gazetteer, exactly.
fn in_gazetteer(name: &str) -> bool {
    let first = name.split(' ').next().unwrap_or(name);
    super::sentence::gazetteer_by_first_word(first)
        .iter()
        .any(|(s, _, _)| *s == name)
}

/// Whether two words given as someone's ("according to Priya Raghunathan") are a
/// person's name, though the first is no listed given name: neither word is an
/// organisation's or a place's head, a demonym, or a place of the gazetteer
/// ("according to Kent Police", "according to Network Rail" name bodies).
fn spoken_name(person: &[Tok]) -> bool {
    let [first, last] = person else {
        return false;
    };
    let last_s = strip_possessive(last.s);
    let body_word = |w: &str| {
        words::org_head(w).is_some()
            || words::policy_head(w).is_some()
            || matches!(
                w,
                "Police" | "Rail" | "Water" | "Energy" | "Homes" | "Housing"
            )
            || PLACE_HEADS.contains(&w)
            || super::sentence::is_demonym(w)
            || super::places::demonym(w)
            || !super::sentence::gazetteer_by_first_word(w).is_empty()
    };
    first.s.chars().next().is_some_and(char::is_uppercase)
        && last_s.chars().next().is_some_and(char::is_uppercase)
        && !is_allcaps(first.s)
        && !is_allcaps(last_s)
        && !body_word(first.s)
        && !body_word(last_s)
        && !in_gazetteer(&format!("{} {last_s}", first.s))
}

/// Whether an apposition naming a role follows `norm[..end]`: a comma (or "the"),
/// then within four words a role ("Will Tanner, director of Onward, said", "Dawn
/// Butler, the Labour MP for Brent Central, said", "Osama Bhutta, Shelter's Director
/// of Campaigns", "Matt Townend the Chief Operating Officer at EcoWorld London said"):
/// what follows a person's name, not a word's.
fn role_in_apposition(norm: &str, end: usize) -> bool {
    let Some(rest) = norm[end..]
        .strip_prefix(", ")
        .or_else(|| norm[end..].strip_prefix(" the "))
    else {
        return false;
    };
    let mut cap = String::new();
    rest.split(' ')
        .take(4)
        .take_while(|w| {
            w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
        })
        .any(|w| {
            cap.clear();
            let mut cs = w.chars();
            if let Some(c) = cs.next() {
                cap.extend(c.to_uppercase());
                cap.push_str(cs.as_str());
            }
            w == "MP" || role_heads().contains(cap.as_str())
        })
}

/// Whether an apposition naming an occupation follows `norm[..end]`: a comma, a
/// determiner, then within four words a noun only people are ("Surinder Arora, the
/// billionaire owner of several hotels", "Ben James, an energy specialist").
fn occupation_in_apposition(norm: &str, end: usize) -> bool {
    let Some(rest) = norm[end..]
        .strip_prefix(", a ")
        .or_else(|| norm[end..].strip_prefix(", an "))
        .or_else(|| norm[end..].strip_prefix(", the "))
    else {
        return false;
    };
    rest.split(' ')
        .take(4)
        .take_while(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
        .any(|w| words::OCCUPATIONS.binary_search(&w).is_ok())
}

/// Whether "of" and a capitalised name follow `norm[..end]` ("Krishna Yeshwant of GV").
fn of_a_name_after(norm: &str, end: usize) -> bool {
    norm[end..]
        .strip_prefix(" of ")
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_uppercase)
}

/// Whether the possessive at `at`, the first word of a run from `i` (or after "The"),
/// is an office or crown that opens a body's or a programme's own name: "the Mayor's
/// Design Advisory Group", "the Mayor's Office for Policing and Crime", "King's
/// College London", "the Queen's Speech"; not "London's Labour Party".
fn office_opens_name(toks: &[Tok], i: usize, at: usize) -> bool {
    let opens = at == i || (at == i + 1 && toks[i].s == "The");
    opens && is_office_possessive(toks[at].s)
}

/// "Mayor's", "King's", "Queen's", "Prince's", "Princess's".
fn is_office_possessive(w: &str) -> bool {
    w.strip_suffix("'s")
        .is_some_and(|b| matches!(b, "Mayor" | "King" | "Queen" | "Prince" | "Princess"))
}

/// The last token of the capitalised run starting at token `i`: capitalised words
/// one space apart, and up to two connectors before a capital ("of the Nations",
/// "for Cities"); an "and" joins only organisation-like runs and not after a given name.
fn run_end(norm: &str, toks: &[Tok], i: usize) -> usize {
    let mut last = i;
    let mut k = i + 1;
    while k < toks.len() {
        // A possessive ends a name ("London's Labour Party"), unless it is a
        // collective noun opening one ("People's Justice Party", "Women's Equality
        // Party", "National Federation of Fishermen's Organisations").
        let base = strip_possessive(toks[k - 1].s);
        let collective = matches!(base, "People" | "Children")
            || base.ends_with("men") && base.len() > 3
            || base == "Men";
        if base != toks[k - 1].s && !collective && !office_opens_name(toks, i, k - 1) {
            break;
        }
        // A company's legal suffix ends its name: "HS2 Ltd to Parliament" is two.
        if matches!(
            toks[k - 1].s.trim_end_matches('.'),
            "Ltd" | "plc" | "PLC" | "LLP" | "Inc"
        ) && k - 1 > i
        {
            break;
        }
        if is_cap(toks[k].s) && adjacent(norm, &toks[k - 1], &toks[k]) {
            if title_opens_name(toks[k - 1].s, toks[k].s) {
                // "In the White House Mr Trump shot back", "the Anglicans Dame Sarah now
                // leads": a person's title starts a name of its own.
                break;
            }
            last = k;
            k += 1;
        } else if given_names().contains(toks[last].s)
            && is_name_particle(toks[k].s)
            && adjacent(norm, &toks[k - 1], &toks[k])
        {
            // "Huw van Steenis", "Ursula von der Leyen": a surname's particle after a
            // given name.
            let mut m = k + 1;
            if m < toks.len() && is_name_particle(toks[m].s) && adjacent(norm, &toks[k], &toks[m]) {
                m += 1;
            }
            if m < toks.len() && is_cap(toks[m].s) && adjacent(norm, &toks[m - 1], &toks[m]) {
                last = m;
                k = m + 1;
            } else {
                break;
            }
        } else if is_connector(toks[k].s)
            && adjacent(norm, &toks[k - 1], &toks[k])
            && k + 1 < toks.len()
            // "Taunton Town Council in Somerset": where an organisation is, not its name;
            // "the BVI in the Council": an acronym's subject, not a name.
            && !(toks[k].s == "in" && (is_org_like(&toks[i..=last]) || i == last && is_allcaps(toks[i].s)))
            // "from FlueCube Europe to FlueCube Limited", "moving the Office for National
            // Statistics to Newport": "to" joins a name only after a body named for its
            // purpose ("Campaign to Protect Rural England") or before a verb of purpose
            // ("Power to Change").
            && !(toks[k].s == "to"
                && !PURPOSE_HEADS.contains(&toks[last].s)
                && !PURPOSE_VERBS.contains(&toks[k + 1].s))
        {
            // "of the Nations", "for Cities": up to two connectors before a capital.
            let mut m = k + 1;
            if is_connector(toks[m].s) && m + 1 < toks.len() && adjacent(norm, &toks[k], &toks[m]) {
                m += 1;
            }
            if is_cap(toks[m].s)
                && adjacent(norm, &toks[m - 1], &toks[m])
                // "National Rally and the Swiss People's Party", "the Treasury and
                // the Bank of England": a name after "and the" is a name of its own,
                // but not in an office's portfolio ("Cabinet Member for Resources and
                // the Cost of Living").
                && !(toks[k].s == "and"
                    && m == k + 2
                    && toks[k + 1].s == "the"
                    && !toks[i..=last].iter().any(|t| {
                        role_heads().contains(t.s) || matches!(t.s, "Member" | "Holder" | "Lead")
                    }))
                && !(toks[k].s == "and"
                    && ((i == last
                        && !is_org_like(&toks[i..=last])
                        && !one_name_over_and(norm, toks, m))
                        || given_names().contains(toks[i].s)
                        // "Sir Sadiq and Westminster Council": a titled person and a body.
                        || person_titles().contains(toks[i].s)
                        || two_organisations(norm, toks, i, last, m)))
                // "Matt Townend the Chief Operating Officer at ...": a person's name,
                // then a role in apposition.
                && !(toks[k].s == "the"
                    && m == k + 1
                    && last > i
                    && given_names().contains(toks[i].s))
            {
                last = m;
                k = m + 1;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    last
}

/// How many words a name must have to be an organisation by a head that alone names a
/// thing or a rank ("Police", "the Regulator"): "Greater Manchester Police", "the
/// Northern Housing Consortium" are bodies.
fn min_words_before(head: &str) -> usize {
    match head {
        "Consortium" | "Movement" | "Collective" | "Cooperative" | "Co-operative"
        | "Institution" | "Police" | "Constabulary" | "Inspectorate" | "Tribunal" | "Regulator"
        | "Ombudsman" => 2,
        _ => 0,
    }
}

/// The last words of bodies named for a purpose, which "to" may continue ("Campaign
/// to Protect Rural England", "Committee to Protect Journalists", "Coalition to End
/// Childhood Poverty").
const PURPOSE_HEADS: &[&str] = &[
    "Action",
    "Alliance",
    "Association",
    "Campaign",
    "Coalition",
    "Commission",
    "Committee",
    "Foundation",
    "Fund",
    "Group",
    "League",
    "Movement",
    "Network",
    "Partnership",
    "Society",
    "Taskforce",
    "Trust",
];

/// Verbs that open the purpose in a body's name after "to" ("Power to Change", "Right
/// to Build", "Back to Work").
const PURPOSE_VERBS: &[&str] = &[
    "Abolish", "Act", "Build", "Care", "Change", "Create", "Defend", "End", "Fight", "Free",
    "Help", "Learn", "Make", "Prevent", "Promote", "Protect", "Read", "Reform", "Restore", "Save",
    "Stop", "Support", "Tackle", "Win", "Work",
];

/// Whether `rest` opens with a description of an organisation in apposition: ", a
/// legal firm,", ", the housing charity." (an article, at most three more words, and
/// a lowercase organisation head).
fn org_description_after(rest: &str) -> bool {
    let Some(desc) = rest.strip_prefix(", ") else {
        return false;
    };
    let desc = &desc[..desc.find([',', '.', ';', ')']).unwrap_or(desc.len())];
    let ws: Vec<&str> = desc.split(' ').collect();
    let heads = words::LOWER_ORG_HEADS
        .iter()
        .chain(words::APPOSITIVE_ORG_HEADS)
        .map(|h| h.0);
    ws.len() <= 4
        && matches!(ws.first(), Some(&("a" | "an" | "the" | "another")))
        && heads
            .into_iter()
            .any(|h| desc.ends_with(h) && desc[..desc.len() - h.len()].ends_with(' '))
}

/// The kind of an organisation whose head comes before "of" or "for" in its first
/// three words: "Confederation of British Industry", "National Association of
/// Agricultural Contractors", "Royal Society for the Protection of Birds".
fn org_head_before_of(words: &[&str]) -> Option<&'static str> {
    (0..3.min(words.len().saturating_sub(2)))
        .find(|&k| matches!(words[k + 1], "of" | "for") && words::org_head(words[k]).is_some())
        .and_then(|k| words::org_head(words[k]))
}

/// Whether `text` spells out the acronym `acr`: capitalised words in a row whose
/// initials are its letters, connectors ("of", "for", "and", "the") skipped ("Stove
/// Industry Association" for "SIA", "Institute for Fiscal Studies" for "IFS"), or
/// any name followed by the acronym in brackets.
fn spelled_out(text: &str, acr: &str) -> bool {
    // "a strategic defence review (SDR)": introduced in brackets after its name.
    text.contains(&format!("({acr})")) || spelled_out_by(text, acr, |_| true)
}

/// Whether `text` spells out the acronym `acr` as [`spelled_out`] reads it, by words
/// whose last one `last_ok` accepts.
pub(super) fn spelled_out_by(text: &str, acr: &str, last_ok: impl Fn(&str) -> bool) -> bool {
    let letters: Vec<char> = acr.chars().collect();
    match acr.as_bytes().first() {
        // Only where a word begins with the acronym's first letter (found with memchr).
        Some(&first) if first.is_ascii() => memchr::memchr_iter(first, text.as_bytes()).any(|p| {
            let starts_word = text[..p]
                .chars()
                .next_back()
                .is_none_or(|c| !is_word_char(c));
            starts_word && spells(TextWords { text, at: p }, &letters, &last_ok)
        }),
        _ => {
            let words = text_words(text);
            (0..words.len()).any(|start| spells(words[start..].iter().copied(), &letters, &last_ok))
        }
    }
}

/// Whether `c` belongs to a word as [`text_words`] reads them.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '-'
}

/// The words of `text` as [`spelled_out_by`] reads them: runs of letters, digits,
/// apostrophes and hyphens.
pub(super) fn text_words(text: &str) -> Vec<&str> {
    TextWords { text, at: 0 }.collect()
}

/// The words of `text` from byte `at` on (a char boundary), as [`text_words`].
struct TextWords<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> Iterator for TextWords<'t> {
    type Item = &'t str;

    fn next(&mut self) -> Option<&'t str> {
        let bytes = self.text.as_bytes();
        let mut start = None;
        while self.at < bytes.len() {
            let i = self.at;
            // ASCII by test; any other character decoded.
            let (in_word, len) = match bytes[i] {
                b if b.is_ascii() => (b.is_ascii_alphanumeric() || b == b'\'' || b == b'-', 1),
                _ => self.text[i..]
                    .chars()
                    .next()
                    .map_or((false, 1), |c| (is_word_char(c), c.len_utf8())),
            };
            match (in_word, start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => return Some(&self.text[s..i]),
                _ => {}
            }
            self.at += len;
        }
        start.map(|s| &self.text[s..])
    }
}

/// Whether the words from here on spell out `letters`: capitalised words (not in
/// capitals) beginning with each letter in turn, connectors ("of", "and") between
/// them skipped, the last one accepted by `last_ok`.
fn spells<'w>(
    words: impl Iterator<Item = &'w str>,
    letters: &[char],
    last_ok: &impl Fn(&str) -> bool,
) -> bool {
    let mut k = 0;
    let mut last = "";
    for w in words {
        if k == letters.len() {
            break;
        }
        if k > 0 && is_connector(w) {
            continue;
        }
        if w.starts_with(letters[k]) && is_cap(w) && !is_allcaps(w) {
            k += 1;
            last = w;
        } else {
            break;
        }
    }
    k == letters.len() && last_ok(last)
}

/// Whether the name at byte `start` ends an appositive after a preposition ("Tracy
/// Brabin, the Labour mayor for West Yorkshire, said", "the Conservative mayor of the
/// West Midlands, said"): the verb after it is the appositive's subject's, so it is
/// no sign that the name is a person's.
fn closes_an_appositive(norm: &str, start: usize) -> bool {
    let mut before = norm[..start].split_whitespace().rev();
    let mut w = before.next();
    if w.is_some_and(|x| x.eq_ignore_ascii_case("the")) {
        w = before.next();
    }
    w.is_some_and(|x| matches!(x, "of" | "for" | "in" | "at" | "from" | "across" | "on"))
        && norm[..start].contains(',')
}

/// Whether `title` after `prev` opens a person's name of its own, ending the run
/// before it: a title that never sits inside a name ("Mr", "Dame", "Sir"; not
/// "Lord", as in "First Lord of the Treasury"), after a word that is no role to
/// hold it ("Chancellor Sir Jeremy Hunt", "Labour MP Dame Diana Johnson" stay one run).
fn title_opens_name(prev: &str, title: &str) -> bool {
    matches!(
        title,
        "Mr" | "Mr." | "Mrs" | "Mrs." | "Ms" | "Ms." | "Dame" | "Sir" | "Dr" | "Dr." | "Cllr"
    ) && !role_heads().contains(prev)
        && !is_allcaps(prev)
        && !person_titles().contains(prev)
}

/// Whether the capitalised words from `toks[m]` on, after "Word and", name one body
/// or policy of both ("Brighton and Hove City Council", "Westmorland and Furness
/// Council", "Enterprise and Skills Review"): they end in an organisation or policy
/// head and open with a name, not an
/// adjective or a word of a national body ("Wales and Welsh Government", "Kent and
/// Local Government").
fn one_name_over_and(norm: &str, toks: &[Tok], m: usize) -> bool {
    (organisation_from(norm, toks, m) || policy_from(norm, toks, m))
        && !super::sentence::is_demonym(toks[m].s)
        && !matches!(
            toks[m].s,
            "Local" | "Central" | "National" | "UK" | "British" | "Her" | "His" | "The"
        )
}

/// Whether a token is an initial: one capital letter, with or without its full stop.
fn is_initial(s: &str) -> bool {
    let b = s.strip_suffix('.').unwrap_or(s).as_bytes();
    b.len() == 1 && b[0].is_ascii_uppercase()
}

/// Whether `norm[a..b]` is the whole of a quotation that follows "a" or "an": "a
/// 'Devolution Parliament'", "a "New Deal for Local Government"".
fn quoted_after_a(norm: &str, a: usize, b: usize) -> bool {
    ['\'', '"'].iter().any(|&q| {
        let before = &norm[..a];
        before
            .strip_suffix(q)
            .map(str::trim_end)
            .is_some_and(|r| r.ends_with(" a") || r.ends_with(" an"))
            && norm[b..].starts_with(q)
    })
}

/// A run ending in a month that is also a surname after a given name ("Theresa May").
fn month_surname(run: &[Tok]) -> bool {
    run.len() >= 2
        && words::MONTH_SURNAMES.contains(&strip_possessive(run[run.len() - 1].s))
        && given_names().contains(run[run.len() - 2].s)
}

/// Whether "and" after `toks[i..=last]` joins two organisations, each a name of its
/// own ("University of Oxford and IE University", "Cardiff University and Swansea
/// University", "University of Cambridge and MIT"), not one name with "and" inside ("Department for Business and
/// Trade", "Ministry of Housing, Communities and Local Government"): the part before
/// is an organisation ending in its head or opening with one ("University of"), and
/// the capitalised words from `m` on end in a head of their own (a run never crosses
/// a comma, so "Housing, Communities and Local Government" is never one run).
fn two_organisations(norm: &str, toks: &[Tok], i: usize, last: usize, m: usize) -> bool {
    let before = &toks[i..=last];
    let org_before = is_org_like(before)
        || (before.len() >= 3
            && words::org_head(before[0].s).is_some()
            && matches!(before[1].s, "of" | "for"));
    if !org_before {
        return false;
    }
    // "University of Cambridge and MIT": an acronym alone after "and" is a name of
    // its own
    let lone_acronym =
        cap_words_end(norm, toks, m) == m && toks[m].s.len() >= 2 && is_allcaps(toks[m].s);
    (organisation_from(norm, toks, m) || lone_acronym) && !matches!(toks[m].s, "Local" | "Central")
}

/// Plural heads of names and their singulars: two names may share one ("Forest Heath
/// and St Edmundsbury District Councils").
const PLURAL_HEADS: [(&str, &str); 13] = [
    ("Councils", "Council"),
    ("Authorities", "Authority"),
    ("Partnerships", "Partnership"),
    ("Panels", "Panel"),
    ("Colleges", "College"),
    ("Unions", "Union"),
    ("Funds", "Fund"),
    ("Plans", "Plan"),
    ("Strategies", "Strategy"),
    ("Deals", "Deal"),
    ("Zones", "Zone"),
    ("Missions", "Mission"),
    ("Organisations", "Organisation"),
];

/// Words that qualify a shared head rather than name one body: "District Councils",
/// "Combined Authorities", "Growth Deals".
const SHARED_QUALIFIERS: [&str; 14] = [
    "District",
    "Borough",
    "County",
    "City",
    "Metropolitan",
    "Town",
    "Parish",
    "Unitary",
    "Combined",
    "Regional",
    "Region",
    "Local",
    "Growth",
    "Enterprise",
];

/// Capitalised words of a field or service that name no place or body alone: "Health
/// and Wellbeing Boards", "Police and Crime Commissioners" are one name each.
const FIELD_WORDS: [&str; 24] = [
    "Health",
    "Police",
    "Fire",
    "Crime",
    "Housing",
    "Education",
    "Skills",
    "Transport",
    "Business",
    "Trade",
    "Work",
    "Culture",
    "Sport",
    "Energy",
    "Science",
    "Arts",
    "Communities",
    "Justice",
    "Employment",
    "Innovation",
    "Planning",
    "Rescue",
    "Social",
    "Economic",
];

/// The two names of a run "A and B <plural head>" ("Suffolk Coastal and Waveney
/// District Councils": Suffolk Coastal District Council, Waveney District Council) or
/// "A <head> and B <head>" ("Growth Zones and Renewal Zones"), each with a proper
/// name of its own; None for one name with "and" inside ("Police and Crime
/// Commissioners", "Department for Business and Trade"). Each name comes with the
/// words the text writes it by when they differ ("Suffolk Coastal", "Waveney").
fn coordinated(words: &[&str]) -> Option<[(String, Option<String>); 2]> {
    let k = words.iter().position(|w| *w == "and")?;
    if words[k + 1..].contains(&"and") || k == 0 {
        return None;
    }
    let (left, right) = (&words[..k], &words[k + 1..]);
    let head = *right.last()?;
    let &(_, one) = PLURAL_HEADS.iter().find(|(p, _)| *p == head)?;
    let proper = |part: &[&str]| {
        !part.is_empty()
            && part
                .iter()
                .all(|w| is_cap(w) && !matches!(*w, "of" | "for" | "the"))
            && !(part.len() == 1 && FIELD_WORDS.contains(&part[0]))
    };
    let last_left = *left.last()?;
    if last_left == head || last_left == one {
        // Each names its own head: "Growth Zones and Renewal Zones".
        let (a, b) = (&left[..left.len() - 1], &right[..right.len() - 1]);
        return (proper(a) && proper(b)).then(|| [(left.join(" "), None), (right.join(" "), None)]);
    }
    // The shared tail: the head and the qualifiers before it.
    let mut t = right.len() - 1;
    while t > 0 && SHARED_QUALIFIERS.contains(&right[t - 1]) {
        t -= 1;
    }
    let (b, tail) = (&right[..t], &right[t..right.len() - 1]);
    if !proper(left) || !proper(b) {
        return None;
    }
    let shared: Vec<&str> = tail.iter().copied().chain([one]).collect();
    let shared = shared.join(" ");
    let (left, b) = (left.join(" "), b.join(" "));
    Some([
        (format!("{left} {shared}"), Some(left)),
        (format!("{b} {shared}"), Some(b)),
    ])
}

/// The last token of the capitalised words, one space apart, from `toks[m]` on.
fn cap_words_end(norm: &str, toks: &[Tok], m: usize) -> usize {
    let mut end = m;
    while end + 1 < toks.len()
        && is_cap(toks[end + 1].s)
        && adjacent(norm, &toks[end], &toks[end + 1])
    {
        end += 1;
    }
    end
}

/// Whether the capitalised words from `toks[m]` on name an organisation of two words
/// or more by its head ("Wandsworth Council", "IE University").
fn organisation_from(norm: &str, toks: &[Tok], m: usize) -> bool {
    let end = cap_words_end(norm, toks, m);
    end > m && is_org_like(&toks[m..=end])
}

/// Whether the capitalised words from `toks[m]` on name a policy by its head ("Skills
/// Review" of "Enterprise and Skills Review", "Planning Act").
fn policy_from(norm: &str, toks: &[Tok], m: usize) -> bool {
    let end = cap_words_end(norm, toks, m);
    end > m && words::policy_head(&norm[toks[m].start..toks[end].end]).is_some()
}

/// Whether the run ends in an organisation head ("Council").
fn is_org_like(run: &[Tok]) -> bool {
    run.last().is_some_and(|t| words::org_head(t.s).is_some())
}

/// Whether the words open with a role ("Secretary of State for ...").
fn is_role_phrase(words: &[&str]) -> bool {
    // "Cabinet Member for Finance", "Cabinet Secretary for Justice": a seat, not a body.
    let cabinet_seat = words.first() == Some(&"Cabinet")
        && words
            .get(1)
            .is_some_and(|w| matches!(*w, "Member" | "Secretary" | "Minister" | "Lead"));
    // "Green Councillor for Bow West", "Labour Member for Hull": a seat, after a party.
    let councillor_seat = words
        .windows(2)
        .any(|p| matches!(p[0], "Councillor" | "Cllr" | "Member") && p[1] == "for");
    cabinet_seat
        || councillor_seat
        || words
            .first()
            .is_some_and(|w| role_heads().contains(w) || *w == "Secretary" || *w == "Prime")
}

/// A role written before a name and a comma: "Chancellor of the Exchequer, Rachel Reeves".
fn comma_role_before(norm: &str, at: usize) -> Option<String> {
    let before = norm[..at].strip_suffix(", ")?;
    let start = before.rfind([',', '(', '-', '.', ';']).map_or(0, |i| i + 1);
    let phrase = before[start..].trim();
    let phrase = phrase.rsplit(" by ").next().unwrap_or(phrase).trim();
    let phrase = without_clause_opening(phrase);
    let phrase = phrase.strip_prefix("the ").unwrap_or(phrase);
    let ws: Vec<&str> = phrase.split_whitespace().collect();
    let capital_role =
        ws.first().is_some_and(|w| is_cap(w)) && ws.iter().any(|w| role_heads().contains(w));
    // "Journalist, Pete Apps, has written": a role opening the sentence is capitalised.
    let lower_role = ws
        .last()
        .is_some_and(|w| LOWER_ROLES.contains(w) || LOWER_ROLES.contains(&&*w.to_lowercase()));
    (ws.len() <= 8 && (capital_role || lower_role)).then(|| phrase.to_string())
}

/// A role phrase without the words of the clause it opens: "So did the party's first
/// prime minister, Ramsay MacDonald" gives "the party's first prime minister".
fn without_clause_opening(phrase: &str) -> &str {
    let mut rest = phrase;
    while let Some((w, tail)) = rest.split_once(' ') {
        let clause_word = matches!(
            w.to_lowercase().as_str(),
            "so" | "did"
                | "does"
                | "do"
                | "and"
                | "but"
                | "then"
                | "also"
                | "was"
                | "is"
                | "were"
                | "are"
                | "has"
                | "had"
                | "have"
                | "like"
                | "when"
                | "while"
                | "with"
                | "nor"
                | "yet"
        );
        if !clause_word {
            break;
        }
        rest = tail;
    }
    without_opening_adverbial(rest)
}

/// A role phrase without an adverbial that opens it: "In the early 2000s the first
/// minister" gives "the first minister", "In 2019 Wales's first minister" gives
/// "Wales's first minister".
fn without_opening_adverbial(phrase: &str) -> &str {
    const PREPOSITIONS: &[&str] = &[
        "in", "at", "by", "after", "before", "during", "since", "until", "from", "over", "for",
        "back",
    ];
    let Some((first, tail)) = phrase.split_once(' ') else {
        return phrase;
    };
    if !PREPOSITIONS.contains(&first.to_lowercase().as_str()) {
        return phrase;
    }
    const DETERMINERS: &[&str] = &["the", "a", "an", "its", "his", "her", "their", "our"];
    // The last determiner opens the role ("the early 2000s the first minister").
    let words: Vec<(usize, &str)> = tail
        .split(' ')
        .scan(0, |at, w| {
            let here = *at;
            *at += w.len() + 1;
            Some((here, w))
        })
        .collect();
    if let Some(&(at, _)) = words
        .iter()
        .rev()
        .skip(1)
        .find(|(_, w)| DETERMINERS.contains(w))
    {
        return &tail[at..];
    }
    // Else the adverbial is the preposition and a number ("In 2019").
    match words.first() {
        Some(&(_, w))
            if w.chars().next().is_some_and(|c| c.is_ascii_digit()) && words.len() > 2 =>
        {
            &tail[words[1].0..]
        }
        _ => phrase,
    }
}

/// Words that open a clause, not an apposition, after a comma.
const CLAUSE_OPENERS: &[&str] = &[
    "but", "and", "or", "nor", "which", "who", "whose", "while", "whilst", "although", "though",
    "when", "where", "so", "yet", "rather", "if", "because", "since", "after", "before", "until",
    "unless", "whereas", "not", "then",
];

/// Capitalised generic nouns that name no one thing: "an Act of Parliament".
const GENERIC_NOUNS: &[&str] = &[
    "Full Council",
    "Act of Parliament",
    "Acts of Parliament",
    "Member of Parliament",
    "Members of Parliament",
];

/// Head nouns of streets, buildings and sites, which end names made of a person's name
/// ("George Daggar Avenue") but are never a surname.
const PLACE_HEADS: &[&str] = &[
    "Abbey",
    "Airport",
    "Arena",
    "Avenue",
    "Boulevard",
    "Bridge",
    "Cathedral",
    "Circus",
    "Crescent",
    "Docks",
    "Drive",
    "Embankment",
    "Gardens",
    "Harbour",
    "Hospital",
    "Lane",
    "Palace",
    "Parade",
    "Quay",
    "Road",
    "Square",
    "Stadium",
    "Station",
    "Street",
    "Terrace",
    "Wharf",
];

/// Members' titles written before or after a name: "Tory MP Bob Seely", "list-MSP Murdo Fraser".
fn is_member_title(w: &str) -> bool {
    matches!(w, "MP" | "MSP" | "MEP" | "MS" | "AM")
}

/// Peerages, which name a person by title and surname alone ("Lord Frost").
const PEERAGES: &[&str] = &["Lord", "Baroness", "Baron", "Lady", "Viscount", "Canon"];

/// Capitalised words that open a role after a name and a comma ("Former", "Conservative").
fn is_cap_role_opener(w: &str) -> bool {
    matches!(
        w,
        "Former"
            | "Labour"
            | "Conservative"
            | "Tory"
            | "Liberal"
            | "Green"
            | "Reform"
            | "Shadow"
            | "Deputy"
    )
}

/// Lowercase nouns for what a person is, which name a role beside a name: "a lawyer,
/// Akhmed Yakoob", "Crispin Truman, chief executive of CPRE", "the Labour politician Tam Dalyell".
const LOWER_ROLES: &[&str] = &[
    "academic",
    "activist",
    "adviser",
    "advisor",
    "aide",
    "ambassador",
    "analyst",
    "anchor",
    "architect",
    "author",
    "backbencher",
    "barrister",
    "boss",
    "campaigner",
    "candidate",
    "chair",
    "chairman",
    "chairwoman",
    "chief",
    "colleague",
    "columnist",
    "commentator",
    "commissioner",
    "consultant",
    "councillor",
    "demographer",
    "director",
    "economist",
    "editor",
    "engineer",
    "entrepreneur",
    "expert",
    "executive",
    "founder",
    "governor",
    "head",
    "historian",
    "independent",
    "journalist",
    "lawyer",
    "leader",
    "lecturer",
    "negotiator",
    "manager",
    "mayor",
    "minister",
    "official",
    "officer",
    "organiser",
    "planner",
    "pollster",
    "politician",
    "presenter",
    "president",
    "professor",
    "researcher",
    "resident",
    "scientist",
    "secretary",
    "solicitor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "statistician",
    "staffer",
    "strategist",
    "teacher",
    "treasurer",
    "trustee",
];

/// A role in brackets or after a comma right after a name: "Angela Rayner (as both Deputy Prime Minister ...)".
fn role_after(norm: &str, at: usize) -> Option<String> {
    let rest = &norm[at..];
    let inner = if let Some(r) = rest.strip_prefix(" (") {
        r.split_once(')')?.0
    } else if let Some(r) = rest.strip_prefix(", ") {
        let r = ["the ", "a ", "an "]
            .iter()
            .find_map(|d| r.strip_prefix(d))
            .unwrap_or(r);
        r.split([',', '.', ';', '(']).next()?
    } else {
        return None;
    };
    let inner = inner.trim_start_matches("as ").trim_start_matches("both ");
    let ws: Vec<&str> = inner.split_whitespace().collect();
    // "Mathias Döpfner, Springer's boss", "Ngozi Okafor, the council's finance
    // chief": a body's possessive before the role is part of it, not a name.
    // "Morgan McSweeney, Sir Keir's most influential adviser": up to three words
    // of a name before the possessive.
    let possessive_at = ws
        .iter()
        .take(3)
        .position(|w| w.ends_with("'s") || w.ends_with("’s"));
    let possessive_then_role = possessive_at.is_some_and(|k| {
        ws[..k].iter().all(|w| is_cap(w))
            && ws[k + 1..ws.len().min(k + 5)]
                .iter()
                .any(|w| is_lower_role(w))
    });

    // A clause after the comma is no apposition: "the football World Cup, but rather
    // the election of Plaid Cymru's first MP".
    if ws.first().is_some_and(|w| CLAUSE_OPENERS.contains(w)) {
        return None;
    }
    if ws.len() > 12
        || !rest.starts_with(" (")
            && !possessive_then_role
            && ws
                .first()
                .is_some_and(|w| is_cap(w) && !role_heads().contains(w) && !is_cap_role_opener(w))
    {
        return None;
    }
    // "Puru Miah, former Labour Councillor for Mile End, said": the title as a role.
    let r = ws.iter().position(|w| {
        role_heads().contains(w) || is_lower_role(w) || is_member_title(w) || *w == "Councillor"
    })?;
    let end = ws
        .iter()
        .skip(r)
        .position(|w| *w == "and")
        .map_or(ws.len(), |p| r + p);
    let start = if possessive_then_role {
        0
    } else {
        ws[..r]
            .iter()
            .rposition(|w| !is_cap(w))
            .map_or(0, |p| p + 1)
    };
    (end - start <= 10).then(|| ws[start..end].join(" "))
}

/// Whether `w` is a lower-case role noun, or a hyphenated one made of one
/// ("secretary-general", "vice-chancellor", "co-founder").
fn is_lower_role(w: &str) -> bool {
    // "one of its founders": a plural names the role too.
    let singular = w.strip_suffix('s').unwrap_or(w);
    LOWER_ROLES.contains(&w)
        || LOWER_ROLES.contains(&singular)
        || w.contains('-') && w.split('-').any(|p| LOWER_ROLES.contains(&p))
}

/// Whether a name ending in an organisation head is a building or facility, a venue
/// rather than a body (guide 3.5a): "Tiller Leisure Centre", "Berry Hill Primary
/// School"; or a place: "the City Centre", "Kirkby Town Centre".
fn is_venue(words: &[&str]) -> bool {
    const CENTRES: &[&str] = &[
        "City",
        "Town",
        "Village",
        "Retail",
        "Heritage",
        "Job",
        "Jobcentre",
        "Day",
        "Distribution",
        "Data",
        "Leisure",
        "Sports",
        "Community",
        "Shopping",
        "Health",
        "Medical",
        "Arts",
        "Visitor",
        "Conference",
        "Civic",
        "Garden",
        "Youth",
        "Exhibition",
        "Enterprise",
        "Learning",
        "Aspiration",
    ];
    const SCHOOLS: &[&str] = &[
        "Primary",
        "Secondary",
        "High",
        "Grammar",
        "Junior",
        "Infant",
        "Infants",
        "Nursery",
        "Comprehensive",
    ];
    match words {
        [.., kind, "Centre" | "Center"] => CENTRES.contains(kind),
        [.., kind, "School"] => SCHOOLS.contains(kind),
        _ => false,
    }
}

/// The end of a year written right after byte `b` (" 1999", " 2022"), if one is.
fn year_after(norm: &str, b: usize) -> Option<usize> {
    let rest = norm[b..].strip_prefix(' ')?;
    let digits = rest.as_bytes().get(..4)?;
    let after = rest[4..].chars().next();
    (digits.iter().all(u8::is_ascii_digit)
        && (digits.starts_with(b"19") || digits.starts_with(b"20"))
        && !after.is_some_and(char::is_alphanumeric))
    .then_some(b + 5)
}

/// The kinds of name a run's head gives: a policy head ("Fund", "Strategy") and an
/// organisation head ("Council", "Foundation"), either, both or neither.
#[derive(Clone, Copy)]
struct Heads {
    policy: Option<&'static str>,
    org: Option<&'static str>,
}

impl Heads {
    fn any(self) -> bool {
        self.policy.is_some() || self.org.is_some()
    }
}
