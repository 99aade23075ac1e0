//! People named in a capitalised run: role + name, title + name, given name +
//! surname, name + MP, a peer, councillor or speaker by title alone ("Lord Frost",
//! "Mr Pendleton said"), a person "of" an organisation ("Richard Harris of the
//! University of Bristol"), a role and name after a lexicon hit; and the signs
//! around a name that make it a person's: a role beside it ("Chancellor of the
//! Exchequer, Rachel Reeves", "Crispin Truman, chief executive of CPRE"), an
//! occupation in apposition, a reporting verb.

use super::runs::{in_gazetteer, month_surname, reported_after, word_after};
use super::sentence::SentenceScan;
use super::tokens::{is_allcaps, is_cap, lower, strip_end, strip_possessive, Tok};
use crate::words::{self, given_names, not_name, person_titles, role_heads};
use levelmap_model::given_names::is_name_particle;
use levelmap_model::NodeKind;

impl<'a, 's> SentenceScan<'_, 'a, 's> {
    /// A role and name after the last lexicon hit in the run: "Former Labour First
    /// Minister Jack McConnell", "Cabinet Office Minister Michael Gove".
    pub(super) fn person_after_hit(&mut self, run: &'s [Tok<'a>], i: usize) {
        let Some(k) = run
            .iter()
            .rposition(|t| self.overlaps(t.start, t.end))
            .map(|k| k + 1)
        else {
            return;
        };
        let mut rest = &run[k..];
        // "Boris Johnson and Zac Goldsmith", "Labour's Sadiq Khan and the Conservative
        // Zac Goldsmith": a given name and surname after the known name, or joined to
        // it by "and", is a person.
        while rest.first().is_some_and(|t| matches!(t.s, "and" | "the")) {
            rest = &rest[1..];
        }
        let words: Vec<&str> = rest.iter().map(|t| strip_possessive(t.s)).collect();
        if (2..=3).contains(&rest.len())
            && given_names().contains(words[0])
            && rest.iter().all(|t| is_cap(t.s) && !is_allcaps(t.s))
        {
            self.person(rest, i, &words);
            return;
        }
        let has_role = words
            .iter()
            .take(words.len().saturating_sub(1))
            .any(|w| role_heads().contains(w) || is_member_title(w));
        // "the boss of Manchester Airport Chris Woodroofe said": a given name and a
        // surname right after the organisation, then a reporting verb.
        let named_then_reported = (2..=3).contains(&rest.len())
            && given_names().contains(words[0])
            && reported_after(self.c.norm, strip_end(rest));
        if rest.len() >= 3 && has_role || named_then_reported {
            self.person(rest, i, &words);
        }
    }

    /// [`Self::person_of_org`] when the lexicon knows the organisation after "of" and
    /// nothing before it: the words before "of" are the person's name.
    pub(super) fn person_of_known_org(&mut self, run: &'s [Tok<'a>], words: &[&str]) -> bool {
        let Some(p) = words.iter().position(|w| *w == "of" || *w == "for") else {
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
    pub(super) fn person_of_org(
        &mut self,
        run: &'s [Tok<'a>],
        words: &[&str],
        known: bool,
    ) -> bool {
        // "of", or "for" after a person's name ("Oliver Heath for the Rowntree
        // Foundation": a study's author and its commissioner).
        let Some(p) = words.iter().position(|w| *w == "of" || *w == "for") else {
            return false;
        };
        let by_for = words[p] == "for";
        let prev = self.c.norm[..run[0].start]
            .trim_end()
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        // "Mr Wright of New Financial": a titled surname of an organisation;
        // "Professor Philip McCann of Sheffield University": a title opening the run.
        let titled = p == 1 && person_titles().contains(prev);
        let title_first = (3..=4).contains(&p) && person_titles().contains(words[0]);
        if !((2..=3).contains(&p) || titled || title_first) || p + 1 >= run.len() {
            return false;
        }
        let name = &run[..p];
        let named = titled
            || title_first
            || given_names().contains(words[0])
            || words::REPORTING_VERBS.contains(&prev);
        if by_for && !(named && given_names().contains(words[usize::from(title_first)])) {
            return false;
        }
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
    pub(super) fn person(&mut self, run: &'s [Tok<'a>], i: usize, words: &[&str]) {
        let (norm, toks) = (self.c.norm, self.c.toks);
        let b = strip_end(run);
        let (role, mut person) = role_and_name(norm, run, words);
        let before = toks[..i.saturating_sub(run.len())].last();
        let titled = person.len() < run.len()
            || before.is_some_and(|p| {
                person_titles().contains(p.s)
                    || is_member_title(p.s.rsplit('-').next().unwrap_or(p.s))
                    || LOWER_ROLES.contains(&p.s)
            });
        let by_title = named_by_title(norm, run);
        let mp = norm[b..].starts_with(" MP");
        let next_word = word_after(norm, b);
        let reported = words::REPORTING_VERBS.contains(&next_word);
        while person.last().is_some_and(|t| t.s == "MP") {
            person.pop();
        }
        // "George Daggar Avenue", "Jubilee Line Station": a street or building named
        // after someone is no person; nor is an event, a company or a district whose
        // first word is a given name ("the Iraq War", "the Norman Conquest", "Morris
        // Motors", "the East End").
        if words
            .last()
            .is_some_and(|w| PLACE_HEADS.contains(w) || NOT_SURNAMES.contains(w))
        {
            return;
        }
        let name_like = self.name_like(run, &person);
        // A byline or report with the verb first: "..., writes Terina Hine".
        let prev_word = norm[..run[0].start]
            .trim_end()
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        let after_verb = after_reporting_verb(norm, run, prev_word);
        let reported = reported || after_verb;
        let led_by = led_by_before(norm, run, &person);
        if let Some(what) = by_title.filter(|_| name_like && !is_allcaps(run[1].s)) {
            self.person_by_title(run, what);
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

    /// [`Self::person`]: whether the words of `person`, the name in `run`, may be a
    /// name's.
    fn name_like(&mut self, run: &[Tok], person: &[Tok]) -> bool {
        let last_tok = person.len().saturating_sub(1);
        person.iter().enumerate().all(|(k, t)| {
            given_names().contains(t.s)
                // A middle initial ("Jane A. Bloggs"), though "A" and "I" are words.
                || (k > 0 && k < last_tok && is_initial(t.s))
                || (t.end == run[run.len() - 1].end && month_surname(run))
                || (!is_allcaps(t.s)
                    && !words::is_stopword(&lower(t.s, &mut self.out.scratch.lower))
                    && !role_heads().contains(strip_possessive(t.s))
                    && t.s != "Prime")
        })
    }

    /// [`Self::person`] for a person named by title only, `what` as
    /// [`named_by_title`] says ("a peer", "a councillor" or "a speaker").
    fn person_by_title(&mut self, run: &[Tok], what: &str) {
        let norm = self.c.norm;
        // "Lord Frost", "Baroness Chapman": a peer named by title only; "Cllr
        // Muten": a councillor; "Mr Pendleton said": a speaker.
        let (a, b) = (run[0].start, strip_end(run));
        if !self.overlaps(a, b) && self.lex.id_for_name(&norm[a..b]).is_none() {
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
        // Opening a sentence before "said", two words in no English dictionary are a
        // person's name ("Mufeedah Bustin said"): a place or body that speaks has a
        // common word in its name ("Tower Hamlets said", "Northumbria Police said").
        let foreign_words = || {
            person.iter().all(|t| {
                let w = strip_possessive(t.s).to_lowercase();
                !crate::words::dictionary::is_word(&w) && !self.vocab.contains(&w)
            })
        };
        let as_a_person = unknown_name
            && (occupation_in_apposition(norm, strip_end(person))
                || next_word == "who"
                || (reported
                    && at_start
                    && !closes_an_appositive(norm, person[0].start)
                    && foreign_words()));
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
                // (covers a name closing an appositive after a preposition, too)
                && !after_a_preposition(norm, person[0].start))
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

/// [`SentenceScan::person`]: the role written in `run` before the name, and the
/// name's tokens (after the role, without titles).
fn role_and_name<'a>(
    norm: &str,
    run: &[Tok<'a>],
    words: &[&str],
) -> (Option<String>, Vec<Tok<'a>>) {
    // "Journalist Jeremy Warner": an occupation opening the run, before a given
    // name, is the person's description, as a role is.
    let occupation_first = words.len() > 2
        && given_names().contains(words[1])
        && !given_names().contains(words[0])
        && words::OCCUPATIONS
            .binary_search(&words[0].to_lowercase().as_str())
            .is_ok();
    let role_split = words.iter().enumerate().rposition(|(k, w)| {
        role_heads().contains(w) || is_member_title(w) || (k == 0 && occupation_first)
    });
    let (role, person): (Option<String>, &[Tok]) = match role_split {
        Some(r) if r + 1 < run.len() => (
            Some(norm[run[0].start..run[r].end].to_string()),
            &run[r + 1..],
        ),
        _ => (None, run),
    };
    // "Labour MP for Leeds Central Alex Sobel": the role's place ("for Leeds
    // Central") is no part of the name, which starts at its given name.
    let person = match person.first().map(|t| t.s) {
        Some("for" | "of") => person
            .iter()
            .rposition(|t| given_names().contains(t.s))
            .filter(|&g| g + 1 < person.len())
            .map_or(person, |g| &person[g..]),
        _ => person,
    };
    // The name starts after the last title: "Westmorland and Furness Councillor
    // Virginia Taylor" is Virginia Taylor, not "Furness Councillor Virginia Taylor".
    let person = match person.iter().rposition(|t| person_titles().contains(t.s)) {
        Some(k) if k + 1 < person.len() => &person[k + 1..],
        _ => person,
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
    (role, person)
}

/// [`SentenceScan::person`]: whether `run` names a person by title alone, and as
/// what: "a peer", "a councillor" or "a speaker".
fn named_by_title(norm: &str, run: &[Tok]) -> Option<&'static str> {
    let peer = run.len() == 2
        && PEERAGES.contains(&run[0].s)
        && !role_heads().contains(strip_possessive(run[1].s))
        && !matches!(
            strip_possessive(run[1].s),
            "Advocate" | "Provost" | "Speaker" | "Lieutenant" | "Justice" | "Chief" | "Protector"
        );
    // "Cllr Muten", "Councillor Rowkins": a councillor named by title only.
    let councillor = run.len() == 2
        && matches!(run[0].s, "Cllr" | "Councillor")
        && !role_heads().contains(strip_possessive(run[1].s))
        && !given_names().contains(strip_possessive(run[1].s));
    // "Mr Pendleton said", "Mayor Rees: I think ...": a person named by title and
    // surname only, who speaks (a reporting verb after, or a transcript's colon).
    // After "Mr", "Mrs", "Ms" or "Dr" a given name is the surname ("Mr Allen", "Dr
    // Thomas"): those titles never stand before a given name alone, as "Sir" does.
    let surname = run.get(1).map_or("", |t| strip_possessive(t.s));
    let titled_speaker = title_and_surname_speak(norm, run)
        && !role_heads().contains(surname)
        && !OFFICES_AFTER_TITLES.contains(&surname)
        && (matches!(run[0].s, "Mr" | "Mrs" | "Ms" | "Dr") || !given_names().contains(surname));
    if peer {
        Some("a peer")
    } else if councillor {
        Some("a councillor")
    } else if titled_speaker {
        Some("a speaker")
    } else {
        None
    }
}

/// [`SentenceScan::person`]: whether `run` follows a reporting verb, `prev_word`,
/// that ends a clause ("..., writes Terina Hine.").
fn after_reporting_verb(norm: &str, run: &[Tok], prev_word: &str) -> bool {
    matches!(
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
        || of_a_name_after(norm, strip_end(run)))
}

/// [`SentenceScan::person`]: whether `person`, the name in `run`, follows "chaired
/// by" or the like.
fn led_by_before(norm: &str, run: &[Tok], person: &[Tok]) -> bool {
    // "the Council of Mosques, chaired by Shamsul Haque": a body's chair or founder.
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
            && spoken_name(person)
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

/// Whether `run` is a title and a surname that name a person: "Mr", "Mrs", "Ms" or
/// "Dr" and a surname anywhere ("questions posed by Mr Poole"); another title
/// ("Mayor", "Professor") only where they speak: "Mayor Rees said", or a transcript's
/// "Mayor Rees: ..." at the sentence's start.
pub(super) fn title_and_surname_speak(norm: &str, run: &[Tok]) -> bool {
    let end = strip_end(run);
    run.len() == 2
        && SURNAME_TITLES.contains(&run[0].s)
        && (matches!(run[0].s, "Mr" | "Mrs" | "Ms" | "Dr")
            || reported_after(norm, end)
            || (run[0].start == 0 && norm[end..].starts_with(':')))
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
pub(super) fn role_in_apposition(norm: &str, end: usize) -> bool {
    // An editor's role in brackets inside a quotation: "Kabir Ahmed [Cabinet Member
    // for Housing]".
    let Some(rest) = norm[end..]
        .strip_prefix(", ")
        .or_else(|| norm[end..].strip_prefix(" the "))
        .or_else(|| norm[end..].strip_prefix(" ["))
    else {
        return false;
    };
    // The four words after an article: "Will Norman, the cycling and walking
    // commissioner for London".
    let rest = ["the ", "a ", "an "]
        .iter()
        .find_map(|a| rest.strip_prefix(a))
        .unwrap_or(rest);
    let mut cap = String::new();
    let words: Vec<&str> = rest
        .split(' ')
        .take(5)
        .take_while(|w| {
            w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
        })
        .collect();
    words.iter().take(4).enumerate().any(|(k, w)| {
        cap.clear();
        let mut cs = w.chars();
        if let Some(c) = cs.next() {
            cap.extend(c.to_uppercase());
            cap.push_str(cs.as_str());
        }
        // A member of a named body, or one "for" a place or portfolio ("London
        // Assembly member for City and East", "Cabinet Member for Housing"), not
        // any "member of the partnership".
        let member =
            cap == "Member" && (k > 0 && is_cap(words[k - 1]) || words.get(k + 1) == Some(&"for"));
        // "Mufeedah Bustin, Councilor for Island Gardens,": a councillor's title is
        // a person's role after the name too.
        let councillor = matches!(cap.as_str(), "Councillor" | "Councilor" | "Cllr");
        w == &"MP" || member || councillor || role_heads().contains(cap.as_str())
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
        .or_else(|| norm[end..].strip_prefix(", another "))
    else {
        return false;
    };
    // "Jas Bhangal, another local, was pleased": "local" as the noun closing it.
    if rest.starts_with("local,") || rest.starts_with("local resident") {
        return true;
    }
    // The words up to the first that closes the apposition ("a bookseller.", "a
    // retired nurse,"), without its mark.
    let mut closed = false;
    rest.split(' ')
        .take(4)
        .map_while(|raw| {
            if closed {
                return None;
            }
            let w = raw.trim_end_matches([',', '.', ';', ':', ')']);
            closed = w.len() < raw.len();
            // "a Welsh nationalist and poet": a capitalised adjective may stand
            // between; a preposition ends the noun phrase.
            let word = w
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’');
            (word && !matches!(w, "of" | "in" | "at" | "from" | "who" | "for" | "with"))
                .then_some(w)
        })
        // "a member of the partnership" describes bodies too.
        .any(|w| {
            words::OCCUPATIONS.binary_search(&w).is_ok()
                || (super::vox::is_vox_noun(w) && w != "member")
        })
}

/// Whether "of" and a capitalised name follow `norm[..end]` ("Krishna Yeshwant of GV").
fn of_a_name_after(norm: &str, end: usize) -> bool {
    norm[end..]
        .strip_prefix(" of ")
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_uppercase)
}

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

/// Whether the name at byte `start` ends an appositive after a preposition ("Tracy
/// Brabin, the Labour mayor for West Yorkshire, said", "the Conservative mayor of the
/// West Midlands, said"): the verb after it is the appositive's subject's, so it is
/// no sign that the name is a person's.
fn closes_an_appositive(norm: &str, start: usize) -> bool {
    word_before(norm, start)
        .is_some_and(|x| matches!(x, "of" | "for" | "in" | "at" | "from" | "across" | "on"))
        && norm[..start].contains(',')
}

/// The word before byte `start`, passing over a "the".
fn word_before(norm: &str, start: usize) -> Option<&str> {
    let mut before = norm[..start].split_whitespace().rev();
    let w = before.next();
    if w.is_some_and(|x| x.eq_ignore_ascii_case("the")) {
        return before.next();
    }
    w
}

/// Whether the name at byte `start` follows a preposition that ends a phrase of the
/// subject ("Rebecca Unverzagt from the campaign supporting the schemes in Bethnal
/// Green said", "a spokesperson for Tower Hamlets said"): the verb after it is the
/// subject's, so it is no sign that the name is a person's.
fn after_a_preposition(norm: &str, start: usize) -> bool {
    word_before(norm, start).is_some_and(|x| {
        matches!(
            x,
            "of" | "for" | "in" | "at" | "from" | "across" | "on" | "to" | "near" | "around"
        )
    })
}

/// Whether a token is an initial: one capital letter, with or without its full stop.
fn is_initial(s: &str) -> bool {
    let b = s.strip_suffix('.').unwrap_or(s).as_bytes();
    b.len() == 1 && b[0].is_ascii_uppercase()
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

/// Head nouns of streets, buildings and sites, which end names made of a person's name
/// ("George Daggar Avenue") but are never a surname.
pub(super) const PLACE_HEADS: &[&str] = &[
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

/// Last words of names that open with a given name but are no person's: events
/// ("the Iraq War", "the Great Exhibition", "the Norman Conquest"), companies
/// ("Morris Motors"), districts and plans ("the East End", "Ailsa Wharf Planning",
/// "future Canary Wharfs") and councillors in the plural ("Borough Cllrs").
const NOT_SURNAMES: &[&str] = &[
    "War",
    "Wars",
    "Conquest",
    "Exhibition",
    "Revolution",
    "Festival",
    "Olympics",
    "Riots",
    "Uprising",
    "Rebellion",
    "Blitz",
    "Motors",
    "End",
    "Wharfs",
    "Planning",
    "Cllrs",
    "Councillors",
];

/// Members' titles written before or after a name: "Tory MP Bob Seely", "list-MSP Murdo Fraser".
pub(super) fn is_member_title(w: &str) -> bool {
    matches!(w, "MP" | "MSP" | "MEP" | "MS" | "AM")
}

/// Peerages, which name a person by title and surname alone ("Lord Frost").
pub(super) const PEERAGES: &[&str] = &["Lord", "Baroness", "Baron", "Lady", "Viscount", "Canon"];

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

/// Whether a short line (the caller checks it is one, a heading by its layout) names
/// the speaker of the quotation above it as a press release signs one: a person (a
/// title or a given name first), a comma, a role, and perhaps the body ("Cllr John
/// Lamb, Leader, Southend-on-Sea Borough Council", "Paul Finch, chief technical
/// officer, KAO Data"). Such a line is read for its person and body
/// ([`SentenceScan::signature`]), where other short lines (headings, captions,
/// navigation) are not read for names at all.
pub(crate) fn attribution_line(norm: &str) -> bool {
    let mut parts = norm.split(", ");
    let (Some(name), Some(role)) = (parts.next(), parts.next()) else {
        return false;
    };
    if parts.count() > 1 {
        return false;
    }
    let words: Vec<&str> = name.split(' ').collect();
    let first = words[0];
    let person_first = words.len() >= 2 && (given_names().contains(first) || signs_title(first));
    let role_words: Vec<&str> = role.split([' ', '-']).collect();
    // The role capitalised or not ("Leader", "chief technical officer", "CEO").
    let is_role = |w: &str| {
        let cap = match w.split_at_checked(1) {
            Some((f, rest)) => format!("{}{rest}", f.to_uppercase()),
            None => w.to_string(),
        };
        role_heads().contains(cap.as_str())
            || matches!(
                cap.as_str(),
                "Manager" | "Member" | "Partner" | "Principal" | "Councillor" | "Vice"
            )
            || matches!(w, "CEO" | "CTO" | "CFO" | "COO" | "MD")
    };
    (2..=5).contains(&words.len())
        && person_first
        && words.iter().all(|w| is_cap(w) && !is_allcaps(w))
        && role_words.len() <= 5
        && role_words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_alphabetic() || c == '\'' || c == '&')
        })
        && role_words.iter().any(|w| is_role(w))
}

/// A title a signature line may open with ("Professor", "Dr", "Cllr").
fn signs_title(w: &str) -> bool {
    person_titles().contains(w) || matches!(w, "Cllr" | "Councillor")
}

impl SentenceScan<'_, '_, '_> {
    /// A signature line ([`attribution_line`]): the person it names first, without
    /// a title ("Cllr John Lamb"), and the body after the role ("Paul Finch, chief
    /// technical officer, KAO Data"), an organisation; each where no lexicon name
    /// covers it. The role's words name nothing. The caller checks the line is one.
    pub(super) fn signature(&mut self) {
        let norm = self.c.norm;
        let name_end = norm.find(", ").unwrap_or(norm.len());
        let mut a = 0;
        for w in norm[..name_end].split(' ') {
            if !signs_title(w) {
                break;
            }
            a += w.len() + 1;
        }
        if a < name_end && !self.overlaps(a, name_end) {
            self.add(
                norm[a..name_end].to_string(),
                NodeKind::Actor,
                "person",
                0.8,
                "a name signing a quotation".into(),
                a,
                name_end,
            );
        }
        let Some(at) = norm.match_indices(", ").nth(1).map(|(i, _)| i + 2) else {
            return;
        };
        let body = norm[at..].trim_end_matches(['.', ' ']);
        let words: Vec<&str> = body.split(' ').collect();
        let (a, b) = (at, at + body.len());
        let capitalised = words
            .iter()
            .all(|w| is_cap(w) || matches!(*w, "of" | "for" | "and" | "the" | "&"));
        // A known policy inside the body's name is no mention of it ("Harlow
        // Enterprise Zone Board"); a known name that is the body, or an actor, is.
        let lex = self.lex;
        let known = self.c.hit_spans.iter().any(|&(s, e)| {
            s < b
                && a < e
                && ((s, e) == (a, b)
                    || s < a
                    || e > b
                    || !lex
                        .id_for_name(&norm[s..e])
                        .is_some_and(|id| id.starts_with("policy:")))
        });
        // A programme's name is no body's ("Andrew Bramidge, Project Director, Harlow
        // Enterprise Zone": he directs the zone).
        let programme = crate::words::policy_head(body).is_some();
        if (1..=5).contains(&words.len()) && capitalised && !known && !programme {
            self.supersede_hits_within(a, b);
            self.add(
                body.to_string(),
                NodeKind::Actor,
                "organisation",
                0.6,
                "the body a signature line names after the role".into(),
                a,
                b,
            );
        }
    }
}
