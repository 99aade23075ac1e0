//! A generator of synthetic corpora with the shape of the bundled one, for the query
//! benchmark (`cargo bench --bench query -- --generate DIR N`).
//!
//! Everything is derived from a seed, so the same call writes the same files. Quotes
//! are sentences of the generated texts, so `levelmap check` accepts the corpus.
//! Proportions per article (see [`Shape`]) follow the bundled corpus: a few authors,
//! an outlet, claims about policies with stances, links between claims, relations
//! between actors and policies, and references to events. Popular policies and actors
//! are chosen far more often than the rest (a Zipf-like draw), as in the real debate.
//!
//! The steps: [`lexicon`] draws the actors, policies and events; [`article`] writes
//! each article (header, events, claims and links, relations, filler); the lexicon
//! is written last. [`text`] holds the words they are written with.

use std::io;
use std::path::Path;

use crate::rng::Rng;
use levelmap_read::layout;

mod article;
mod lexicon;
mod text;

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
    let lex = layout::lexicon_dir(dir);
    let art = layout::articles_dir(dir);
    std::fs::create_dir_all(&lex)?;
    std::fs::create_dir_all(&art)?;
    let mut w = Written {
        articles: n_articles,
        ..Written::default()
    };
    let lexicon = lexicon::Lexicon::draw(&mut rng, n_articles, &shape);
    // Articles, in date order.
    let mut claims = article::Claims::default();
    for a in 0..n_articles {
        let c = article::write(&art, a, n_articles, &lexicon, &shape, &mut claims, &mut rng)?;
        w.claims += c.claims;
        w.relations += c.relations;
        w.text_bytes += c.text_bytes;
    }
    lexicon.write(&lex)?;
    w.actors = lexicon.actors.len();
    w.policies = lexicon.policies.len();
    w.events = lexicon.events.len();
    Ok(w)
}
