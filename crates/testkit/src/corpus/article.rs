//! One article of the synthetic corpus, written in its steps: the header (title,
//! date, author, outlet), the events it refers to, its claims and their links to
//! earlier claims, its relations, the filler text around them, and the two files
//! (`<stem>.txt`, `<stem>.toml`).

use std::fmt::Write as _;
use std::io;
use std::path::Path;

use super::lexicon::Lexicon;
use super::text::{
    date_from_index, q, FILLER, MONTHS, TOPIC, VERB_AGAINST, VERB_FOR, VERB_MIXED, VERB_NEUTRAL,
};
use super::Shape;
use crate::rng::Rng;
use levelmap_read::layout;

/// The claims written so far, which later claims may link to.
#[derive(Default)]
pub(super) struct Claims {
    /// Ids of every claim written so far, in order.
    ids: Vec<String>,
    /// The month of the last article.
    month: (i32, u32),
    /// How many claims the articles before that month have: safe targets for echoes.
    before_month: usize,
}

/// An article being written.
pub(super) struct Article<'l> {
    /// Its number (in date order).
    a: usize,
    /// What it can name.
    lex: &'l Lexicon,
    /// Its author (an actor's index).
    author: usize,
    /// The few policies it is mostly about.
    topic_p: Vec<usize>,
    /// The few actors it mostly names.
    topic_a: Vec<usize>,
    /// Its text so far (the header).
    text: String,
    /// Its annotations (TOML).
    toml: String,
    /// The sentences of its body, in order.
    body: Vec<String>,
}

/// How many claims and relations an article has, and the bytes of its text.
pub(super) struct Counts {
    /// Claims.
    pub(super) claims: usize,
    /// Relations.
    pub(super) relations: usize,
    /// Bytes of text.
    pub(super) text_bytes: usize,
}

/// Write article number `a` of `n_articles` into `dir`.
pub(super) fn write(
    dir: &Path,
    a: usize,
    n_articles: usize,
    lex: &Lexicon,
    shape: &Shape,
    claims: &mut Claims,
    rng: &mut Rng,
) -> io::Result<Counts> {
    let stem = format!("a{a:05}");
    let date = date_from_index(a, n_articles);
    if (date.0, date.1) != claims.month {
        claims.month = (date.0, date.1);
        claims.before_month = claims.ids.len();
    }
    let mut article = Article::header(a, date, lex, rng);
    article.refer_to_events(rng, shape.refers);
    let n_claims = article.claims(rng, shape, claims);
    let relations = article.relations(rng, shape);
    article.filler(rng, shape);
    let (text, toml) = article.finish();
    let text_bytes = text.len();
    std::fs::write(dir.join(layout::text_file_name(&stem)), text)?;
    std::fs::write(dir.join(layout::annotation_file_name(&stem)), toml)?;
    Ok(Counts {
        claims: n_claims,
        relations,
        text_bytes,
    })
}

impl<'l> Article<'l> {
    /// Draw the author, the outlet and the article's topics, and write the header:
    /// title, date line (stated or only the month), byline and outlet.
    fn header(a: usize, (y, m, d): (i32, u32, u32), lex: &'l Lexicon, rng: &mut Rng) -> Self {
        let n_actors = lex.actors.len();
        let n_policies = lex.policies.len();
        let author = rng.zipf(n_actors);
        let outlet = (rng.chance(0.6)).then(|| {
            let mut o = rng.zipf(n_actors);
            if o == author {
                o = (o + 1) % n_actors;
            }
            o
        });
        // An article is about a few policies and actors: most of what it says is drawn
        // from these (as in the bundled corpus, about 22 distinct names per article).
        let topic_p: Vec<usize> = (0..6).map(|_| rng.zipf(n_policies)).collect();
        let topic_a: Vec<usize> = (0..5).map(|_| rng.zipf(n_actors)).collect();
        let mut text = String::new();
        let mut toml = String::new();
        let title = format!(
            "On {} and {}",
            lex.policies[topic_p[0]].name,
            TOPIC[rng.below(TOPIC.len())]
        );
        let _ = writeln!(text, "{title}\n");
        let stated = rng.chance(0.85);
        let date_line = if stated {
            format!("Posted on: {d} {} {y}", MONTHS[m as usize - 1])
        } else {
            format!("Written in {} {y}.", MONTHS[m as usize - 1])
        };
        let by = format!("by {}", lex.actors[author].name);
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
            lex.actors[author].id,
            q(&by)
        );
        if let Some(o) = outlet {
            let line = format!("Published by {}.", lex.actors[o].name);
            let _ = writeln!(text, "{line}\n");
            let _ = writeln!(
                toml,
                "\n[outlet]\nactor = \"{}\"\nquote = {}",
                lex.actors[o].id,
                q(&line)
            );
        }
        Article {
            a,
            lex,
            author,
            topic_p,
            topic_a,
            text,
            toml,
            body: Vec::new(),
        }
    }

    /// A policy: mostly one of the article's topics, now and then any.
    fn pol(&self, rng: &mut Rng) -> usize {
        if rng.chance(0.85) {
            *rng.pick(&self.topic_p)
        } else {
            rng.zipf(self.lex.policies.len())
        }
    }

    /// An actor: mostly one of the article's, now and then any.
    fn act(&self, rng: &mut Rng) -> usize {
        if rng.chance(0.85) {
            *rng.pick(&self.topic_a)
        } else {
            rng.zipf(self.lex.actors.len())
        }
    }

    /// Up to `refers` events (popular ones more often), each in a sentence.
    fn refer_to_events(&mut self, rng: &mut Rng, refers: usize) {
        let mut referred = std::collections::BTreeSet::new();
        for _ in 0..refers {
            referred.insert(rng.zipf(self.lex.events.len()));
        }
        for e in referred {
            let e = &self.lex.events[e];
            let line = format!("This follows the {} ({}).", e.name, self.a);
            self.body.push(line.clone());
            let _ = writeln!(
                self.toml,
                "\n[[refers_to]]\nevent = \"{}\"\nquote = {}",
                e.id,
                q(&line)
            );
        }
    }

    /// The article's claims; returns how many.
    fn claims(&mut self, rng: &mut Rng, shape: &Shape, claims: &mut Claims) -> usize {
        let first_claim_of_article = claims.ids.len();
        for k in 0..shape.claims {
            let cid = format!("claim:a{:05}-{k}", self.a);
            self.claim(rng, shape, &cid, k);
            self.link(rng, shape, claims, first_claim_of_article);
            claims.ids.push(cid);
        }
        shape.claims
    }

    /// Claim `k`: a sentence about a policy (and maybe a second one) with a stance
    /// that follows its speaker's leaning, said by the author or a reported speaker.
    fn claim(&mut self, rng: &mut Rng, shape: &Shape, cid: &str, k: usize) {
        let (actors, policies) = (&self.lex.actors, &self.lex.policies);
        let a = self.a;
        let p = self.pol(rng);
        let speaker = rng.chance(shape.speaker).then(|| self.act(rng));
        let who = speaker.unwrap_or(self.author);
        let (stance, verbs) = stance(rng, actors[who].lean);
        let verb = rng.pick(verbs);
        let sentence = match speaker {
            Some(s) => format!(
                "According to {}, the {} {verb} ({a}.{k}).",
                actors[s].name, policies[p].name
            ),
            None => format!("The {} {verb} ({a}.{k}).", policies[p].name),
        };
        self.body.push(sentence.clone());
        let hedged = verb.starts_with("could") || verb.starts_with("should");
        let toml = &mut self.toml;
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
            let p2 = self.pol(rng);
            if p2 != p {
                let _ = write!(
                    about,
                    ", {{ policy = \"{}\", stance = \"{stance}\" }}",
                    policies[p2].id
                );
            }
        }
        let _ = writeln!(self.toml, "about = [{about}]");
    }

    /// Links of the claim just written to claims of earlier articles (never the same
    /// article); echoes only to articles of an earlier month, so that they point back
    /// in time.
    fn link(&mut self, rng: &mut Rng, shape: &Shape, claims: &Claims, first_of_article: usize) {
        let (sup, echo, att) = shape.links;
        let ids = &claims.ids;
        if first_of_article > 0 {
            if rng.chance(sup) {
                let t = &ids[first_of_article - 1 - rng.zipf(first_of_article)];
                let _ = writeln!(self.toml, "supports = [\"{t}\"]");
            }
            if rng.chance(att) {
                let t = &ids[first_of_article - 1 - rng.zipf(first_of_article)];
                let _ = writeln!(self.toml, "attacks = [\"{t}\"]");
            }
        }
        let before_month = claims.before_month;
        if before_month > 0 && rng.chance(echo) {
            let t = &ids[before_month - 1 - rng.zipf(before_month)];
            let _ = writeln!(self.toml, "echoes = [\"{t}\"]");
        }
    }

    /// A relation, in a sentence of the body and in the annotations.
    fn relation(&mut self, from: &str, kind: &str, to: &str, line: String) {
        self.body.push(line.clone());
        let _ = writeln!(
            self.toml,
            "\n[[relation]]\nfrom = \"{from}\"\nkind = \"{kind}\"\nto = \"{to}\"\nquote = {}",
            q(&line)
        );
    }

    /// The article's relations, as many of each kind as `shape` says (fewer when a
    /// draw makes no sense); returns how many.
    fn relations(&mut self, rng: &mut Rng, shape: &Shape) -> usize {
        let lex = self.lex;
        let (actors, policies) = (&lex.actors, &lex.policies);
        let a = self.a;
        let (proposes, part_of, member_of, lineage_n, criticises) = shape.relations;
        let mut r = 0;
        for (n, kind, verb) in [
            (proposes, "proposes", "backed"),
            (criticises, "criticises", "attacked"),
        ] {
            for _ in 0..n {
                let (x, p) = (self.act(rng), self.pol(rng));
                r += 1;
                let line = format!(
                    "{} {verb} the {} ({a}.r{r}).",
                    actors[x].name, policies[p].name
                );
                self.relation(&actors[x].id, kind, &policies[p].id, line);
            }
        }
        for _ in 0..member_of {
            let x = self.act(rng);
            let org = (x / 10) * 10 + 1;
            if org < actors.len() && org != x {
                r += 1;
                let line = format!(
                    "{} works with the {} ({a}.r{r}).",
                    actors[x].name, actors[org].name
                );
                self.relation(&actors[x].id, "member-of", &actors[org].id, line);
            }
        }
        for (n, kinds) in [
            (part_of, &["part-of"][..]),
            (lineage_n, &["evolves-into", "evolves-into", "replaces"][..]),
        ] {
            for _ in 0..n {
                let p = self.pol(rng);
                let p2 = p + 1 + rng.zipf(8);
                if p2 < policies.len() {
                    r += 1;
                    let kind = *rng.pick(kinds);
                    let line = format!(
                        "The {} fed into the {} ({a}.r{r}).",
                        policies[p].name, policies[p2].name
                    );
                    self.relation(&policies[p].id, kind, &policies[p2].id, line);
                }
            }
        }
        r
    }

    /// Filler, mentioning popular names now and then, mixed through the body.
    fn filler(&mut self, rng: &mut Rng, shape: &Shape) {
        let (actors, policies) = (&self.lex.actors, &self.lex.policies);
        for f in 0..shape.filler {
            let mut s = rng.pick(FILLER).to_string();
            if f % 12 == 0 {
                s.push_str(&format!(
                    " So says {}.",
                    actors[rng.zipf(actors.len())].name
                ));
            }
            if f % 17 == 0 {
                s.push_str(&format!(
                    " Consider {}.",
                    policies[rng.zipf(policies.len())].alias
                ));
            }
            let at = rng.below(self.body.len() + 1);
            self.body.insert(at, s);
        }
    }

    /// The text (header, then the body in paragraphs of four sentences) and the
    /// annotations.
    fn finish(mut self) -> (String, String) {
        for chunk in self.body.chunks(4) {
            let _ = writeln!(self.text, "{}\n", chunk.join(" "));
        }
        (self.text, self.toml)
    }
}

/// A stance and the verbs that say it: neutral or mixed now and then, otherwise for
/// with the speaker's leaning as probability.
fn stance(rng: &mut Rng, lean: f64) -> (&'static str, &'static [&'static str]) {
    let roll = rng.unit();
    if roll < 0.15 {
        ("neutral", VERB_NEUTRAL)
    } else if roll < 0.27 {
        ("mixed", VERB_MIXED)
    } else if rng.chance(lean) {
        ("for", VERB_FOR)
    } else {
        ("against", VERB_AGAINST)
    }
}
