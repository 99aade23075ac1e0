//! A generator of synthetic corpora with the shape of the bundled one, for the query
//! benchmark (and a test that checks the corpus it writes is valid).
//!
//! Everything is derived from a seed, so the same call writes the same files. Quotes
//! are sentences of the generated texts, so `levelmap check` accepts the corpus.
//! Proportions per article (see [`Shape`]) follow the bundled corpus: a few authors,
//! an outlet, claims about policies with stances, links between claims, relations
//! between actors and policies, and references to events. Popular policies and actors
//! are chosen far more often than the rest (a Zipf-like draw), as in the real debate.

#![allow(dead_code)]

use std::fmt::Write as _;
use std::io;
use std::path::Path;

/// How many of each thing per article (means), and how large the lexicon is.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    /// Lexicon actors: a base plus this many per article.
    pub actors: (usize, f64),
    /// Lexicon policies: a base plus this many per article.
    pub policies: (usize, f64),
    /// Lexicon events: a base plus this many per article.
    pub events: (usize, f64),
    /// Claims per article.
    pub claims: usize,
    /// Chance that a claim is about a second policy too.
    pub second_policy: f64,
    /// Chance that a claim reports a speaker other than the author.
    pub speaker: f64,
    /// Chances that a claim supports, echoes and attacks an earlier claim.
    pub links: (f64, f64, f64),
    /// Relations per article: proposes, part-of, member-of, evolves-into/replaces, criticises.
    pub relations: (usize, usize, usize, usize, usize),
    /// Events referred to per article.
    pub refers: usize,
    /// Filler sentences per article (the text around the claims).
    pub filler: usize,
}

/// The shape of the bundled corpus (graph/, 5 articles, 2024): per article 17 claims,
/// each about 1.8 policies, 19% with a reported speaker, 0.9 links to other claims;
/// 18 relations (7 proposes, 7 part-of, 2 member-of, 2 evolves-into, 1 criticises in
/// 2); 5 events referred to; about 22 mentions; 6 kB of text. The lexicon grows more
/// slowly than the articles (new articles mostly name known actors): 37 actors, 54
/// policies and 15 events for 5 articles, about 6,000, 3,000 and 1,000 for 10,000.
pub const SHAPE: Shape = Shape {
    actors: (37, 0.6),
    policies: (54, 0.3),
    events: (15, 0.1),
    claims: 17,
    second_policy: 0.8,
    speaker: 0.19,
    links: (0.5, 0.37, 0.06),
    relations: (7, 7, 2, 2, 1),
    refers: 5,
    filler: 34,
};

/// What was written.
#[derive(Debug, Clone, Copy, Default)]
pub struct Written {
    /// Articles.
    pub articles: usize,
    /// Actors.
    pub actors: usize,
    /// Policies.
    pub policies: usize,
    /// Events.
    pub events: usize,
    /// Claims.
    pub claims: usize,
    /// Relations (explicit, not computed).
    pub relations: usize,
    /// Bytes of article text.
    pub text_bytes: usize,
}

/// A small deterministic PRNG (SplitMix64); no dependency needed for a benchmark.
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in 0..n (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// A float in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability p.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// A Zipf-like draw in 0..n: small indices are much more likely.
    pub fn zipf(&mut self, n: usize) -> usize {
        // Inverse of a continuous 1/x law on [1, n+1).
        let x = ((n as f64 + 1.0).ln() * self.unit()).exp() - 1.0;
        (x as usize).min(n - 1)
    }

    /// One element of a slice.
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

const FIRST: &[&str] = &[
    "Alice", "Bilal", "Carys", "Dev", "Eilidh", "Femi", "Grace", "Hamza", "Isla", "Jonah", "Kiran",
    "Lena", "Mared", "Niall", "Oona", "Priya", "Quentin", "Rhian", "Samir", "Tess", "Umar", "Vera",
    "Wyn", "Yusuf", "Zara",
];
const SYLL: &[&str] = &[
    "bar", "den", "fil", "gor", "hal", "kem", "lor", "mid", "nor", "pel", "ros", "tan", "vel",
    "wic", "yar", "zen",
];
const ORG: &[&str] = &[
    "Institute",
    "Foundation",
    "Trust",
    "Centre",
    "Council",
    "Commission",
    "Network",
    "Forum",
];
const POLICY: &[&str] = &[
    "Fund",
    "Programme",
    "Strategy",
    "Deal",
    "Plan",
    "Guarantee",
    "Agenda",
    "Partnership",
];
const TOPIC: &[&str] = &[
    "skills",
    "transport",
    "housing",
    "productivity",
    "health",
    "devolution",
    "investment",
    "research",
    "towns",
    "high streets",
    "energy",
    "jobs",
    "schools",
    "broadband",
    "regeneration",
    "pride in place",
];
const VERB_FOR: &[&str] = &[
    "will raise productivity in the regions",
    "is the right way to close the gap between places",
    "gives local leaders the powers they need",
    "should be extended to every combined authority",
    "has already improved skills and jobs",
];
const VERB_AGAINST: &[&str] = &[
    "has failed to reach the places that need it most",
    "is a slogan without a plan",
    "was undermined by competitive bidding",
    "spreads money too thinly to matter",
    "ignores the scale of regional inequality",
];
const VERB_MIXED: &[&str] = &[
    "has promise but lacks long-term funding",
    "is welcome yet far too centralised",
    "could work if councils had more capacity",
];
const VERB_NEUTRAL: &[&str] = &[
    "was announced alongside the spending review",
    "is run by the department for local government",
    "covers both towns and cities",
];
const FILLER: &[&str] = &[
    "The gap between the most and least productive places in the country remains wide.",
    "Local leaders have repeatedly asked for longer funding settlements.",
    "Evidence from past programmes suggests that capacity matters as much as money.",
    "Many councils lack the staff to bid for competitive pots of funding.",
    "The debate about regional inequality is older than any one government.",
    "Spending per head on transport is far higher in the capital than in the North.",
    "A decade of austerity has left local services stretched.",
    "Skills policy has been reorganised many times since the 1980s.",
    "Business investment outside the South East has lagged for years.",
    "Metro mayors have become more visible since the pandemic.",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn syllables(mut i: usize, min: usize) -> String {
    let mut s = String::new();
    let mut n = 0;
    while n < min || i > 0 {
        s.push_str(SYLL[i % SYLL.len()]);
        i /= SYLL.len();
        n += 1;
    }
    s
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A TOML basic string.
fn q(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

struct Actor {
    id: String,
    name: String,
    kind: &'static str,
    /// Leaning: chance of speaking for a policy.
    lean: f64,
}

struct Policy {
    id: String,
    name: String,
    alias: String,
}

struct Event {
    id: String,
    name: String,
    date: (i32, u32, u32),
}

fn days_in(y: i32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn date_from_index(i: usize, n: usize) -> (i32, u32, u32) {
    // Spread articles evenly over 2019-01 .. 2024-12 (72 months), in index order.
    let month = (i * 72) / n.max(1);
    let y = 2019 + (month / 12) as i32;
    let m = (month % 12) as u32 + 1;
    let within = (i * 72) % n.max(1);
    let d = 1 + ((within as u64 * u64::from(days_in(y, m))) / n.max(1) as u64) as u32;
    (y, m, d.min(days_in(y, m)))
}

/// Write a synthetic corpus of `articles` articles into `dir` (which is created).
pub fn generate(dir: &Path, articles: usize, seed: u64) -> io::Result<Written> {
    generate_with(dir, articles, seed, SHAPE)
}

/// [`generate`] with an explicit shape.
pub fn generate_with(
    dir: &Path,
    n_articles: usize,
    seed: u64,
    shape: Shape,
) -> io::Result<Written> {
    let mut rng = Rng::new(seed);
    let lex = dir.join("lexicon");
    let art = dir.join("articles");
    std::fs::create_dir_all(&lex)?;
    std::fs::create_dir_all(&art)?;
    let mut w = Written {
        articles: n_articles,
        ..Written::default()
    };

    let size = |(base, per): (usize, f64)| base + (per * n_articles as f64) as usize;
    let (n_actors, n_policies, n_events) =
        (size(shape.actors), size(shape.policies), size(shape.events));

    // Lexicon: the first actors are parties and think tanks (the popular ones).
    let mut actors = Vec::with_capacity(n_actors);
    for i in 0..n_actors {
        let (name, kind) = match i % 10 {
            0 if i < 40 => (format!("{} Party", capital(&syllables(i, 2))), "party"),
            1 | 5 => (
                format!("{} {}", capital(&syllables(i, 2)), ORG[i % ORG.len()]),
                "think-tank",
            ),
            7 => (
                format!("Department for {}", capital(&syllables(i, 2))),
                "government-body",
            ),
            _ => (
                format!("{} {}", FIRST[i % FIRST.len()], capital(&syllables(i, 2))),
                "person",
            ),
        };
        actors.push(Actor {
            id: format!("actor:a{i}"),
            name,
            kind,
            lean: rng.unit(),
        });
    }
    let mut policies = Vec::with_capacity(n_policies);
    for i in 0..n_policies {
        let word = capital(&syllables(i, 2));
        let name = format!("{word} {}", POLICY[i % POLICY.len()]);
        let alias = format!("{} {}", word.to_lowercase(), TOPIC[i % TOPIC.len()]);
        policies.push(Policy {
            id: format!("policy:p{i}"),
            name,
            alias,
        });
    }
    let mut events = Vec::with_capacity(n_events);
    for i in 0..n_events {
        let d = date_from_index(rng.below(n_articles.max(1)), n_articles.max(1));
        events.push(Event {
            id: format!("event:e{i}"),
            name: format!("{} Summit {}", capital(&syllables(i, 2)), i),
            date: d,
        });
    }

    // Articles, in date order.
    let mut claim_ids: Vec<String> = Vec::new();
    // Claims of articles before the current month: safe targets for echoes.
    let (mut month, mut before_month) = ((0, 0), 0);
    for a in 0..n_articles {
        let stem = format!("a{a:05}");
        let (y, m, d) = date_from_index(a, n_articles);
        if (y, m) != month {
            month = (y, m);
            before_month = claim_ids.len();
        }
        let author = rng.zipf(n_actors);
        let outlet = (rng.chance(0.6)).then(|| {
            let mut o = rng.zipf(n_actors);
            if o == author {
                o = (o + 1) % n_actors;
            }
            o
        });
        let mut text = String::new();
        let mut toml = String::new();
        // An article is about a few policies and actors: most of what it says is drawn
        // from these (as in the bundled corpus, about 22 distinct names per article).
        let topic_p: Vec<usize> = (0..6).map(|_| rng.zipf(n_policies)).collect();
        let topic_a: Vec<usize> = (0..5).map(|_| rng.zipf(n_actors)).collect();
        let pol = |rng: &mut Rng| {
            if rng.chance(0.85) {
                *rng.pick(&topic_p)
            } else {
                rng.zipf(n_policies)
            }
        };
        let act = |rng: &mut Rng| {
            if rng.chance(0.85) {
                *rng.pick(&topic_a)
            } else {
                rng.zipf(n_actors)
            }
        };
        let title = format!(
            "On {} and {}",
            policies[topic_p[0]].name,
            TOPIC[rng.below(TOPIC.len())]
        );
        let _ = writeln!(text, "{title}\n");
        let stated = rng.chance(0.85);
        let date_line = if stated {
            format!("Posted on: {d} {} {y}", MONTHS[m as usize - 1])
        } else {
            format!("Written in {} {y}.", MONTHS[m as usize - 1])
        };
        let by = format!("by {}", actors[author].name);
        let _ = writeln!(text, "{date_line} {by}\n");
        let _ = writeln!(toml, "title = {}", q(&title));
        let _ = writeln!(toml, "\n[date]");
        if stated {
            let _ = writeln!(
                toml,
                "value = \"{y:04}-{m:02}-{d:02}\"\nprovenance = \"stated\"\nevidence = {}",
                q(&date_line)
            );
        } else {
            let _ = writeln!(
                toml,
                "value = \"{y:04}-{m:02}\"\nprovenance = \"inferred\"\nevidence = {}\nreasoning = \"The text names the month.\"",
                q(&date_line)
            );
        }
        let _ = writeln!(
            toml,
            "\n[[author]]\nactor = \"{}\"\nquote = {}",
            actors[author].id,
            q(&by)
        );
        if let Some(o) = outlet {
            let line = format!("Published by {}.", actors[o].name);
            let _ = writeln!(text, "{line}\n");
            let _ = writeln!(
                toml,
                "\n[outlet]\nactor = \"{}\"\nquote = {}",
                actors[o].id,
                q(&line)
            );
        }

        let mut body: Vec<String> = Vec::new();
        // Events referred to.
        let mut referred = std::collections::BTreeSet::new();
        for _ in 0..shape.refers {
            referred.insert(rng.zipf(events.len()));
        }
        for e in referred {
            let e = &events[e];
            let line = format!("This follows the {} ({a}).", e.name);
            body.push(line.clone());
            let _ = writeln!(
                toml,
                "\n[[refers_to]]\nevent = \"{}\"\nquote = {}",
                e.id,
                q(&line)
            );
        }
        // Claims.
        let first_claim_of_article = claim_ids.len();
        for k in 0..shape.claims {
            let cid = format!("claim:a{a:05}-{k}");
            let p = pol(&mut rng);
            let speaker = rng.chance(shape.speaker).then(|| act(&mut rng));
            let who = speaker.unwrap_or(author);
            let roll = rng.unit();
            let lean = actors[who].lean;
            let (stance, verbs) = if roll < 0.15 {
                ("neutral", VERB_NEUTRAL)
            } else if roll < 0.27 {
                ("mixed", VERB_MIXED)
            } else if rng.chance(lean) {
                ("for", VERB_FOR)
            } else {
                ("against", VERB_AGAINST)
            };
            let verb = rng.pick(verbs);
            let sentence = match speaker {
                Some(s) => format!(
                    "According to {}, the {} {verb} ({a}.{k}).",
                    actors[s].name, policies[p].name
                ),
                None => format!("The {} {verb} ({a}.{k}).", policies[p].name),
            };
            body.push(sentence.clone());
            let hedged = verb.starts_with("could") || verb.starts_with("should");
            let _ = writeln!(toml, "\n[[claim]]\nid = \"{cid}\"");
            let _ = writeln!(
                toml,
                "text = {}",
                q(&format!("{} {verb}.", policies[p].name))
            );
            let _ = writeln!(toml, "quote = {}", q(&sentence));
            let kind = if hedged {
                "recommendation"
            } else {
                "evaluation"
            };
            let _ = writeln!(toml, "kind = \"{kind}\"");
            if hedged {
                let _ = writeln!(toml, "hedged = true");
            }
            if let Some(s) = speaker {
                let _ = writeln!(toml, "speaker = \"{}\"", actors[s].id);
            }
            let mut about = format!(
                "{{ policy = \"{}\", stance = \"{stance}\" }}",
                policies[p].id
            );
            if rng.chance(shape.second_policy) {
                let p2 = pol(&mut rng);
                if p2 != p {
                    let _ = write!(
                        about,
                        ", {{ policy = \"{}\", stance = \"{stance}\" }}",
                        policies[p2].id
                    );
                }
            }
            let _ = writeln!(toml, "about = [{about}]");
            // Links to claims of earlier articles (never the same article); echoes only
            // to articles of an earlier month, so that they point back in time.
            let (sup, echo, att) = shape.links;
            if first_claim_of_article > 0 {
                if rng.chance(sup) {
                    let t =
                        &claim_ids[first_claim_of_article - 1 - rng.zipf(first_claim_of_article)];
                    let _ = writeln!(toml, "supports = [\"{t}\"]");
                }
                if rng.chance(att) {
                    let t =
                        &claim_ids[first_claim_of_article - 1 - rng.zipf(first_claim_of_article)];
                    let _ = writeln!(toml, "attacks = [\"{t}\"]");
                }
            }
            if before_month > 0 && rng.chance(echo) {
                let t = &claim_ids[before_month - 1 - rng.zipf(before_month)];
                let _ = writeln!(toml, "echoes = [\"{t}\"]");
            }
            w.claims += 1;
            claim_ids.push(cid);
        }
        // Relations.
        let (proposes, part_of, member_of, lineage_n, criticises) = shape.relations;
        let relation = |body: &mut Vec<String>,
                        toml: &mut String,
                        from: &str,
                        kind: &str,
                        to: &str,
                        line: String| {
            body.push(line.clone());
            let _ = writeln!(
                toml,
                "\n[[relation]]\nfrom = \"{from}\"\nkind = \"{kind}\"\nto = \"{to}\"\nquote = {}",
                q(&line)
            );
        };
        let mut r = 0;
        for _ in 0..proposes {
            let (x, p) = (act(&mut rng), pol(&mut rng));
            r += 1;
            let line = format!(
                "{} backed the {} ({a}.r{r}).",
                actors[x].name, policies[p].name
            );
            relation(
                &mut body,
                &mut toml,
                &actors[x].id,
                "proposes",
                &policies[p].id,
                line,
            );
        }
        for _ in 0..criticises {
            let (x, p) = (act(&mut rng), pol(&mut rng));
            r += 1;
            let line = format!(
                "{} attacked the {} ({a}.r{r}).",
                actors[x].name, policies[p].name
            );
            relation(
                &mut body,
                &mut toml,
                &actors[x].id,
                "criticises",
                &policies[p].id,
                line,
            );
        }
        for _ in 0..member_of {
            let x = act(&mut rng);
            let org = (x / 10) * 10 + 1;
            if org < n_actors && org != x {
                r += 1;
                let line = format!(
                    "{} works with the {} ({a}.r{r}).",
                    actors[x].name, actors[org].name
                );
                relation(
                    &mut body,
                    &mut toml,
                    &actors[x].id,
                    "member-of",
                    &actors[org].id,
                    line,
                );
            }
        }
        for (n, kinds) in [
            (part_of, &["part-of"][..]),
            (lineage_n, &["evolves-into", "evolves-into", "replaces"][..]),
        ] {
            for _ in 0..n {
                let p = pol(&mut rng);
                let p2 = p + 1 + rng.zipf(8);
                if p2 < n_policies {
                    r += 1;
                    let kind = *rng.pick(kinds);
                    let line = format!(
                        "The {} fed into the {} ({a}.r{r}).",
                        policies[p].name, policies[p2].name
                    );
                    relation(
                        &mut body,
                        &mut toml,
                        &policies[p].id,
                        kind,
                        &policies[p2].id,
                        line,
                    );
                }
            }
        }
        w.relations += r;
        // Filler, mentioning popular names now and then, mixed through the body.
        for f in 0..shape.filler {
            let mut s = rng.pick(FILLER).to_string();
            if f % 12 == 0 {
                s.push_str(&format!(" So says {}.", actors[rng.zipf(n_actors)].name));
            }
            if f % 17 == 0 {
                s.push_str(&format!(
                    " Consider {}.",
                    policies[rng.zipf(n_policies)].alias
                ));
            }
            let at = rng.below(body.len() + 1);
            body.insert(at, s);
        }
        for chunk in body.chunks(4) {
            let _ = writeln!(text, "{}\n", chunk.join(" "));
        }
        w.text_bytes += text.len();
        std::fs::write(art.join(format!("{stem}.txt")), text)?;
        std::fs::write(art.join(format!("{stem}.toml")), toml)?;
    }

    let mut s = String::new();
    for (i, x) in actors.iter().enumerate() {
        let _ = writeln!(
            s,
            "[[actor]]\nid = \"{}\"\nname = {}\nkind = \"{}\"",
            x.id,
            q(&x.name),
            x.kind
        );
        let _ = writeln!(
            s,
            "description = {}\n",
            q(&format!("Synthetic {} number {i}.", x.kind))
        );
    }
    std::fs::write(lex.join("actors.toml"), s)?;
    let mut s = String::new();
    for p in &policies {
        let _ = writeln!(
            s,
            "[[policy]]\nid = \"{}\"\nname = {}\nkind = \"programme\"",
            p.id,
            q(&p.name)
        );
        let _ = writeln!(s, "aliases = [{}]\n", q(&p.alias));
    }
    std::fs::write(lex.join("policies.toml"), s)?;
    let mut s = String::new();
    for e in &events {
        let (y, m, d) = e.date;
        let _ = writeln!(s, "[[event]]\nid = \"{}\"\nname = {}\nkind = \"other\"\ndate = \"{y:04}-{m:02}-{d:02}\"\n", e.id, q(&e.name));
    }
    std::fs::write(lex.join("events.toml"), s)?;
    w.actors = n_actors;
    w.policies = n_policies;
    w.events = n_events;
    Ok(w)
}
