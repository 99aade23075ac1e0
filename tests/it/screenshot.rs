//! What a person sees: the drawings rendered by headless Chromium, checked pixel by
//! pixel for ink, for the colours of each kind of node, and for stance colours.

use crate::support::*;

/// The share of pixels that are not (near) white, and whether each colour appears.
fn look(svg: &std::path::Path, colours: &[&str]) -> Option<(f64, Vec<bool>)> {
    let text = std::fs::read_to_string(svg).unwrap();
    let dim = |attr: &str| -> u32 {
        let i = text.find(&format!("{attr}=\"")).unwrap() + attr.len() + 2;
        let j = text[i..].find('"').unwrap();
        text[i..i + j].parse::<f64>().unwrap().ceil().min(4000.0) as u32
    };
    let (w, h) = (dim("width"), dim("height"));
    let (px, pw, ph) = screenshot(svg, w, h)?;
    assert!(
        pw >= w.min(800) && ph >= h.min(600),
        "screenshot is {pw}x{ph} for a {w}x{h} drawing"
    );
    let rgb = |hex: &str| -> [u8; 3] {
        let v = u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap();
        [(v >> 16) as u8, (v >> 8) as u8, v as u8]
    };
    let wanted: Vec<[u8; 3]> = colours.iter().map(|c| rgb(c)).collect();
    let mut seen = vec![false; wanted.len()];
    let mut ink = 0usize;
    for p in px.chunks(4) {
        if p[0] < 235 || p[1] < 235 || p[2] < 235 {
            ink += 1;
        }
        for (k, c) in wanted.iter().enumerate() {
            if (0..3).all(|i| (p[i] as i32 - c[i] as i32).abs() <= 6) {
                seen[k] = true;
            }
        }
    }
    Some((ink as f64 / (px.len() / 4) as f64, seen))
}

#[test]
fn the_map_renders_with_every_node_kind_visible() {
    let c = TempCorpus::of("mini");
    levelmap(["build", "--corpus"])
        .arg(c.path())
        .arg("--out")
        .arg(c.out())
        .ok();
    // Fill colours of articles, actors, policies (style.rs), and the attack/support strokes.
    let colours = ["#fdf6e3", "#e3f2fd", "#ede7f6"];
    let Some((ink, seen)) = look(&c.out().join("graph.svg"), &colours) else {
        return;
    };
    assert!(
        ink > 0.01,
        "the map is (nearly) blank: {ink:.4} of pixels inked"
    );
    assert!(
        ink < 0.9,
        "the map is a solid block: {ink:.4} of pixels inked"
    );
    for (colour, seen) in colours.iter().zip(&seen) {
        assert!(
            seen,
            "no pixel of {colour} on screen: that kind of node is not visible"
        );
    }
}

#[test]
fn the_timeline_renders_with_stance_colours_on_screen() {
    let c = TempCorpus::of("mini");
    levelmap(["build", "--corpus"])
        .arg(c.path())
        .arg("--out")
        .arg(c.out())
        .ok();
    // Stance colours (style::stance_color): for, against.
    let colours = ["#2e7d32", "#c62828"];
    let Some((ink, seen)) = look(&c.out().join("timeline.svg"), &colours) else {
        return;
    };
    assert!(ink > 0.01 && ink < 0.9, "timeline ink share {ink:.4}");
    for (colour, seen) in colours.iter().zip(&seen) {
        assert!(
            seen,
            "no pixel of stance colour {colour}: claims are not coloured by stance"
        );
    }
}

#[test]
fn the_bundled_evolution_view_renders() {
    let Some((ink, seen)) = look(&root().join("out/evolution-levelling-up.svg"), &["#2e7d32"])
    else {
        return;
    };
    assert!(ink > 0.01 && ink < 0.9, "evolution ink share {ink:.4}");
    assert!(seen[0], "the 'for' stance colour is on screen");
}
