//! The extraction gold set (tests/fixtures/gold, docs/annotation-guide.md): each part
//! is a corpus `levelmap check` accepts, follows the guide's file rules, and the test
//! part stays frozen.

use crate::support::*;

const PARTS: [&str; 2] = ["gold/dev", "gold/test"];

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
    for (part, split) in [("gold/dev", "dev"), ("gold/test", "test")] {
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
}
