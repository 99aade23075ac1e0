//! The foot of the timeline: the legend (what each marker, curve and shading means,
//! only for what is drawn) and the footnotes.

use std::collections::BTreeSet;

use levelmap_model::{EdgeKind, Stance};

use super::{Builder, LegendKey, LegendPlace};
use crate::views::model::Timeline;
use crate::views::page::{font, stack, width_of, wrap_in, BoxKind, Line, Rect, MARGIN};

/// The legend entries for what `tl` draws, in order: stances, hedged claims, each
/// kind of curve drawn, events, date ranges, and for a slice what is new and later.
fn legend_keys(tl: &Timeline) -> Vec<(LegendKey, String)> {
    let mut keys: Vec<(LegendKey, String)> = vec![
        (LegendKey::Stance(Some(Stance::For)), "for".into()),
        (LegendKey::Stance(Some(Stance::Against)), "against".into()),
        (LegendKey::Stance(Some(Stance::Mixed)), "mixed".into()),
        (LegendKey::Stance(Some(Stance::Neutral)), "neutral".into()),
        (LegendKey::Hedged, "hedged claim".into()),
    ];
    let kinds: BTreeSet<EdgeKind> = tl.links.iter().chain(&tl.lineage).map(|l| l.kind).collect();
    for k in kinds {
        keys.push((LegendKey::Edge(k), k.phrase().to_string()));
    }
    if !tl.events.is_empty() {
        keys.push((LegendKey::Event, "event".into()));
    }
    keys.push((LegendKey::Uncertain, "range a date allows".into()));
    if tl.cutoff.is_some() {
        let any_new = tl.articles.iter().any(|a| a.new)
            || tl.events.iter().any(|e| e.new)
            || tl
                .lanes
                .iter()
                .any(|l| l.new || l.claims.iter().any(|c| c.new))
            || tl.links.iter().chain(&tl.lineage).any(|l| l.new);
        if any_new {
            keys.push((LegendKey::New, "new in this period".into()));
        }
        if tl.cutoff.is_some_and(|c| c < tl.domain.1) {
            keys.push((LegendKey::Later, "not yet written".into()));
        }
    }
    keys
}

impl Builder<'_> {
    /// The legend from `y`, in rows as wide as the page; returns it and the y under it.
    pub(super) fn legend(&mut self, mut y: f64) -> (Vec<LegendPlace>, f64) {
        let (gx, width) = (self.frame.gx, self.frame.width);
        let mut legend = Vec::new();
        let mut lx = gx;
        let (lsize, _, _) = font("legend");
        for (key, text) in legend_keys(self.tl) {
            let tw = width_of(&text, "legend");
            let w = 34.0 + tw;
            if lx + w > width - MARGIN && lx > gx {
                lx = gx;
                y += 22.0;
            }
            self.push_box(
                &format!("legend-{text}"),
                BoxKind::Legend,
                Rect {
                    x: lx,
                    y,
                    w,
                    h: 16.0,
                },
            );
            legend.push(LegendPlace {
                key,
                swatch: (lx, y + 8.0),
                line: Line {
                    text,
                    x: lx + 34.0,
                    y: y + 8.0 + lsize * 0.35,
                    class: "legend",
                    end: false,
                },
            });
            lx += w + 20.0;
        }
        (legend, y + 30.0)
    }

    /// The footnotes from `y`; returns their lines and the y under them.
    pub(super) fn notes(&mut self, mut y: f64) -> (Vec<Line>, f64) {
        let (gx, width) = (self.frame.gx, self.frame.width);
        let mut notes = Vec::new();
        for (k, n) in self.tl.notes.iter().enumerate() {
            let rows: Vec<(String, &'static str)> =
                wrap_in(&n.text(), "note", width - gx - MARGIN, 4)
                    .into_iter()
                    .map(|l| (l, "note"))
                    .collect();
            let (lines, w, h) = stack(gx, y, &rows);
            self.push_box(&format!("note-{k}"), BoxKind::Note, Rect { x: gx, y, w, h });
            notes.extend(lines);
            y += h + 4.0;
        }
        (notes, y)
    }
}
