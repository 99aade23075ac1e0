//! Generic groups are not actors: "local authorities", "councils", "voters",
//! "businesses" name a kind of body or people, not one that acts as one
//! (docs/annotation-guide.md 3.5). A lexicon mention of an actor written only as such
//! a group is dropped; where the group is an institution created by policy ("combined
//! authorities", "unitary councils") and the background lexicon has that policy, the
//! mention names the policy instead (guide 4.1).

use levelmap_model::groups::group_of;
use levelmap_model::NodeKind;

use crate::found::Found;
use crate::items::MentionHow;
use crate::lexicon::Lexicon;
use crate::sentences::Layout;

/// Drop (or turn into their policy) the actor mentions written as a generic group,
/// and the actor candidates named only by one ("47 Local Planning Authorities",
/// "all relevant Trade Unions" drafted actors of those names).
pub(super) fn settle_groups(layout: &Layout, lex: &Lexicon, found: &mut Found) {
    let groups: Vec<String> = found
        .candidates
        .iter()
        .filter(|c| c.node_kind == NodeKind::Actor && group_of(&c.name).is_some())
        .map(|c| c.id.clone())
        .collect();
    if !groups.is_empty() {
        found.candidates.retain(|c| !groups.contains(&c.id));
        found.mentions.retain(|m| !groups.contains(&m.id));
    }
    let mut drop = Vec::new();
    for (i, m) in found.mentions.iter_mut().enumerate() {
        if m.how != MentionHow::Lexicon || lex.kind_of(&m.id) != Some(NodeKind::Actor) {
            continue;
        }
        let text = layout
            .sentences
            .get(m.sentence)
            .and_then(|s| s.norm.get(m.start..m.end));
        let Some(group) = text.and_then(group_of) else {
            continue;
        };
        match lex.bg_policy_names.get(&group) {
            Some(policy) if lex.entities.contains_key(policy) => m.id = policy.clone(),
            _ => drop.push(i),
        }
    }
    let mut i = 0;
    found.mentions.retain(|_| {
        i += 1;
        !drop.contains(&(i - 1))
    });
}
