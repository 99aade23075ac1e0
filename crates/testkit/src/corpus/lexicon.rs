//! The synthetic corpus' lexicon: its actors, policies and events, drawn before the
//! articles (which name them), and written as `lexicon/*.toml` after them.

use std::fmt::Write as _;
use std::io;
use std::path::Path;

use super::text::{capital, date_from_index, q, syllables, FIRST, ORG, POLICY, TOPIC};
use super::Shape;
use crate::rng::Rng;
use levelmap_read::layout;

/// An actor of the lexicon.
pub(super) struct Actor {
    /// Its id (`actor:a<i>`).
    pub(super) id: String,
    /// Its name.
    pub(super) name: String,
    /// Its kind (person, party, think-tank, government-body).
    kind: &'static str,
    /// Leaning: chance of speaking for a policy.
    pub(super) lean: f64,
}

/// A policy of the lexicon.
pub(super) struct Policy {
    /// Its id (`policy:p<i>`).
    pub(super) id: String,
    /// Its name.
    pub(super) name: String,
    /// Its one alias (used in filler text).
    pub(super) alias: String,
}

/// An event of the lexicon.
pub(super) struct Event {
    /// Its id (`event:e<i>`).
    pub(super) id: String,
    /// Its name.
    pub(super) name: String,
    /// Its day.
    date: (i32, u32, u32),
}

/// Everything the articles can name.
pub(super) struct Lexicon {
    /// Actors, the popular (low-numbered) ones first.
    pub(super) actors: Vec<Actor>,
    /// Policies, the popular ones first.
    pub(super) policies: Vec<Policy>,
    /// Events.
    pub(super) events: Vec<Event>,
}

impl Lexicon {
    /// Draw the lexicon of a corpus of `n_articles` articles: its size grows with
    /// the articles as `shape` says.
    pub(super) fn draw(rng: &mut Rng, n_articles: usize, shape: &Shape) -> Self {
        let size = |(base, per): (usize, f64)| base + (per * n_articles as f64) as usize;
        let actors = draw_actors(rng, size(shape.actors));
        let policies = name_policies(size(shape.policies));
        let events = draw_events(rng, size(shape.events), n_articles);
        Lexicon {
            actors,
            policies,
            events,
        }
    }

    /// Write `actors.toml`, `policies.toml` and `events.toml` into `lex`.
    pub(super) fn write(&self, lex: &Path) -> io::Result<()> {
        let mut s = String::new();
        for (i, x) in self.actors.iter().enumerate() {
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
        std::fs::write(lex.join(layout::ACTORS_FILE), s)?;
        let mut s = String::new();
        for p in &self.policies {
            let _ = writeln!(
                s,
                "[[policy]]\nid = \"{}\"\nname = {}\nkind = \"programme\"",
                p.id,
                q(&p.name)
            );
            let _ = writeln!(s, "aliases = [{}]\n", q(&p.alias));
        }
        std::fs::write(lex.join(layout::POLICIES_FILE), s)?;
        let mut s = String::new();
        for e in &self.events {
            let (y, m, d) = e.date;
            let _ = writeln!(s, "[[event]]\nid = \"{}\"\nname = {}\nkind = \"other\"\ndate = \"{y:04}-{m:02}-{d:02}\"\n", e.id, q(&e.name));
        }
        std::fs::write(lex.join(layout::EVENTS_FILE), s)
    }
}

/// Actors, each with a leaning: the first are parties and think tanks (the popular
/// ones).
fn draw_actors(rng: &mut Rng, n: usize) -> Vec<Actor> {
    let mut actors = Vec::with_capacity(n);
    for i in 0..n {
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
    actors
}

/// Policies, named from their number (nothing random).
fn name_policies(n: usize) -> Vec<Policy> {
    let mut policies = Vec::with_capacity(n);
    for i in 0..n {
        let word = capital(&syllables(i, 2));
        let name = format!("{word} {}", POLICY[i % POLICY.len()]);
        let alias = format!("{} {}", word.to_lowercase(), TOPIC[i % TOPIC.len()]);
        policies.push(Policy {
            id: format!("policy:p{i}"),
            name,
            alias,
        });
    }
    policies
}

/// Events, each on the day of a random article.
fn draw_events(rng: &mut Rng, n: usize, n_articles: usize) -> Vec<Event> {
    let mut events = Vec::with_capacity(n);
    for i in 0..n {
        let d = date_from_index(rng.below(n_articles.max(1)), n_articles.max(1));
        events.push(Event {
            id: format!("event:e{i}"),
            name: format!("{} Summit {}", capital(&syllables(i, 2)), i),
            date: d,
        });
    }
    events
}
