//! The polarisation chart (`levelmap polarisation --svg`): the best two-group split's
//! signed modularity per window as a line over time, each point's tooltip and the
//! table under the chart naming the two groups.

use levelmap_network::json::{MemberJson, PolarisationJson, PolarisationWindowJson};

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
    heading(&mut w, p, title);
    let scale = Scale::of(p);
    axes(&mut w, p, &scale);
    line_and_points(&mut w, p, &scale);
    group_rows(&mut w, p);
    w.finish()
}

/// Where a date and a score fall on the plot.
struct Scale {
    d0: f64,
    d1: f64,
    ymax: f64,
}

impl Scale {
    /// The windows' whole span, and the highest score rounded up to a tenth (at least 0.5).
    fn of(p: &PolarisationJson) -> Scale {
        let (d0, d1) = match (p.windows.first(), p.windows.last()) {
            (Some(a), Some(b)) => (a.from.start_days() as f64, b.to.end_days() as f64),
            _ => (0.0, 1.0),
        };
        let ymax = (p.windows.iter().map(|x| x.score).fold(0.5, f64::max) * 10.0).ceil() / 10.0;
        Scale { d0, d1, ymax }
    }

    fn x(&self, d: f64) -> f64 {
        LEFT + (d - self.d0) / (self.d1 - self.d0).max(1.0) * (W - LEFT - RIGHT)
    }

    fn y(&self, q: f64) -> f64 {
        TOP + PLOT_H - q.max(0.0) / self.ymax * PLOT_H
    }
}

/// A window's middle day.
fn middle(win: &PolarisationWindowJson) -> f64 {
    (win.from.start_days() as f64 + win.to.end_days() as f64) / 2.0
}

/// The title and the line saying what is plotted.
fn heading(w: &mut SvgWriter, p: &PolarisationJson, title: &str) {
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
}

/// The score's gridlines by tenths and the years' gridlines, labelled.
fn axes(w: &mut SvgWriter, p: &PolarisationJson, s: &Scale) {
    w.open("g", &[("class", "axis")]);
    for k in 0..=(s.ymax * 10.0).round() as i64 {
        let q = k as f64 / 10.0;
        let y = num(s.y(q));
        w.empty(
            "line",
            &[
                ("x1", &num(LEFT)),
                ("x2", &num(W - RIGHT)),
                ("y1", &y),
                ("y2", &y),
                ("stroke", "#e0e0e0"),
            ],
        );
        w.text(
            "text",
            &[
                ("class", "axis"),
                ("x", &num(LEFT - 8.0)),
                ("y", &num(s.y(q) + 4.0)),
                ("text-anchor", "end"),
            ],
            &format!("{q:.1}"),
        );
    }
    if let (Some(a), Some(b)) = (p.windows.first(), p.windows.last()) {
        for yr in i64::from(a.from.year_num())..=i64::from(b.to.year_num()) + 1 {
            let d = year_start(yr) as f64;
            if d < s.d0 || d > s.d1 {
                continue;
            }
            let x = num(s.x(d));
            w.empty(
                "line",
                &[
                    ("x1", &x),
                    ("x2", &x),
                    ("y1", &num(TOP)),
                    ("y2", &num(TOP + PLOT_H)),
                    ("stroke", "#e0e0e0"),
                ],
            );
            w.text(
                "text",
                &[
                    ("class", "axis"),
                    ("x", &x),
                    ("y", &num(TOP + PLOT_H + 16.0)),
                    ("text-anchor", "middle"),
                ],
                &yr.to_string(),
            );
        }
    }
    w.close("g");
}

/// The scores as a line, and a point per window whose tooltip names its groups.
fn line_and_points(w: &mut SvgWriter, p: &PolarisationJson, s: &Scale) {
    let points: Vec<String> = p
        .windows
        .iter()
        .map(|win| format!("{},{}", num(s.x(middle(win))), num(s.y(win.score))))
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
    for win in &p.windows {
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
                ("cx", &num(s.x(middle(win)))),
                ("cy", &num(s.y(win.score))),
                ("r", "4"),
                ("fill", "#4477aa"),
            ],
        );
        w.close("g");
    }
    w.close("g");
}

/// The groups, named, one row per window under the chart.
fn group_rows(w: &mut SvgWriter, p: &PolarisationJson) {
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
}
