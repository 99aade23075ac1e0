//! Generic aliases: "the white paper" names the Levelling Up White Paper only in an
//! article that names that white paper. A mention found by a generic alias (one made
//! only of words such as "white paper", "the fund": see
//! [`crate::lexicon::Lexicon::generic`]) is kept when the article names its entry
//! otherwise; else it goes to the one other entry named in the article whose name
//! ends with those words ("the English Devolution White Paper ... the white paper");
//! else it is dropped. A policy's head alias ("independence" of "Scottish
//! independence") is settled the same way, but kept when no other entry claims it.

use levelmap_model::suggest::fold;

use crate::found::Found;
use crate::items::MentionHow;
use crate::lexicon::Lexicon;
use crate::sentences::Layout;

/// Settle the mentions of a policy by its head alias alone ("independence" of
/// "Scottish independence"): in an article that names the entry otherwise, they stay;
/// else they go to the one other policy named in the article whose name ends in that
/// word ("Welsh independence ... independence"); one followed by "of" names a quality
/// of something else ("the independence of the Bank of England") and is dropped.
pub(super) fn settle_head_aliases(layout: &Layout, lex: &Lexicon, found: &mut Found) {
    if lex.head_aliases.is_empty() {
        return;
    }
    let mut by_head: Vec<(usize, String, bool)> = Vec::new();
    for (i, m) in found.mentions.iter().enumerate() {
        let (Some(heads), Some(s)) = (
            lex.head_aliases.get(&m.id),
            layout.sentences.get(m.sentence),
        ) else {
            continue;
        };
        let t = s.norm.get(m.start..m.end).map(fold).unwrap_or_default();
        if heads.contains(&t) {
            let of = s.norm[m.end..].starts_with(" of ") || qualified(&s.norm[..m.start]);
            by_head.push((i, t, of));
        }
    }
    if by_head.is_empty() {
        return;
    }
    let mut named: Vec<(String, String)> = found
        .mentions
        .iter()
        .enumerate()
        .filter(|(i, m)| m.id.starts_with("policy:") && !by_head.iter().any(|(h, ..)| h == i))
        .filter_map(|(_, m)| {
            lex.entities
                .get(&m.id)
                .map(|e| (m.id.clone(), fold(&e.name)))
        })
        .collect();
    named.sort_unstable();
    named.dedup();
    let mut drop = Vec::new();
    for (i, head, of) in &by_head {
        if *of {
            drop.push(*i);
            continue;
        }
        let id = &found.mentions[*i].id;
        if named.iter().any(|(n, _)| n == id) {
            continue;
        }
        let heirs: Vec<&String> = named
            .iter()
            .filter(|(n, name)| n != id && name.ends_with(&format!(" {head}")))
            .map(|(n, _)| n)
            .collect();
        if let [one] = heirs.as_slice() {
            found.mentions[*i].id = (*one).clone();
        }
    }
    drop_mentions(found, &drop);
}

/// Whether the word before a head alias qualifies it as another thing's: "editorial
/// independence", "operational independence", "energy independence" are no
/// country's. An adjective by its ending, or a noun that names such a thing.
fn qualified(before: &str) -> bool {
    let Some(w) = before.strip_suffix(' ').and_then(|b| b.rsplit(' ').next()) else {
        return false;
    };
    // Capitalised only as the sentence's first word ("Editorial independence is").
    let opening = before.trim_end() == w;
    let w = if opening {
        w.to_ascii_lowercase()
    } else {
        w.to_string()
    };
    let w = w.as_str();
    if w.is_empty() || !w.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
        return false;
    }
    // "central-bank independence": the compound's last word decides.
    let w = w.rsplit('-').next().unwrap_or(w);
    const ENDINGS: [&str; 5] = ["al", "ic", "ary", "ive", "ous"];
    const THINGS: [&str; 6] = ["energy", "food", "press", "bank", "media", "party"];
    ENDINGS
        .iter()
        .any(|e| w.len() > e.len() + 2 && w.ends_with(e))
        || THINGS.contains(&w)
}

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
    drop_mentions(found, &drop);
}

/// Remove the mentions at the indexes `drop`.
fn drop_mentions(found: &mut Found, drop: &[usize]) {
    let mut i = 0;
    found.mentions.retain(|_| {
        i += 1;
        !drop.contains(&(i - 1))
    });
}
