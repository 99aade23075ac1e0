//! Generic aliases: "the white paper" names the Levelling Up White Paper only in an
//! article that names that white paper. A mention found by a generic alias (one made
//! only of words such as "white paper", "the fund": see
//! [`crate::lexicon::Lexicon::generic`]) is kept when the article names its entry
//! otherwise; else it goes to the one other entry named in the article whose name
//! ends with those words ("the English Devolution White Paper ... the white paper");
//! else it is dropped.

use levelmap_model::suggest::fold;

use crate::found::Found;
use crate::items::MentionHow;
use crate::lexicon::Lexicon;
use crate::sentences::Layout;

/// Settle the mentions found by a generic alias (see the module docs).
pub(super) fn settle_generic(layout: &Layout, lex: &Lexicon, found: &mut Found) {
    if lex.generic.is_empty() {
        return;
    }
    let text_of = |si: usize, a: usize, b: usize| -> Option<String> {
        layout
            .sentences
            .get(si)
            .and_then(|s| s.norm.get(a..b))
            .map(fold)
    };
    // Which mentions are generic: (index, folded alias).
    let generic: Vec<(usize, String)> = found
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.how == MentionHow::Lexicon)
        .filter_map(|(i, m)| {
            let aliases = lex.generic.get(&m.id)?;
            let t = text_of(m.sentence, m.start, m.end)?;
            let t = t.strip_prefix("the ").unwrap_or(&t).to_string();
            aliases
                .iter()
                .any(|a| a.strip_prefix("the ").unwrap_or(a) == t)
                .then_some((i, t))
        })
        .collect();
    if generic.is_empty() {
        return;
    }
    let is_generic = |i: usize| generic.iter().any(|(g, _)| *g == i);
    // The entries named otherwise in the article, with their folded names.
    let mut named: Vec<(String, String)> = Vec::new();
    for (i, m) in found.mentions.iter().enumerate() {
        if is_generic(i) || named.iter().any(|(id, _)| *id == m.id) {
            continue;
        }
        let name = lex.entities.get(&m.id).map(|e| e.name.clone()).or_else(|| {
            found
                .candidates
                .iter()
                .find(|c| c.id == m.id)
                .map(|c| c.name.clone())
        });
        if let Some(n) = name {
            named.push((m.id.clone(), fold(&n)));
        }
    }
    let mut drop = Vec::new();
    for (i, alias) in &generic {
        let id = found.mentions[*i].id.clone();
        if named.iter().any(|(n, _)| *n == id) {
            continue;
        }
        let heirs: Vec<&String> = named
            .iter()
            .filter(|(_, n)| n.ends_with(&format!(" {alias}")))
            .map(|(id, _)| id)
            .collect();
        match heirs.as_slice() {
            [one] => found.mentions[*i].id = (*one).clone(),
            _ => drop.push(*i),
        }
    }
    let mut i = 0;
    found.mentions.retain(|_| {
        i += 1;
        !drop.contains(&(i - 1))
    });
}
