//! How answers are printed: colour, wrapping to the terminal, the answer's DOT and
//! SVG pictures, and a reader that closes the pipe early.

use std::process::{Command, Stdio};

use super::mini;

#[test]
fn colour_only_on_request_and_never_with_no_color() {
    let b = mini();
    let plain = b.run(&["stance", "levelling up"]).ok().stdout;
    assert!(!plain.contains('\x1b'));
    let forced = b
        .run(&["stance", "levelling up"])
        .env("NO_COLOR", "")
        .env("CLICOLOR_FORCE", "1")
        .ok()
        .stdout;
    assert!(forced.contains("\x1b["), "{forced}");
    let refused = b
        .run(&["stance", "levelling up"])
        .env("NO_COLOR", "1")
        .env("CLICOLOR_FORCE", "1")
        .ok()
        .stdout;
    assert!(!refused.contains('\x1b'));
}

#[test]
fn long_text_wraps_to_columns() {
    let b = mini();
    for width in ["60", "140"] {
        let t = b
            .run(&["timeline", "--about", "levelling up"])
            .env("COLUMNS", width)
            .ok()
            .stdout;
        let max = t.lines().map(|l| l.chars().count()).max().unwrap();
        assert!(
            max <= width.parse().unwrap(),
            "width {width}: a line of {max}\n{t}"
        );
    }
}

#[test]
fn dot_and_svg_write_the_answers_subgraph() {
    let b = mini();
    let dot = b.c.dir.path().join("path.dot");
    let svg = b.c.dir.path().join("path.svg");
    b.run(&["path", "tory", "labour"])
        .arg("--dot")
        .arg(&dot)
        .arg("--svg")
        .arg(&svg)
        .ok();
    for f in [&dot, &svg] {
        let s = std::fs::read_to_string(f).unwrap();
        for id in [
            "actor:conservative-party",
            "policy:levelling-up",
            "policy:securonomics",
            "actor:labour-party",
        ] {
            assert!(s.contains(id), "{} lacks {id}", f.display());
        }
        assert!(!s.contains("actor:ann-alpha"), "only the answer's nodes");
    }
    assert!(
        std::fs::read_to_string(&dot)
            .unwrap()
            .starts_with("digraph"),
        "a DOT drawing, not JSON"
    );
    let svg_text = std::fs::read_to_string(&svg).unwrap();
    assert!(
        svg_text.contains("<svg") && svg_text.contains("<title>"),
        "an SVG drawing with tooltips"
    );
    let mut reader = quick_xml::Reader::from_str(&svg_text);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("the SVG is not well-formed: {e}"),
        }
    }
    if let Ok(out) = std::process::Command::new("dot")
        .arg("-Tsvg")
        .arg(&dot)
        .output()
    {
        assert!(
            out.status.success(),
            "graphviz refused the answer's DOT: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn broken_pipe_exits_quietly() {
    let b = mini();
    let mut child = Command::new(env!("CARGO_BIN_EXE_levelmap"))
        .args(["timeline", "--corpus"])
        .arg(b.c.path())
        .arg("--out")
        .arg(b.c.out())
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
}

/// A timeline's table prints a page of entries and says how many more there are;
/// `--limit 0` prints them all, and JSON always holds them all.
#[test]
fn timeline_table_is_cut_to_a_page() {
    let b = mini();
    let json: serde_json::Value = b.json(&["timeline"]);
    let total = json["entries"].as_array().expect("entries").len();
    assert!(total > 2, "{total}");
    let paged = b.run(&["timeline", "--limit", "2"]).ok().stdout;
    assert!(
        paged.contains(&format!("({total} entries)")),
        "the heading counts all: {paged}"
    );
    assert!(
        paged.contains(&format!("… and {} more (--limit 0 lists all", total - 2)),
        "{paged}"
    );
    let all = b.run(&["timeline", "--limit", "0"]).ok().stdout;
    assert!(!all.contains("more (--limit 0"), "{all}");
    assert!(all.len() > paged.len());
    let limited: serde_json::Value = b.json(&["timeline", "--limit", "2"]);
    assert_eq!(limited, json, "JSON is never cut");
}
