//! The drawing of one discourse network (`levelmap network KIND --format svg`): a
//! ForceAtlas2-like force-directed layout (deterministic: a circle to start, a fixed
//! number of rounds), node size by degree, colour by community, edge colour by sign,
//! and every edge's `<title>` listing its evidence.

use levelmap_model::NodeKind;
use levelmap_network::exchange::evidence_line;
use levelmap_network::measures::NodeMeasures;
use levelmap_network::Network;

use crate::svgw::{num, SvgWriter};
use crate::text::{shorten, text_width};

/// Community colours (a colour-blind-safe qualitative palette); grey beyond.
const PALETTE: [&str; 8] = [
    "#4477aa", "#ee6677", "#228833", "#ccbb44", "#66ccee", "#aa3377", "#bb5566", "#000000",
];
const OTHER: &str = "#bbbbbb";
const POSITIVE: &str = "#2e7d32";
const NEGATIVE: &str = "#c62828";
const ZERO: &str = "#9e9e9e";
const W: f64 = 960.0;
const H: f64 = 720.0;
const MARGIN: f64 = 90.0;
const FONT: f64 = 11.0;

/// Positions from a ForceAtlas2-like layout (Jacomy et al. 2014): repulsion
/// k_r (deg_i + 1)(deg_j + 1) / d between every pair, attraction |w| · d along
/// positive ties (negative ties only repel), gravity k_g (deg + 1) toward the centre,
/// with a cooling step. Starts on a circle in node order, so it is deterministic.
pub fn layout(n: usize, edges: &[(usize, usize, f64)]) -> Vec<(f64, f64)> {
    let mut deg = vec![0.0f64; n];
    for &(a, b, _) in edges {
        deg[a] += 1.0;
        deg[b] += 1.0;
    }
    let r0 = 10.0 * (n as f64).sqrt().max(1.0);
    let mut pos: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let t = std::f64::consts::TAU * i as f64 / n.max(1) as f64;
            (r0 * t.cos(), r0 * t.sin())
        })
        .collect();
    let wmax = edges
        .iter()
        .map(|e| e.2.abs())
        .fold(0.0, f64::max)
        .max(1e-9);
    let (kr, kg) = (40.0, 0.5);
    let rounds = 400;
    for round in 0..rounds {
        let mut f = vec![(0.0f64, 0.0f64); n];
        for i in 0..n {
            for j in i + 1..n {
                let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let d2 = (dx * dx + dy * dy).max(0.01);
                let s = kr * (deg[i] + 1.0) * (deg[j] + 1.0) / d2;
                f[i].0 += dx * s;
                f[i].1 += dy * s;
                f[j].0 -= dx * s;
                f[j].1 -= dy * s;
            }
        }
        for &(a, b, w) in edges {
            if w > 0.0 {
                let s = w / wmax;
                let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
                f[a].0 -= dx * s;
                f[a].1 -= dy * s;
                f[b].0 += dx * s;
                f[b].1 += dy * s;
            }
        }
        let cool = 1.0 - round as f64 / rounds as f64;
        for i in 0..n {
            f[i].0 -= kg * (deg[i] + 1.0) * pos[i].0 / r0;
            f[i].1 -= kg * (deg[i] + 1.0) * pos[i].1 / r0;
            let len = (f[i].0 * f[i].0 + f[i].1 * f[i].1).sqrt();
            let cap = 0.1 * r0 * cool + 0.01;
            let s = if len > cap { cap / len } else { 1.0 } * 0.5;
            pos[i].0 += f[i].0 * s;
            pos[i].1 += f[i].1 * s;
        }
    }
    pos
}

fn community_colour(c: usize) -> &'static str {
    PALETTE.get(c).copied().unwrap_or(OTHER)
}

fn sign_colour(w: f64) -> &'static str {
    if w > 0.0 {
        POSITIVE
    } else if w < 0.0 {
        NEGATIVE
    } else {
        ZERO
    }
}

/// The network drawn as SVG, titled `title` (a window, a kind).
pub fn network_svg(net: &Network, m: &[NodeMeasures], title: &str) -> String {
    let edges: Vec<(usize, usize, f64)> = net
        .edges
        .iter()
        .map(|e| (e.source, e.target, e.weight))
        .collect();
    let pos = layout(net.nodes.len(), &edges);
    let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for &(x, y) in &pos {
        (x0, x1, y0, y1) = (x0.min(x), x1.max(x), y0.min(y), y1.max(y));
    }
    let sx = if x1 > x0 {
        (W - 2.0 * MARGIN) / (x1 - x0)
    } else {
        0.0
    };
    let sy = if y1 > y0 {
        (H - 2.0 * MARGIN - 40.0) / (y1 - y0)
    } else {
        0.0
    };
    let at = |i: usize| {
        let x = if sx > 0.0 {
            MARGIN + (pos[i].0 - x0) * sx
        } else {
            W / 2.0
        };
        let y = if sy > 0.0 {
            MARGIN + 40.0 + (pos[i].1 - y0) * sy
        } else {
            H / 2.0
        };
        (x, y)
    };
    let css = ".label{font-size:11px;fill:#222}.title{font-size:16px;font-weight:bold}.legend{font-size:11px;fill:#444}";
    let mut w = SvgWriter::new(W, H, css);
    w.empty(
        "rect",
        &[("width", &num(W)), ("height", &num(H)), ("fill", "#ffffff")],
    );
    w.text(
        "text",
        &[("class", "title"), ("x", "20"), ("y", "28")],
        title,
    );
    legend(&mut w);
    let wmax = net
        .edges
        .iter()
        .map(|e| e.weight.abs())
        .fold(0.0, f64::max)
        .max(1e-9);
    w.open("g", &[("class", "edges")]);
    for e in &net.edges {
        let (a, b) = (at(e.source), at(e.target));
        let lines: Vec<String> = net.evidence(e).map(evidence_line).collect();
        let head = format!(
            "{} — {}: {} {} (via {})",
            net.nodes[e.source].label,
            net.nodes[e.target].label,
            net.kind.as_str(),
            num(e.weight),
            net.via(e)
                .map(|v| v.as_ref())
                .collect::<Vec<_>>()
                .join(", ")
        );
        let id = format!("{}--{}", net.nodes[e.source].id, net.nodes[e.target].id);
        w.open(
            "g",
            &[("class", &format!("edge {}", e.sign())), ("id", &id)],
        );
        w.title(&format!("{head}\n{}", lines.join("\n")));
        let width = 1.0 + 3.0 * e.weight.abs() / wmax;
        w.empty(
            "line",
            &[
                ("x1", &num(a.0)),
                ("y1", &num(a.1)),
                ("x2", &num(b.0)),
                ("y2", &num(b.1)),
                ("stroke", sign_colour(e.weight)),
                ("stroke-width", &num(width)),
                ("stroke-opacity", "0.7"),
            ],
        );
        w.close("g");
    }
    w.close("g");
    w.open("g", &[("class", "nodes")]);
    for (i, n) in net.nodes.iter().enumerate() {
        let (x, y) = at(i);
        let r = 5.0 + 3.0 * (m[i].degree as f64).sqrt();
        w.open(
            "g",
            &[
                ("class", &format!("node {}", n.mode.as_str())),
                ("id", &n.id),
            ],
        );
        w.title(&format!(
            "{} ({})\nstatements {}, degree {}, weighted degree {}, betweenness {}, PageRank {}, community {}",
            n.label, n.id, n.statements, m[i].degree, num(m[i].weighted_degree), num(m[i].betweenness), num(m[i].pagerank), m[i].community + 1
        ));
        let fill = community_colour(m[i].community);
        if n.mode == NodeKind::Policy {
            w.empty(
                "rect",
                &[
                    ("x", &num(x - r)),
                    ("y", &num(y - r)),
                    ("width", &num(2.0 * r)),
                    ("height", &num(2.0 * r)),
                    ("fill", fill),
                    ("stroke", "#333"),
                ],
            );
        } else {
            w.empty(
                "circle",
                &[
                    ("cx", &num(x)),
                    ("cy", &num(y)),
                    ("r", &num(r)),
                    ("fill", fill),
                    ("stroke", "#333"),
                ],
            );
        }
        let label = shorten(&n.label, 180.0, FONT, false);
        let lx = if x + r + 4.0 + text_width(&label, FONT, false) > W {
            x - r - 4.0 - text_width(&label, FONT, false)
        } else {
            x + r + 4.0
        };
        w.text(
            "text",
            &[("class", "label"), ("x", &num(lx)), ("y", &num(y + 4.0))],
            &label,
        );
        w.close("g");
    }
    w.close("g");
    w.finish()
}

fn legend(w: &mut SvgWriter) {
    let items = [
        (POSITIVE, "positive tie (agreement / for)"),
        (NEGATIVE, "negative tie (conflict / against)"),
        (ZERO, "zero (mixed)"),
    ];
    w.open("g", &[("class", "legend")]);
    for (k, (c, t)) in items.iter().enumerate() {
        let y = 46.0 + 14.0 * k as f64;
        w.empty(
            "line",
            &[
                ("x1", "20"),
                ("y1", &num(y - 4.0)),
                ("x2", "44"),
                ("y2", &num(y - 4.0)),
                ("stroke", c),
                ("stroke-width", "3"),
            ],
        );
        w.text(
            "text",
            &[("class", "legend"), ("x", "50"), ("y", &num(y))],
            t,
        );
    }
    w.text(
        "text",
        &[("class", "legend"), ("x", "300"), ("y", "46")],
        "size: degree · colour: community (Louvain) · circle: actor · square: policy · hover an edge for its evidence",
    );
    w.close("g");
}

#[cfg(test)]
mod tests {
    use super::*;
    use levelmap_model::date::PartialDate;
    use levelmap_model::Stance;
    use levelmap_network::measures::measures;
    use levelmap_network::statements::Source;
    use levelmap_network::{build_network, Kind, NetworkOptions, Normalisation, Statement};

    fn s(a: &str, p: &str, stance: Stance, quote: &str) -> Statement {
        Statement {
            date: Some(PartialDate::parse("2021-01").unwrap()),
            article: "art".into(),
            actor: format!("actor:{a}").into(),
            policy: format!("policy:{p}").into(),
            stance,
            source: Source::Claim("claim:c".into()),
            actor_label: a.into(),
            policy_label: p.into(),
            quote: quote.into(),
        }
    }

    #[test]
    fn edges_carry_escaped_evidence_and_the_layout_is_deterministic() {
        let st = vec![
            s("<b>A</b>", "p", Stance::For, "we back \"p\" & <script>"),
            s("B", "p", Stance::For, "p is good"),
            s("C", "p", Stance::Against, "p is bad"),
        ];
        for kind in [Kind::Subtract, Kind::Affiliation] {
            let net = build_network(
                &st,
                NetworkOptions {
                    kind,
                    normalisation: Normalisation::None,
                    min_statements: 1,
                },
            )
            .unwrap();
            let svg = network_svg(&net, &measures(&net), "t <x>");
            assert_eq!(svg, network_svg(&net, &measures(&net), "t <x>"));
            assert!(!svg.contains("<script>") && !svg.contains("<b>"));
            assert!(svg.contains("we back &quot;p&quot; &amp; &lt;script&gt;"));
            assert!(svg.contains(NEGATIVE) && svg.contains(POSITIVE));
        }
    }

    #[test]
    fn connected_nodes_end_closer_than_unconnected_ones() {
        let p = layout(4, &[(0, 1, 1.0), (2, 3, 1.0)]);
        let d = |a: usize, b: usize| ((p[a].0 - p[b].0).powi(2) + (p[a].1 - p[b].1).powi(2)).sqrt();
        assert!(d(0, 1) < d(0, 2) && d(2, 3) < d(1, 3), "{p:?}");
    }
}
