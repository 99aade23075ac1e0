//! Names in runs of capitalised words, the first step of reading a sentence:
//! scanning a run ("Council of the Nations", up to two connectors before a capital),
//! trimming it (a common word opening a sentence, connectors and non-names at its
//! end), then classifying it: a proposal in quotes, an organisation whose
//! role-holder follows, a policy or organisation by its head word, or a person
//! (with a role, a title, "MP", a given name or a reporting verb). The person is
//! named in `people`, a name with an acronym in `acronyms`; where a run ends
//! ([`run_end`]) serves the passes of `contexts` too.

use super::people::{is_member_title, role_in_apposition, title_and_surname_speak, PEERAGES};
use super::sentence::{adjacent, SentenceScan};
use super::tokens::{is_allcaps, is_cap, is_connector, lower, strip_end, strip_possessive, Tok};
use crate::words::{self, given_names, not_name, person_titles, role_heads};
use levelmap_model::given_names::is_name_particle;
use levelmap_model::Entity;
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
            let last = body_before_programme(toks, i, last);
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
            // "Homes versus high-rises: Will Isle of Dogs' housing survive?": the verb
            // opening a question, not the given name.
            let before = norm[..f.start].trim_end();
            if f.s == "Will"
                && norm.trim_end().ends_with('?')
                && (before.is_empty() || before.ends_with(':'))
            {
                run = &run[1..];
                continue;
            }
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
                    // "Project Speed was abandoned": a programme's code name.
                    || (run.len() == 2 && f.s == "Project")
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
                && (!opens_a_generic_body_name(run) || words::is_stopword(&lw))
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
    pub(super) fn classify(&mut self, run: &'s [Tok<'a>], i: usize) {
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
            policy: words::policy_head(name).or_else(|| head_first_policy(&words)),
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
        if !titled && self.body_opening_that_speaks(run, &words) {
            return;
        }
        // "the boss of Manchester Airport Chris Woodroofe said": a given name and a
        // surname closing a longer run, then a reporting verb, are the speaker; the
        // words before them are whatever they lead.
        let n = run.len();
        if n >= 4 && given_names().contains(words[n - 2]) && reported_after(norm, b) {
            self.person(&run[n - 2..], i, &words[n - 2..]);
            return;
        }
        self.person(run, i, &words);
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
        // "the South East Local Enterprise Partnership": a known institution (a kind
        // of body, "Local Enterprise Partnerships") closing a longer name that ends in
        // a body's head is one body of that kind, named by the whole run. "The Harlow
        // Enterprise Zone", "the Carlisle Town Deal": one of a known kind of policy,
        // named in the singular ("Enterprise Zones", "Town Deals") after its place, is
        // a policy of its own, named by the whole run.
        let kind_of_bodies = |p: &Entity, _: &str| heads.org.is_some() && p.kind == "institution";
        let one_of_a_kind = |p: &Entity, hit: &str| {
            heads.policy.is_some()
                && is_cap(hit)
                && norm[a..b - hit.len()].split_whitespace().all(is_cap)
                && p.name.len() == hit.len() + 1
                && p.name.ends_with('s')
                && p.name[..hit.len()].eq_ignore_ascii_case(hit)
        };
        let closing = self.c.hit_spans.iter().find(|&&(s, e)| {
            let hit = &norm[s..e];
            e == b
                && s > a
                && self
                    .lex
                    .id_for_name(hit)
                    .and_then(|id| self.lex.entities.get(id))
                    .is_some_and(|p| {
                        p.id.starts_with("policy:")
                            && (kind_of_bodies(p, hit) || one_of_a_kind(p, hit))
                    })
        });
        if let Some(&(s, e)) = closing {
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
        // "to establish the Convention ...", "replace it with a Department for Growth",
        // "the creation of a smaller Department for Public Expenditure": a body the
        // text says is being set up is a policy (annotation guide 4.1).
        // One set up generations ago ("1885 saw the creation of the Scottish Office")
        // is a body that exists.
        let created = body_only && set_up_before(&norm[..a]) && !names_an_old_year(norm);
        if !created && (self.fragment_or_generic(a, body_only) || GENERIC_NOUNS.contains(&name)) {
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
            (None, Some(_)) if created && !is_role_phrase(words) && !is_venue(words) => (
                NodeKind::Policy,
                "institution",
                "a body the text sets up, named with",
            ),
            (Some(pk), _) if !role_heads().contains(words[0]) => {
                (NodeKind::Policy, pk, "a name ending in")
            }
            (None, Some(ok))
                if !is_role_phrase(words)
                    && !is_venue(words)
                    && (!is_facility(words) || reported_after(norm, b)) =>
            {
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
        self.supersede_names_cut_by(a, b);
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

    /// "Living Streets wrote to the minister", "One Housing said the delays were
    /// regrettable", "Cornish Lithium has demonstrated refining": a run of two or three
    /// capitalised words opening a sentence, with a common English word among them and
    /// no given name, title or role first, followed by a reporting verb (or "has" or
    /// "have" and one), is a body that speaks. A person's name of words no dictionary
    /// knows is left to [`Self::person`]; groups ("Local Residents") are dropped later.
    fn body_opening_that_speaks(&mut self, run: &'s [Tok<'a>], words: &[&str]) -> bool {
        let norm = self.c.norm;
        let (a, b) = (run[0].start, strip_end(run));
        // At the sentence's start, or after a short opening phrase and a comma ("Last
        // September, One Housing apologised").
        let before = norm[..a].trim_end();
        let opens = before.is_empty()
            || before
                .strip_suffix(',')
                .is_some_and(|o| !o.contains(',') && o.split_whitespace().count() <= 4);
        if !(2..=3).contains(&words.len()) || !opens {
            return false;
        }
        let after = norm[b..].trim_start();
        let after = ["has already ", "have already ", "has ", "have "]
            .iter()
            .find_map(|aux| after.strip_prefix(aux))
            .unwrap_or(after);
        if after.starts_with(',') || !(reported_after(after, 0) || acts_as_a_body(after)) {
            return false;
        }
        let first = words[0];
        let plain = |w: &&str| {
            is_cap(w) && !is_allcaps(w) && w.chars().all(|c| c.is_alphabetic() || c == '-')
        };
        if !words.iter().all(plain)
            || words.iter().any(|w| given_names().contains(w))
            || PEERAGES.contains(&first)
            || person_titles().contains(first)
            || words::sentence_starters().contains(first)
            || words
                .iter()
                .any(|w| role_heads().contains(w) || not_name().contains(w))
            || is_role_phrase(words)
            || self.known_place(&norm[a..b])
            || self.overlaps(a, b)
        {
            return false;
        }
        // "Local Residents said", "Senior Officials warned": people of a kind.
        const PEOPLE: &[&str] = &[
            "residents",
            "officials",
            "ministers",
            "critics",
            "campaigners",
            "experts",
            "tenants",
            "councillors",
            "leaders",
            "members",
            "voters",
            "landlords",
            "developers",
            "economists",
            "researchers",
            "analysts",
            "activists",
            "officers",
            "people",
            "users",
            "families",
            "workers",
            "sources",
            "insiders",
            "figures",
            "business",
            "businesses",
            "owners",
            "parents",
            "students",
            "staff",
        ];
        let last = words[words.len() - 1].to_lowercase();
        if PEOPLE.contains(&last.as_str()) {
            return false;
        }
        let common = words.iter().any(|w| {
            let l = w.to_lowercase();
            crate::words::dictionary::is_word(&l)
        });
        if !common {
            return false;
        }
        self.add(
            norm[a..b].to_string(),
            NodeKind::Actor,
            "organisation",
            0.5,
            "a name of common words opening a sentence that speaks ('Living Streets said')".into(),
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
}

/// Whether the text before a name says the body is being set up: a verb or noun of
/// founding ("establish", "the creation of", "set up", "replace it with"), then
/// "the", "a" or "an" and at most two lowercase words ("a smaller", "the new"), or an
/// opening quotation mark. "The established Scottish Executive" and "the newly created
/// Office" name a body that already exists.
fn set_up_before(before: &str) -> bool {
    let before = before.trim_end().trim_end_matches(['‘', '“', '"', '\'']);
    let w: Vec<String> = before
        .split_whitespace()
        .rev()
        .take(7)
        .map(str::to_lowercase)
        .collect();
    let at = |i: usize| w.get(i).map_or("", String::as_str);
    let mut i = 0;
    while i < 2 && is_modifier(at(i)) {
        i += 1;
    }
    // The modifiers stand after an article, or there are none.
    i = if matches!(at(i), "the" | "a" | "an") {
        i + 1
    } else {
        0
    };
    let cue = at(i);
    let next = at(i + 1);
    match cue {
        "establish" | "establishes" | "establishing" | "create" | "creates" | "creating" => true,
        "established" | "created" => !matches!(
            next,
            "the" | "a" | "an" | "newly" | "recently" | "already" | "well" | "long" | "was"
        ),
        "of" => matches!(next, "establishment" | "creation" | "formation"),
        "up" => matches!(next, "set" | "sets" | "setting"),
        "with" => matches!(next, "it" | "them") && matches!(at(i + 2), "replace" | "replacing"),
        _ => false,
    }
}

/// Whether a sentence names a year before 1990 ("in 1885", "the Scotland Act 1978").
fn names_an_old_year(norm: &str) -> bool {
    norm.split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse::<u16>().ok())
        .any(|y| (1700..1990).contains(&y))
}

/// A lowercase word that may stand between an article and a name ("smaller", "new",
/// "interim"): letters only, no article or preposition.
fn is_modifier(w: &str) -> bool {
    !w.is_empty()
        && w.chars().all(|c| c.is_lowercase() || c == '-')
        && !matches!(
            w,
            "the" | "a" | "an" | "of" | "to" | "and" | "with" | "for" | "by" | "in" | "up"
        )
}

/// Whether the run's first word is all that makes it a name: a body's name of three
/// words or more whose other words are common words ending in a singular
/// organisation head ("Riverside Housing Group", "Home Builders Association"), which
/// without it would be "Housing Group", a kind of body. The word is kept though it is
/// a common word opening a sentence or a site's menu word ("Home").
fn opens_a_generic_body_name(run: &[Tok]) -> bool {
    let Some(last) = run.last().map(|t| strip_possessive(t.s)) else {
        return false;
    };
    run.len() >= 3
        && words::org_head(last).is_some()
        && !last.ends_with('s')
        && run[1..].iter().all(|t| {
            let w = strip_possessive(t.s).to_lowercase();
            is_cap(t.s) && words::dictionary::is_word(&w)
        })
}

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
pub(super) fn word_after(norm: &str, end: usize) -> &str {
    norm[end..]
        .trim_start_matches([' ', ','])
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
}

/// Whether `after` opens with a verb of what bodies do ("apologised", "launched",
/// "owns"), that a person's name rarely opens a sentence with.
fn acts_as_a_body(after: &str) -> bool {
    const VERBS: &[&str] = &[
        "apologised",
        "identified",
        "launched",
        "published",
        "demonstrated",
        "submitted",
        "campaigns",
        "campaigned",
        "owns",
        "manages",
        "operates",
        "funds",
        "funded",
        "commissioned",
        "estimates",
        "estimated",
        "revealed",
        "reported",
        "urged",
        "welcomed",
        "called",
        "calls",
        "objected",
        "opposes",
        "opposed",
        "lobbied",
    ];
    VERBS.contains(&word_after(after, 0))
}

/// Whether a reporting verb ("said", "wrote") follows `norm[..end]`, after a comma.
pub(super) fn reported_after(norm: &str, end: usize) -> bool {
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

/// The kind of policy a name opening with its head before "for" names ("the Plan
/// for Jobs", "a Strategy for Towns", "the Fund for Coastal Towns"), or a programme's
/// code name ("Project Gigabit", "Project Speed"); None for any other name.
fn head_first_policy(words: &[&str]) -> Option<&'static str> {
    match words {
        ["Project", w] if is_cap(w) && !is_allcaps(w) => Some("programme"),
        [head, "for", rest @ ..] if rest.last().is_some_and(|w| is_cap(w)) => {
            words::policy_head(head)
        }
        _ => None,
    }
}

/// Whether `name` is a place of the gazetteer, exactly.
pub(super) fn in_gazetteer(name: &str) -> bool {
    let first = name.split(' ').next().unwrap_or(name);
    super::sentence::gazetteer_by_first_word(first)
        .iter()
        .any(|(s, _, _)| *s == name)
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
pub(super) fn run_end(norm: &str, toks: &[Tok], i: usize) -> usize {
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

/// The run from `i` to `last` cut before "for" where a body's name ends there and the
/// words after it are a programme's, written before its lowercase head: "to Tower
/// Hamlets Council for the Liveable Streets programme", "Leeds City Council for the
/// Connecting Leeds scheme" name a council and a programme, not one body.
fn body_before_programme(toks: &[Tok], i: usize, last: usize) -> usize {
    let programme_after = toks
        .get(last + 1)
        .is_some_and(|t| words::LOWER_POLICY_HEADS.iter().any(|(h, _)| *h == t.s));
    if !programme_after {
        return last;
    }
    (i + 1..last)
        .find(|&f| {
            toks[f].s == "for"
                && matches!(
                    toks[f - 1].s,
                    "Council" | "Authority" | "Agency" | "Department" | "Government" | "Executive"
                )
        })
        .map_or(last, |f| f - 1)
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

/// The kind of an organisation whose head comes before "of" or "for" in its first
/// three words: "Confederation of British Industry", "National Association of
/// Agricultural Contractors", "Royal Society for the Protection of Birds".
fn org_head_before_of(words: &[&str]) -> Option<&'static str> {
    (0..3.min(words.len().saturating_sub(2)))
        .find(|&k| matches!(words[k + 1], "of" | "for") && words::org_head(words[k]).is_some())
        .and_then(|k| words::org_head(words[k]))
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
pub(super) fn month_surname(run: &[Tok]) -> bool {
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

/// Capitalised generic nouns that name no one thing: "an Act of Parliament".
const GENERIC_NOUNS: &[&str] = &[
    "Full Council",
    "Act of Parliament",
    "Acts of Parliament",
    "Member of Parliament",
    "Members of Parliament",
];

/// Whether a new name is one of a place where people study, train or meet ("Kendal
/// College", "Langdon Park School", "Armed Forces Careers Centre", "the Citadels
/// Campus"): named, such a place is where someone studied or worked, or what was
/// built, not a body that takes part in the debate (guide 3.5a); its caller keeps it
/// where it speaks ("St Joseph's College said"). A body whose name opens with the
/// word ("Centre for Cities") is none. Every such new name drafted in the readable
/// development parts was spurious (15 of 15).
fn is_facility(words: &[&str]) -> bool {
    words.len() >= 2
        && matches!(
            words.last(),
            Some(&("Centre" | "Center" | "College" | "School" | "Campus"))
        )
        && !matches!(words[0], "Centre" | "Center")
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
