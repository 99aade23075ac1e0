//! The polarisation chart (`levelmap polarisation --svg`): the best two-group split's
//! signed modularity per window as a line over time, each point's tooltip and the
//! table under the chart naming the two groups.

use levelmap_network::json::{MemberJson, PolarisationJson};

use crate::dates::{human_date, year_start};
use crate::svgw::{num, SvgWriter};
use crate::text::shorten;

const W: f64 = 960.0;
const PLOT_H: f64 = 300.0;
const LEFT: f64 = 70.0;
const RIGHT: f64 = 30.0;
const TOP: f64 = 60.0;
const ROW: f64 = 16.0;

/// A group as a short phrase: its most active members, "+N more".
pub fn group_name(g: &[MemberJson]) -> String {
    if g.is_empty() {
        return "—".into();
    }
    let s: Vec<&str> = g.iter().take(3).map(|m| m.label.as_ref()).collect();
    let more = g.len().saturating_sub(3);
    let tail = if more > 0 {
        format!(" +{more} more")
    } else {
        String::new()
    };
    format!("{}{tail}", s.join(", "))
}

/// The chart as SVG.
pub fn polarisation_svg(p: &PolarisationJson, title: &str) -> String {
    let n = p.windows.len();
    let h = TOP + PLOT_H + 50.0 + ROW * (n as f64 + 1.0) + 20.0;
    let css = ".title{font-size:16px;font-weight:bold}.axis{font-size:11px;fill:#444}.row{font-size:11px;fill:#222}";
    let mut w = SvgWriter::new(W, h, css);
    w.empty(
        "rect",
        &[("width", &num(W)), ("height", &num(h)), ("fill", "#ffffff")],
    );
    w.text(
        "text",
        &[("class", "title"), ("x", "20"), ("y", "28")],
        title,
    );
    w.text(
        "text",
        &[("class", "axis"), ("x", "20"), ("y", "46")],
        &format!(
            "signed modularity of the best two-group split, {}-month windows every {} month(s)",
            p.window_months, p.step_months
        ),
    );
    let mids: Vec<f64> = p
        .windows
        .iter()
        .map(|x| (x.from.start_days() as f64 + x.to.end_days() as f64) / 2.0)
        .collect();
    let (d0, d1) = match (p.windows.first(), p.windows.last()) {
        (Some(a), Some(b)) => (a.from.start_days() as f64, b.to.end_days() as f64),
        _ => (0.0, 1.0),
    };
    let ymax = (p.windows.iter().map(|x| x.score).fold(0.5, f64::max) * 10.0).ceil() / 10.0;
    let x = |d: f64| LEFT + (d - d0) / (d1 - d0).max(1.0) * (W - LEFT - RIGHT);
    let y = |q: f64| TOP + PLOT_H - q.max(0.0) / ymax * PLOT_H;
    // axes and ticks
    w.open("g", &[("class", "axis")]);
    for k in 0..=(ymax * 10.0).round() as i64 {
        let q = k as f64 / 10.0;
        w.empty(
            "line",
            &[
                ("x1", &num(LEFT)),
                ("x2", &num(W - RIGHT)),
                ("y1", &num(y(q))),
                ("y2", &num(y(q))),
                ("stroke", "#e0e0e0"),
            ],
        );
        w.text(
            "text",
            &[
                ("class", "axis"),
                ("x", &num(LEFT - 8.0)),
                ("y", &num(y(q) + 4.0)),
                ("text-anchor", "end"),
            ],
            &format!("{q:.1}"),
        );
    }
    if let (Some(a), Some(b)) = (p.windows.first(), p.windows.last()) {
        for yr in i64::from(a.from.year_num())..=i64::from(b.to.year_num()) + 1 {
            let d = year_start(yr) as f64;
            if d >= d0 && d <= d1 {
                w.empty(
                    "line",
                    &[
                        ("x1", &num(x(d))),
                        ("x2", &num(x(d))),
                        ("y1", &num(TOP)),
                        ("y2", &num(TOP + PLOT_H)),
                        ("stroke", "#e0e0e0"),
                    ],
                );
                w.text(
                    "text",
                    &[
                        ("class", "axis"),
                        ("x", &num(x(d))),
                        ("y", &num(TOP + PLOT_H + 16.0)),
                        ("text-anchor", "middle"),
                    ],
                    &yr.to_string(),
                );
            }
        }
    }
    w.close("g");
    let points: Vec<String> = p
        .windows
        .iter()
        .zip(&mids)
        .map(|(win, &m)| format!("{},{}", num(x(m)), num(y(win.score))))
        .collect();
    if !points.is_empty() {
        w.empty(
            "polyline",
            &[
                ("points", &points.join(" ")),
                ("fill", "none"),
                ("stroke", "#4477aa"),
                ("stroke-width", "2"),
            ],
        );
    }
    w.open("g", &[("class", "points")]);
    for (win, &m) in p.windows.iter().zip(&mids) {
        w.open("g", &[("class", "window")]);
        w.title(&format!(
            "{} – {}: polarisation {:.3} ({} statements, {} actors)\nA: {}\nB: {}",
            human_date(&win.from),
            human_date(&win.to),
            win.score,
            win.statements,
            win.actors,
            group_name(&win.groups[0]),
            group_name(&win.groups[1])
        ));
        w.empty(
            "circle",
            &[
                ("cx", &num(x(m))),
                ("cy", &num(y(win.score))),
                ("r", "4"),
                ("fill", "#4477aa"),
            ],
        );
        w.close("g");
    }
    w.close("g");
    // the groups, named, one row per window
    let top = TOP + PLOT_H + 44.0;
    w.open("g", &[("class", "groups")]);
    w.text(
        "text",
        &[
            ("class", "row"),
            ("x", "20"),
            ("y", &num(top)),
            ("font-weight", "bold"),
        ],
        "window · score · group A | group B",
    );
    for (k, win) in p.windows.iter().enumerate() {
        let row = format!(
            "{} – {} · {:.3} · {} | {}",
            human_date(&win.from),
            human_date(&win.to),
            win.score,
            group_name(&win.groups[0]),
            group_name(&win.groups[1])
        );
        w.text(
            "text",
            &[
                ("class", "row"),
                ("x", "20"),
                ("y", &num(top + ROW * (k as f64 + 1.0))),
            ],
            &shorten(&row, W - 40.0, 11.0, false),
        );
    }
    w.close("g");
    w.finish()
}
