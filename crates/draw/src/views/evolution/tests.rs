//! Tests of the evolution view: the lineage, the refusal of what is not a policy,
//! and a layout without overlaps.

use super::*;
use crate::views::tests::mini;
use levelmap_model::Stance;

#[test]
fn lineage_follows_evolution_both_ways() {
    let g = mini();
    let ev = extract(&g, "securonomics").unwrap();
    let ids: Vec<&str> = ev.blocks.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(ids, ["policy:levelling-up", "policy:securonomics"]);
    assert_eq!(
        ev.columns.len(),
        2,
        "levelling up stands left of what it evolved into"
    );
    assert_eq!(ev.columns[0].1, [0]);
    let lu = &ev.blocks[0];
    let stances: Vec<Option<Stance>> = lu.groups.iter().map(|g| g.0).collect();
    assert_eq!(stances, [Some(Stance::Against), Some(Stance::Mixed)]);
    assert!(
        lu.groups[0]
            .1
            .iter()
            .any(|c| c.byline.starts_with("— Ann Alpha")),
        "{:?}",
        lu.groups[0].1
    );
    assert!(lu
        .relations
        .iter()
        .any(|r| r.starts_with("→ evolves into Securonomics")));
}

#[test]
fn refuses_what_is_not_a_policy() {
    let g = mini();
    let e = extract(&g, "Rachel Reeves").unwrap_err();
    assert!(matches!(e, TimelineError::NotAPolicy { .. }));
    assert!(
        e.to_string()
            .starts_with("'Rachel Reeves' is actor:rachel-reeves, not a policy"),
        "{e}"
    );
}

#[test]
fn no_labels_overlap() {
    let g = mini();
    for p in ["levelling-up", "devolution", "industrial strategy"] {
        let ev = extract(&g, p).unwrap();
        let lay = lay_out(&ev);
        assert!(
            lay.geometry.collisions().is_empty(),
            "{p}: {:?}",
            lay.geometry.collisions()
        );
        assert!(lay.geometry.out_of_bounds().is_empty(), "{p}");
    }
}
