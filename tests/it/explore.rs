//! The explorer page (`explore.html`): written by `build` and by `export --format html`,
//! one self-contained file with the graph's data escaped inside it, and used in headless
//! Chromium by `tests/browser/explore.py` (Playwright driving the system Chromium over
//! the DevTools protocol; every test there fails on any network request).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::*;

/// Run one suite of tests/browser/explore.py; its stdout, after checking that it
/// passed and that every test in `expect` reported `ok`.
fn run_browser(suite: &str, out: &Path, corpus: &Path, expect: &[&str]) -> Option<String> {
    if !chromium_and_playwright("the browser tests") {
        return None;
    }
    let o = Command::new("python3")
        .arg(root().join("tests/browser/explore.py"))
        .args(["--suite", suite, "--page"])
        .arg(out.join("explore.html"))
        .arg("--graph")
        .arg(out.join("graph.json"))
        .arg("--bin")
        .arg(env!("CARGO_BIN_EXE_levelmap"))
        .arg("--corpus")
        .arg(corpus)
        .arg("--out")
        .arg(out)
        .output()
        .expect("python3 runs");
    let stdout = String::from_utf8_lossy(&o.stdout).to_string();
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        o.status.success(),
        "browser tests failed\nstdout:\n{stdout}\nstderr:\n{stderr}"
    );
    for t in expect {
        assert!(
            stdout.lines().any(|l| l == format!("ok {t}")),
            "{t} did not pass\n{stdout}"
        );
    }
    assert!(!stdout.contains("FAIL"), "{stdout}");
    Some(stdout)
}

/// Build `corpus` into `out`, with extra flags.
fn build_into(corpus: &Path, out: &Path, extra: &[&str]) {
    let mut run = levelmap(["build"]);
    for a in extra {
        run = run.arg(a);
    }
    run.arg("--corpus").arg(corpus).arg("--out").arg(out).ok();
}

/// The data a page embeds, parsed back.
fn embedded(page: &str) -> serde_json::Value {
    let open = "<script type=\"application/json\" id=\"data\">";
    let start = page.find(open).expect("the data script") + open.len();
    let end = start + page[start..].find("</script>").expect("its end");
    serde_json::from_str(&page[start..end]).expect("the data is JSON")
}

#[test]
fn explorer_in_chromium_searches_highlights_plays_time_finds_paths_and_reopens_from_the_url() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    build_into(&corpus(), &out, &[]);
    let Some(stdout) = run_browser(
        "bundled",
        &out,
        &corpus(),
        &[
            "test_search_as_you_type",
            "test_click_node_highlights_neighbours_within_n",
            "test_article_opens_with_quote_highlighted",
            "test_time_slider_shows_the_debate_as_it_stood",
            "test_play_adds_items_in_time_order",
            "test_path_agrees_with_levelmap_path",
            "test_url_fragment_reopens_the_same_view",
            "test_filters_by_kind_edge_stance_actor_policy_and_date",
            "test_timeline_view_uses_the_timeline_layout",
            "test_pan_zoom_at_the_positions_of_graph_svg",
            "test_keyboard_only",
            "test_contrast_is_readable",
            "first_paint",
        ],
    ) else {
        return;
    };
    let paint = stdout
        .lines()
        .find_map(|l| l.strip_prefix("first-paint-ms "))
        .expect("first paint measured");
    eprintln!("explore.html first contentful paint: {paint} ms");
}

#[test]
fn explorer_keeps_hostile_names_as_text() {
    let c = TempCorpus::of("hostile");
    build_into(&c.path(), &c.out(), &[]);
    let page = std::fs::read_to_string(c.out().join("explore.html")).unwrap();
    // The corpus' markup never reaches the document as markup.
    assert_eq!(page.matches("<script").count(), 3, "three script elements");
    assert!(!page.contains("<b>"), "a name's <b> is escaped");
    let data = embedded(&page);
    let labels: Vec<&str> = data["graph"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|n| n["label"].as_str())
        .collect();
    assert!(
        labels.iter().any(|l| l.contains("<b>&amp;</b>")),
        "the name reads back unchanged: {labels:?}"
    );
    run_browser(
        "hostile",
        &c.out(),
        &c.path(),
        &["test_hostile_names_stay_text"],
    );
}

#[test]
fn explorer_marks_drafts_as_unreviewed() {
    let t = TempCorpus::of("mini");
    let f = t.dir.path().join("new.txt");
    std::fs::write(&f, "Regions and Labour\n\nPosted on: 8 July 2024 by Carol Gamma\n\nDevolution must go further, and the Treasury should let go of growth funding across the regions.\n").unwrap();
    levelmap(["add", "--corpus"]).arg(t.path()).arg(&f).ok();
    build_into(&t.path(), &t.out(), &["--auto"]);
    let data = embedded(&std::fs::read_to_string(t.out().join("explore.html")).unwrap());
    assert!(data["drafts"].as_u64().unwrap() > 0, "drafts are counted");
    run_browser(
        "drafts",
        &t.out(),
        &t.path(),
        &["test_drafts_are_marked_unreviewed"],
    );
}

#[test]
fn export_html_writes_the_explorer_of_a_view() {
    let dir = tempfile::tempdir().unwrap();
    let html: PathBuf = dir.path().join("view.html");
    let json: PathBuf = dir.path().join("view.json");
    let view = [
        "--around",
        "policy:levelling-up",
        "--depth",
        "2",
        "--kind",
        "policy,actor,article,claim",
    ];
    let export = |extra: &[&std::ffi::OsStr]| {
        let mut run = levelmap(["export", "--corpus"]).arg(corpus());
        for a in view
            .iter()
            .map(std::ffi::OsStr::new)
            .chain(extra.iter().copied())
        {
            run = run.arg(a);
        }
        run.ok().stdout
    };
    export(&["-o".as_ref(), html.as_os_str()]);
    export(&["-o".as_ref(), json.as_os_str()]);
    let page = std::fs::read_to_string(&html).unwrap();
    let data = embedded(&page);
    let want: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(
        data["graph"]["nodes"], want["nodes"],
        "the view's nodes, as JSON exports them"
    );
    assert_eq!(data["graph"]["edges"], want["edges"]);
    assert_eq!(data["schema"], "levelmap/explore");
    assert!(data["title"].as_str().unwrap().contains("levelling-up"));
    // Article texts come with it, for the reader to open at a quote.
    assert!(!data["texts"].as_object().unwrap().is_empty());
    // --format html to standard output gives the same page.
    let stdout = export(&["--format".as_ref(), "html".as_ref()]);
    assert_eq!(stdout, page);
}

#[test]
fn explorer_is_one_small_file_that_loads_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    build_into(&corpus(), &out, &[]);
    let page = std::fs::read_to_string(out.join("explore.html")).unwrap();
    assert!(
        page.len() < 2_000_000,
        "explore.html of the bundled corpus is {} bytes, over 2 MB",
        page.len()
    );
    let lower = page.to_ascii_lowercase();
    for bad in [
        "<link", "<img", "<iframe", " src=", "@import", "url(http", "url(//",
    ] {
        assert!(!lower.contains(bad), "the page would load something: {bad}");
    }
    assert!(
        page.contains("default-src 'none'"),
        "the CSP forbids fetches"
    );
    // Every node of graph.json is in it, with the map's positions for the drawn ones.
    let data = embedded(&page);
    let graph: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("graph.json")).unwrap()).unwrap();
    assert_eq!(data["graph"]["nodes"], graph["nodes"]);
    assert!(data["map"]["boxes"].as_array().unwrap().len() >= 100);
}

/// The explorer opens from disk in Firefox too: Debian's firefox-esr driven over
/// WebDriver BiDi by `tests/browser/firefox/firefox.mjs` (puppeteer-core from the npm
/// registry; no browser downloaded). The graph is drawn, a search finds Rachel Reeves,
/// Enter opens her in the side panel, and the page makes no network request. On CI
/// (`CI` set) Firefox and the driver must be there (test.sh installs them).
#[test]
fn explorer_opens_from_disk_in_firefox_draws_searches_and_fetches_nothing() {
    let script = root().join("tests/browser/firefox/firefox.mjs");
    let driver = root().join("tests/browser/firefox/node_modules/puppeteer-core");
    let firefox = Path::new("/usr/bin/firefox-esr").exists();
    if !(firefox && driver.is_dir()) {
        assert!(
            std::env::var_os("CI").is_none(),
            "the Firefox check needs /usr/bin/firefox-esr and `npm ci --prefix tests/browser/firefox` on CI (test.sh installs them)"
        );
        eprintln!("skipped: firefox-esr or puppeteer-core is missing");
        return;
    }
    let out = tempfile::tempdir().unwrap();
    build_into(&corpus(), out.path(), &[]);
    let o = Command::new("node")
        .arg(&script)
        .arg(out.path().join("explore.html"))
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success(),
        "Firefox check failed\nstdout:\n{stdout}\nstderr:\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let r: serde_json::Value = serde_json::from_str(stdout.trim()).expect("one JSON line");
    assert!(
        r["version"]
            .as_str()
            .unwrap_or_default()
            .starts_with("firefox/"),
        "{r}"
    );
    assert!(
        r["status"]
            .as_str()
            .unwrap_or_default()
            .contains("nodes shown"),
        "{r}"
    );
    assert!(
        r["panel"]
            .as_str()
            .unwrap_or_default()
            .contains("actor:rachel-reeves"),
        "{r}"
    );
    assert_eq!(r["problems"], serde_json::json!([]), "{r}");
}

/// `export --format html` of the whole graph of 10,000 synthetic articles ran for
/// minutes and wrote a page no browser opens in useful time. Past build's drawing size
/// (20,000 nodes and edges) it is refused before anything is written, with the size
/// and the view options that make a page that opens; `--force` writes it anyway.
#[test]
fn export_html_past_the_drawing_size_is_refused_with_the_size_and_the_views() {
    let dir = tempfile::tempdir().unwrap();
    let (corpus, out) = (dir.path().join("corpus"), dir.path().join("out"));
    levelmap_testkit::corpus::generate(&corpus, 200, 7).unwrap();
    levelmap(["build", "--corpus"])
        .arg(&corpus)
        .arg("--out")
        .arg(&out)
        .ok();
    let json = out.join("graph.json");
    let page = dir.path().join("all.html");
    let export = |extra: &[&str]| {
        let mut run = levelmap(["export", "--format", "html", "--from-json"])
            .arg(&json)
            .arg("-o")
            .arg(&page);
        for a in extra {
            run = run.arg(a);
        }
        run
    };
    let refused = export(&[]).fails();
    for said in [
        "the whole graph",
        "nodes and",
        "--around",
        "--kind",
        "--from",
        "--force",
    ] {
        assert!(refused.stderr.contains(said), "{said}: {}", refused.stderr);
    }
    assert!(!page.exists(), "nothing is written when refused");
    // A view of a part opens.
    let graph: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let policy = graph["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .find(|id| id.starts_with("policy:"))
        .unwrap()
        .to_string();
    export(&[
        "--around",
        &policy,
        "--depth",
        "1",
        "--kind",
        "policy,actor",
    ])
    .ok();
    let part = std::fs::read_to_string(&page).unwrap();
    assert!(embedded(&part)["graph"]["nodes"].as_array().unwrap().len() > 1);
    // A view still too large is refused by name.
    let refused = export(&["--from", "1900"]).fails();
    assert!(
        refused.stderr.contains("the view (from 1900"),
        "{}",
        refused.stderr
    );
    // --force writes the whole page.
    export(&["--force"]).ok();
    let whole = std::fs::read_to_string(&page).unwrap();
    assert_eq!(
        embedded(&whole)["graph"]["nodes"].as_array().unwrap().len(),
        graph["nodes"].as_array().unwrap().len()
    );
}
