//! Every query command's `--help` has an example, and each example answers
//! something real on the bundled corpus.

use crate::support::*;

/// Split an example line as a shell would (single and double quotes only).
fn shell_words(line: &str) -> Vec<String> {
    let (mut words, mut cur, mut quote, mut started) = (Vec::new(), String::new(), None, false);
    for c in line.chars() {
        match (quote, c) {
            (None, '\'' | '"') => {
                quote = Some(c);
                started = true;
            }
            (Some(q), c) if c == q => quote = None,
            (None, c) if c.is_whitespace() => {
                if started {
                    words.push(std::mem::take(&mut cur));
                    started = false;
                }
            }
            (_, c) => {
                cur.push(c);
                started = true;
            }
        }
    }
    if started {
        words.push(cur);
    }
    words
}

#[test]
fn every_query_command_has_a_real_example_in_its_help() {
    let out = tempfile::tempdir().unwrap();
    levelmap(["build", "--corpus"])
        .arg(corpus())
        .arg("--out")
        .arg(out.path())
        .ok();
    for cmd in [
        "show",
        "neighbors",
        "path",
        "timeline",
        "stance",
        "search",
        "stats",
    ] {
        let d = levelmap([cmd, "--help"]).ok();
        let examples: Vec<&str> = d
            .stdout
            .lines()
            .filter_map(|l| l.trim_start().strip_prefix("Example: levelmap "))
            .collect();
        assert!(
            !examples.is_empty(),
            "{cmd} --help has no example:\n{}",
            d.stdout
        );
        for example in examples {
            let words = shell_words(example);
            assert_eq!(words[0], cmd, "{example}");
            // Each example answers something real on the bundled corpus.
            let run = levelmap(&words)
                .arg("--corpus")
                .arg(corpus())
                .arg("--out")
                .arg(out.path())
                .ok();
            assert!(run.stderr.is_empty(), "{example}: {}", run.stderr);
            for empty in [
                "Nothing in this period",
                "No connection",
                "No matches",
                "0 neighbours",
            ] {
                assert!(
                    !run.stdout.contains(empty),
                    "{example} answers nothing:\n{}",
                    run.stdout
                );
            }
        }
    }
}
