//! The extraction gold set (tests/fixtures/gold, docs/annotation-guide.md): each part
//! is a corpus `levelmap check` accepts, follows the guide's file rules, and the test
//! part stays frozen.

use crate::support::*;

const PARTS: [&str; 91] = [
    "gold/dev",
    "gold/dev2",
    "gold/dev3",
    "gold/dev4",
    "gold/dev5",
    "gold/dev6",
    "gold/dev7",
    "gold/dev8",
    "gold/dev9",
    "gold/dev10",
    "gold/dev11",
    "gold/dev12",
    "gold/dev13",
    "gold/dev14",
    "gold/dev15",
    "gold/dev16",
    "gold/dev17",
    "gold/dev18",
    "gold/dev19",
    "gold/dev20",
    "gold/dev21",
    "gold/dev22",
    "gold/dev23",
    "gold/dev24",
    "gold/dev25",
    "gold/dev26",
    "gold/dev27",
    "gold/dev28",
    "gold/dev29",
    "gold/dev30",
    "gold/dev31",
    "gold/dev32",
    "gold/dev33",
    "gold/dev34",
    "gold/dev35",
    "gold/dev36",
    "gold/dev37",
    "gold/dev38",
    "gold/dev39",
    "gold/dev40",
    "gold/dev41",
    "gold/dev44",
    "gold/dev45",
    "gold/dev46",
    "gold/dev47",
    "gold/dev49",
    "gold/dev50",
    "gold/dev52",
    "gold/dev53",
    "gold/dev54",
    "gold/dev55",
    "gold/dev56",
    "gold/dev57",
    "gold/dev58",
    "gold/dev59",
    "gold/dev61",
    "gold/dev62",
    "gold/dev63",
    "gold/dev64",
    "gold/dev65",
    "gold/dev66",
    "gold/dev67",
    "gold/dev68",
    "gold/dev69",
    "gold/dev70",
    "gold/dev71",
    "gold/dev72",
    "gold/dev73",
    "gold/dev74",
    "gold/dev77",
    "gold/dev78",
    "gold/dev79",
    "gold/dev80",
    "gold/dev81",
    "gold/dev82",
    "gold/dev83",
    "gold/dev84",
    "gold/dev85",
    "gold/dev86",
    "gold/dev87",
    "gold/dev88",
    "gold/dev89",
    "gold/dev90",
    "gold/dev91",
    "gold/dev92",
    "gold/dev93",
    "gold/dev94",
    "gold/dev95",
    "gold/dev96",
    "gold/test",
    "gold/test2",
];

#[test]
fn each_gold_part_is_a_corpus_check_accepts() {
    for part in PARTS {
        let dir = fixture(part);
        let d = levelmap(["check", "--corpus"]).arg(&dir).ok();
        assert!(
            d.stdout.contains("0 error(s)") || d.stderr.contains("0 error(s)"),
            "{part}: {}{}",
            d.stdout,
            d.stderr
        );
    }
}

#[test]
fn each_gold_part_follows_the_annotation_guide() {
    for part in PARTS {
        let out = std::process::Command::new("python3")
            .arg(fixture("gold/validate.py"))
            .arg(fixture(part))
            .output()
            .expect("python3 runs the guide's validator");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{part}:\n{text}");
        assert!(text.contains("0 problem(s)"), "{text}");
    }
}

/// The split is recorded: every article of a part is listed in SOURCES.md with that
/// part, and the test part has at least ten articles (issue 12).
#[test]
fn the_split_in_sources_md_matches_the_folders() {
    let sources = std::fs::read_to_string(fixture("gold/SOURCES.md")).unwrap();
    for (part, split) in [
        ("gold/dev", "dev"),
        ("gold/dev2", "dev2"),
        ("gold/dev3", "dev3"),
        ("gold/dev4", "dev4"),
        ("gold/dev5", "dev5"),
        ("gold/dev6", "dev6"),
        ("gold/dev7", "dev7"),
        ("gold/dev8", "dev8"),
        ("gold/dev9", "dev9"),
        ("gold/dev10", "dev10"),
        ("gold/dev11", "dev11"),
        ("gold/dev12", "dev12"),
        ("gold/dev13", "dev13"),
        ("gold/dev14", "dev14"),
        ("gold/dev15", "dev15"),
        ("gold/dev16", "dev16"),
        ("gold/dev17", "dev17"),
        ("gold/dev18", "dev18"),
        ("gold/dev19", "dev19"),
        ("gold/dev20", "dev20"),
        ("gold/dev21", "dev21"),
        ("gold/dev22", "dev22"),
        ("gold/dev23", "dev23"),
        ("gold/dev24", "dev24"),
        ("gold/dev25", "dev25"),
        ("gold/dev26", "dev26"),
        ("gold/dev27", "dev27"),
        ("gold/dev28", "dev28"),
        ("gold/dev29", "dev29"),
        ("gold/dev30", "dev30"),
        ("gold/dev31", "dev31"),
        ("gold/dev32", "dev32"),
        ("gold/dev33", "dev33"),
        ("gold/dev34", "dev34"),
        ("gold/dev35", "dev35"),
        ("gold/dev36", "dev36"),
        ("gold/dev37", "dev37"),
        ("gold/dev38", "dev38"),
        ("gold/dev39", "dev39"),
        ("gold/dev40", "dev40"),
        ("gold/dev41", "dev41"),
        ("gold/dev44", "dev44"),
        ("gold/dev45", "dev45"),
        ("gold/dev46", "dev46"),
        ("gold/dev47", "dev47"),
        ("gold/dev49", "dev49"),
        ("gold/dev50", "dev50"),
        ("gold/dev52", "dev52"),
        ("gold/dev53", "dev53"),
        ("gold/dev54", "dev54"),
        ("gold/dev55", "dev55"),
        ("gold/dev56", "dev56"),
        ("gold/dev57", "dev57"),
        ("gold/dev58", "dev58"),
        ("gold/dev59", "dev59"),
        ("gold/dev61", "dev61"),
        ("gold/dev62", "dev62"),
        ("gold/dev63", "dev63"),
        ("gold/dev64", "dev64"),
        ("gold/dev65", "dev65"),
        ("gold/dev66", "dev66"),
        ("gold/dev67", "dev67"),
        ("gold/dev68", "dev68"),
        ("gold/dev69", "dev69"),
        ("gold/dev70", "dev70"),
        ("gold/dev71", "dev71"),
        ("gold/dev72", "dev72"),
        ("gold/dev73", "dev73"),
        ("gold/dev74", "dev74"),
        ("gold/dev77", "dev77"),
        ("gold/dev78", "dev78"),
        ("gold/dev79", "dev79"),
        ("gold/dev80", "dev80"),
        ("gold/dev81", "dev81"),
        ("gold/dev82", "dev82"),
        ("gold/dev83", "dev83"),
        ("gold/dev84", "dev84"),
        ("gold/dev85", "dev85"),
        ("gold/dev86", "dev86"),
        ("gold/dev87", "dev87"),
        ("gold/dev88", "dev88"),
        ("gold/dev89", "dev89"),
        ("gold/dev90", "dev90"),
        ("gold/dev91", "dev91"),
        ("gold/dev92", "dev92"),
        ("gold/dev93", "dev93"),
        ("gold/dev94", "dev94"),
        ("gold/dev95", "dev95"),
        ("gold/dev96", "dev96"),
        ("gold/test", "test"),
        ("gold/test2", "test2"),
    ] {
        let mut n = 0;
        for e in std::fs::read_dir(fixture(part).join("articles")).unwrap() {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            let Some(stem) = name.strip_suffix(".txt") else {
                continue;
            };
            n += 1;
            let row = sources
                .lines()
                .find(|l| l.starts_with(&format!("| `{stem}`")))
                .unwrap_or_else(|| panic!("{stem} is not in SOURCES.md"));
            assert!(
                row.trim_end().ends_with(&format!("| {split} |")),
                "{stem}: {row}"
            );
        }
        if split == "test" {
            assert!(n >= 10, "the frozen test part has {n} articles");
        }
    }
    assert!(fixture("gold/test/FROZEN").is_file());
    assert!(fixture("gold/test2/FROZEN").is_file());
    for part in PARTS.iter().filter(|p| p.starts_with("gold/dev")) {
        assert!(
            !fixture(&format!("{part}/FROZEN")).exists(),
            "{part} is read: it must not pose as frozen"
        );
    }
}

/// The end-to-end scorer (the articles added to a copy of the bundled corpus and
/// built, as a user would) lists misses for the dev part and only totals for the
/// frozen part, and its figures are fractions of the counts it prints.
#[test]
fn the_end_to_end_scorer_keeps_the_frozen_part_to_totals() {
    let run = |parts: &str| {
        let out = std::process::Command::new("python3")
            .arg(fixture("gold/end_to_end.py"))
            .arg(env!("CARGO_BIN_EXE_levelmap"))
            .args(parts.split(' ').map(fixture))
            .output()
            .expect("python3 runs the end-to-end scorer");
        assert!(
            out.status.success(),
            "{parts}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let dev = run("gold/dev");
    assert!(dev.contains("actor missed:"), "{dev}");
    let test = run("gold/test");
    assert!(
        !test.contains("missed") && !test.contains("spurious"),
        "{test}"
    );
    assert!(test.contains("totals only (FROZEN)"), "{test}");
    // Parts built together into one corpus: a frozen part among them keeps every
    // article to totals, and the totals count the articles of all the parts.
    let both = run("gold/dev27 gold/test");
    assert!(
        !both.contains("missed") && !both.contains("spurious"),
        "{both}"
    );
    assert!(both.contains("totals only (FROZEN)"), "{both}");
    let articles = |out: &str| {
        out.split("end to end (")
            .nth(1)
            .and_then(|r| r.split(' ').next())
            .and_then(|n| n.parse::<usize>().ok())
            .unwrap_or(0)
    };
    assert_eq!(articles(&both), articles(&test) + 2, "{both}");
    for out in [&dev, &test, &both] {
        for kind in ["actors", "policies"] {
            let line = out
                .lines()
                .find(|l| l.trim_start().starts_with(kind))
                .unwrap_or_else(|| panic!("no {kind} line: {out}"));
            // "  actors   0.90  0.83  0.86   193/215 found correct, 185/223 gold found"
            let nums: Vec<f64> = line
                .split([' ', '/', ','])
                .filter_map(|w| w.parse().ok())
                .collect();
            let (p, r, c, f, fg, g) = (nums[0], nums[1], nums[3], nums[4], nums[5], nums[6]);
            assert!(
                (p - c / f).abs() < 0.006 && (r - fg / g).abs() < 0.006,
                "{line}"
            );
        }
    }
}
