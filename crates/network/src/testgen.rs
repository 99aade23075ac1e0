//! Statements drawn from a fixed-seed generator, for tests that compare two ways of
//! computing the same thing.

use levelmap_model::date::PartialDate;
use levelmap_model::Stance;

use crate::statements::{Source, Statement};

/// `count` statements of `actors` actors on `policies` policies, stances drawn
/// from a fixed-seed generator (mixed and neutral among them).
pub(crate) fn random_statements(
    seed: u64,
    count: usize,
    actors: u64,
    policies: u64,
) -> Vec<Statement> {
    let mut x = seed;
    let mut next = move |m: u64| {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (x >> 33) % m
    };
    (0..count)
        .map(|k| {
            let (a, p) = (next(actors), next(policies));
            let stance = [
                Stance::For,
                Stance::Against,
                Stance::For,
                Stance::Against,
                Stance::Mixed,
                Stance::Neutral,
            ][next(6) as usize];
            Statement {
                date: Some(PartialDate::parse("2021-05").unwrap()),
                article: format!("art{}", next(40)).into(),
                actor: format!("actor:a{a}").into(),
                policy: format!("policy:p{p}").into(),
                stance,
                source: Source::Claim(format!("claim:c{k}").into()),
                actor_label: format!("A{a}").into(),
                policy_label: format!("P{p}").into(),
                quote: "q".into(),
            }
        })
        .collect()
}
