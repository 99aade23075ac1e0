//! Drawing a placed evolution view as SVG, on the shared page of the time-layered
//! views: heading, time arrow and column headings, blocks, then the lineage arrows.

use levelmap_model::EdgeKind;

use super::layout::{BlockPlace, EvolutionLayout};
use super::model::{stance_word, Block, Evolution};
use crate::style::stance_color;
use crate::svgw::{num, SvgWriter};
use crate::views::page::{MARGIN, MARKER_R};
use crate::views::paint::{edge, lines, open_heading, page};

/// Draw an evolution view.
pub(crate) fn draw(ev: &Evolution, lay: &EvolutionLayout) -> String {
    let g = &lay.geometry;
    let kinds: Vec<EdgeKind> = ev.links.iter().map(|l| l.kind).collect();
    let mut w = page(g.width, g.height, kinds);
    open_heading(&mut w, &ev.title, &ev.subtitle, &lay.heading);
    w.close("g");
    columns(&mut w, lay);
    w.open("g", &[("class", "blocks")]);
    for p in &lay.blocks {
        block(&mut w, &ev.blocks[p.block], p);
    }
    w.close("g");
    w.open("g", &[("class", "lineage")]);
    for (k, d) in &lay.arrows {
        edge(&mut w, &ev.links[*k], d);
    }
    w.close("g");
    w.finish()
}

/// The column headings, under a time arrow when there are several columns.
fn columns(w: &mut SvgWriter, lay: &EvolutionLayout) {
    let g = &lay.geometry;
    w.open("g", &[("class", "columns")]);
    if lay.columns.len() > 1 {
        let (x0, x1, y) = (MARGIN, g.width - MARGIN, lay.time_y);
        w.open("g", &[("class", "time-arrow")]);
        w.title("Time runs left to right");
        w.empty(
            "line",
            &[
                ("x1", &num(x0)),
                ("y1", &num(y)),
                ("x2", &num(x1 - 8.0)),
                ("y2", &num(y)),
                ("stroke", "#b0bec5"),
                ("stroke-width", "2"),
            ],
        );
        let head = format!(
            "M{} {} L{} {} L{} {}Z",
            num(x1),
            num(y),
            num(x1 - 10.0),
            num(y - 5.0),
            num(x1 - 10.0),
            num(y + 5.0)
        );
        w.empty("path", &[("d", &head), ("fill", "#b0bec5")]);
        w.close("g");
    }
    lines(w, &lay.columns);
    w.close("g");
}

/// One block: body and header boxes, header lines, tally bar, stance headings, its
/// claims, and the "and N more" lines with every further claim in their tooltip.
fn block(w: &mut SvgWriter, b: &Block, p: &BlockPlace) {
    let cl = if b.focus {
        "node policy block focus"
    } else {
        "node policy block"
    };
    w.open("g", &[("id", &b.id), ("class", cl)]);
    w.title(&b.tooltip);
    let r = p.rect;
    w.empty(
        "rect",
        &[
            ("class", "body"),
            ("x", &num(r.x)),
            ("y", &num(r.y)),
            ("width", &num(r.w)),
            ("height", &num(r.h)),
            ("rx", "6"),
        ],
    );
    let h = p.head;
    w.empty(
        "rect",
        &[
            ("class", "head"),
            ("x", &num(h.x)),
            ("y", &num(h.y)),
            ("width", &num(h.w)),
            ("height", &num(h.h)),
            ("rx", "6"),
        ],
    );
    lines(w, &p.head_lines);
    let (mut tx, ty, parts) = (p.tally.0, p.tally.1, &p.tally.2);
    for (st, pw) in parts {
        w.empty(
            "rect",
            &[
                ("x", &num(tx)),
                ("y", &num(ty)),
                ("width", &num(*pw)),
                ("height", "8"),
                ("fill", stance_color(*st)),
            ],
        );
        tx += pw;
    }
    lines(w, &p.group_lines);
    for cp in &p.claims {
        let c = &b.groups[cp.group].1[cp.index];
        let (mx, my) = cp.marker;
        let cl = format!(
            "node claim block-claim stance-{}{}",
            stance_word(c.stance),
            if c.hedged { " hedged" } else { "" }
        );
        let id = format!("{}@{}", c.id, b.id);
        w.open("g", &[("id", &id), ("class", &cl)]);
        w.title(&c.tooltip);
        w.empty(
            "circle",
            &[
                ("class", "marker"),
                ("cx", &num(mx)),
                ("cy", &num(my)),
                ("r", &num(MARKER_R)),
            ],
        );
        lines(w, &cp.lines);
        w.close("g");
    }
    for (gi, l) in &p.more {
        let all: Vec<String> = b.groups[*gi]
            .1
            .iter()
            .map(|c| format!("• {} {}", c.text, c.byline))
            .collect();
        w.open("g", &[("class", "more")]);
        w.title(&all.join("\n"));
        lines(w, std::slice::from_ref(l));
        w.close("g");
    }
    w.close("g");
}
