//! Generic groups are not actors: "local authorities", "councils", "voters",
//! "businesses" name a kind of body or people, not one that acts as one
//! (docs/annotation-guide.md 3.5). A lexicon mention of an actor written only as such
//! a group is dropped; where the group is an institution created by policy ("combined
//! authorities", "unitary councils") and the background lexicon has that policy, the
//! mention names the policy instead (guide 4.1).

use levelmap_model::suggest::fold;
use levelmap_model::NodeKind;

use crate::found::Found;
use crate::items::MentionHow;
use crate::lexicon::Lexicon;
use crate::sentences::Layout;

/// Plural or collective common nouns that name a kind of actor, never one actor.
const GROUPS: &[&str] = &[
    "authorities",
    "businesses",
    "combined authorities",
    "councillors",
    "councils",
    "communities",
    "county councils",
    "district councils",
    "employers",
    "firms",
    "households",
    "landlords",
    "local authorities",
    "local authority",
    "local communities",
    "local councils",
    "local government",
    "local leaders",
    "metro mayors",
    "mayors",
    "parish councils",
    "residents",
    "strategic authorities",
    "taxpayers",
    "town councils",
    "unitary authorities",
    "unitary councils",
    "voters",
];

/// The group a mention's text names, if it is one: folded, without "the".
pub(super) fn group_of(text: &str) -> Option<String> {
    let f = fold(text);
    let f = f.strip_prefix("the ").unwrap_or(&f).to_string();
    GROUPS.contains(&f.as_str()).then_some(f)
}

/// Drop (or turn into their policy) the actor mentions written as a generic group.
pub(super) fn settle_groups(layout: &Layout, lex: &Lexicon, found: &mut Found) {
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

#[cfg(test)]
mod tests {
    use super::group_of;

    #[test]
    fn generic_groups_are_recognised_in_any_case_with_or_without_the() {
        assert_eq!(
            group_of("local authorities").as_deref(),
            Some("local authorities")
        );
        assert_eq!(group_of("The Councils").as_deref(), Some("councils"));
        assert_eq!(group_of("Kent County Council"), None);
        assert_eq!(group_of("the government"), None);
        assert_eq!(group_of("devolved administrations"), None);
    }
}
