//! The argument map reads at least as well as Graphviz's on the same graph: levelmap's
//! graph.svg has no more edge crossings than `dot` draws for graph.dot, both measured
//! from what was drawn by `levelmap_draw::map::measure`.

use std::process::Command;

use crate::support::*;
use levelmap_draw::map::measure;

/// `dot -Tplain` of a DOT file; None (skipped) when Graphviz is not installed locally.
fn graphviz_plain(dot_file: &std::path::Path) -> Option<String> {
    match Command::new("dot").arg("-Tplain").arg(dot_file).output() {
        Ok(out) => {
            assert!(
                out.status.success(),
                "dot refused {}:\n{}",
                dot_file.display(),
                String::from_utf8_lossy(&out.stderr)
            );
            Some(String::from_utf8(out.stdout).expect("dot writes UTF-8"))
        }
        Err(e) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "Graphviz dot is required on CI: {e}"
            );
            eprintln!("skipped: Graphviz dot is not installed ({e})");
            None
        }
    }
}

/// The map drew 35 long edges straight across and 3,675 crossings against dot's
/// 3,531 (crossing optimiser skipped, a dummy budget of 1.5 per node).
#[test]
fn map_crossings_no_worse_than_dot_on_bundled_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let d = levelmap(["build", "--corpus"])
        .arg(corpus())
        .arg("--out")
        .arg(dir.path())
        .ok();
    assert!(!d.stdout.contains("drawn straight"), "{}", d.stdout);
    let ours = measure::from_svg(&std::fs::read_to_string(dir.path().join("graph.svg")).unwrap())
        .expect("graph.svg is measured");
    let Some(plain) = graphviz_plain(&dir.path().join("graph.dot")) else {
        return;
    };
    let theirs = measure::from_plain(&plain).expect("dot -Tplain is measured");
    // The same edges are drawn by both (every edge and thread, no legend samples).
    assert_eq!(ours.edges.len(), theirs.edges.len());
    assert!(ours.edges.len() > 400, "{}", ours.edges.len());
    let (a, b) = (ours.crossings(), theirs.crossings());
    eprintln!(
        "levelmap {a} crossings, {:.0} x {:.0}; dot {b} crossings, {:.0} x {:.0}",
        ours.width, ours.height, theirs.width, theirs.height
    );
    assert!(a <= b, "levelmap's map has {a} crossings, dot's {b}");
}
