//! Reading a gold folder's judgement files (`<stem>.claims.tsv`,
//! `<stem>.entities.tsv` beside each article, and the `FROZEN` marker of a frozen
//! test part) into [`Gold`]. Every malformed row is reported with its file and line;
//! reading goes on past it.

use std::fmt;
use std::path::{Path, PathBuf};

use levelmap_model::gold::{Gold, GoldArticle, Judged, Label};
use levelmap_model::Stance;

use crate::layout;

/// The marker file whose presence makes a folder a frozen test part.
pub const FROZEN_FILE: &str = "FROZEN";
/// The suffix of an article's sentence judgements.
pub const CLAIMS_SUFFIX: &str = ".claims.tsv";
/// The suffix of an article's qualifying entities.
pub const ENTITIES_SUFFIX: &str = ".entities.tsv";

const CLAIMS_HEADER: [&str; 9] = [
    "idx", "part", "label", "kind", "speaker", "hedged", "about", "claim", "sentence",
];
const ENTITIES_HEADER: [&str; 3] = ["id", "surface", "note"];

/// A problem in a judgement file, located.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldError {
    /// The file.
    pub file: PathBuf,
    /// 1-based line, 0 for the whole file.
    pub line: usize,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl fmt::Display for GoldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file.display(), self.message)
        } else {
            write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
        }
    }
}

/// Read the judgement files of the corpus folder `dir`. Articles without them are
/// absent from the result; a missing `articles/` gives an empty result.
pub fn read_gold(dir: &Path) -> (Gold, Vec<GoldError>) {
    let mut gold = Gold {
        frozen: dir.join(FROZEN_FILE).is_file(),
        ..Gold::default()
    };
    let mut errors = Vec::new();
    let Ok(entries) = std::fs::read_dir(layout::articles_dir(dir)) else {
        return (gold, errors);
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let Some(name) = name else { continue };
        if let Some(stem) = name.strip_suffix(CLAIMS_SUFFIX) {
            let rows = read_rows(&path, &CLAIMS_HEADER, &mut errors);
            let judged = rows
                .into_iter()
                .filter_map(|(line, cells)| judged(&path, line, &cells, &mut errors))
                .collect();
            entry(&mut gold, stem).sentences = Some(judged);
        } else if let Some(stem) = name.strip_suffix(ENTITIES_SUFFIX) {
            let rows = read_rows(&path, &ENTITIES_HEADER, &mut errors);
            let ids = rows
                .into_iter()
                .map(|(_, mut c)| c.swap_remove(0))
                .collect();
            entry(&mut gold, stem).entities = Some(ids);
        }
    }
    (gold, errors)
}

fn entry<'g>(gold: &'g mut Gold, stem: &str) -> &'g mut GoldArticle {
    gold.articles.entry(stem.to_string()).or_default()
}

/// The data rows of a TSV file with the given header, each with its line number;
/// rows with the wrong number of cells are reported and skipped.
fn read_rows(
    path: &Path,
    header: &[&str],
    errors: &mut Vec<GoldError>,
) -> Vec<(usize, Vec<String>)> {
    let err = |line, message: String| GoldError {
        file: path.to_path_buf(),
        line,
        message,
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            errors.push(err(0, format!("cannot read it: {e}")));
            return vec![];
        }
    };
    let mut lines = text.lines().enumerate();
    let first: Vec<&str> = lines
        .next()
        .map(|(_, l)| l.split('\t').collect())
        .unwrap_or_default();
    if first != header {
        errors.push(err(
            1,
            format!(
                "the header must be `{}` (tab-separated)",
                header.join("\\t")
            ),
        ));
        return vec![];
    }
    let mut rows = Vec::new();
    for (i, l) in lines {
        let cells: Vec<String> = l.split('\t').map(str::to_string).collect();
        if cells.len() == header.len() {
            rows.push((i + 1, cells));
        } else {
            errors.push(err(
                i + 1,
                format!(
                    "{} cells, want {}: a cell may not hold a tab",
                    cells.len(),
                    header.len()
                ),
            ));
        }
    }
    rows
}

fn judged(path: &Path, line: usize, c: &[String], errors: &mut Vec<GoldError>) -> Option<Judged> {
    let mut fail = |message: String| {
        errors.push(GoldError {
            file: path.to_path_buf(),
            line,
            message,
        });
        None
    };
    let Ok(idx) = c[0].parse::<usize>() else {
        return fail(format!("idx {:?} is not a number", c[0]));
    };
    let Some(label) = Label::parse(&c[2]) else {
        return fail(format!("label {:?}: write clear, borderline or none", c[2]));
    };
    let mut about = Vec::new();
    for item in c[6].split(';').map(str::trim).filter(|i| !i.is_empty()) {
        let parsed = item
            .split_once('=')
            .and_then(|(id, st)| Some((id.trim().to_string(), Stance::parse(st.trim())?)));
        match parsed {
            Some(pair) => about.push(pair),
            None => {
                return fail(format!(
                    "about item {item:?}: write policy:slug=stance, the stance one of {}",
                    Stance::names()
                ))
            }
        }
    }
    Some(Judged {
        idx,
        part: c[1].clone(),
        label,
        kind: c[3].clone(),
        sentence: c[8].clone(),
        about,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
        let d = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(d.path().join("articles")).unwrap();
        for (name, text) in files {
            std::fs::write(d.path().join("articles").join(name), text).unwrap();
        }
        d
    }

    #[test]
    fn judgements_and_entities_are_read_by_stem() {
        let d = folder(&[
            (
                "a.claims.tsv",
                "idx\tpart\tlabel\tkind\tspeaker\thedged\tabout\tclaim\tsentence\n1\ttitle\tnone\t\t\t\t\t\tA title\n2\tbody\tclear\tevaluation\tauthor\tno\t\tclaim:x\tIt fails.\n",
            ),
            ("a.entities.tsv", "id\tsurface\tnote\nactor:x\tX\t\n"),
        ]);
        let (g, errors) = read_gold(d.path());
        assert!(errors.is_empty(), "{errors:?}");
        assert!(!g.frozen);
        let a = &g.articles["a"];
        let s = a.sentences.as_ref().unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].label, Label::Clear);
        assert_eq!(s[1].sentence, "It fails.");
        assert_eq!(a.entities.as_deref(), Some(&["actor:x".to_string()][..]));
    }

    #[test]
    fn a_bad_row_is_located_and_reading_goes_on() {
        let d = folder(&[(
            "a.claims.tsv",
            "idx\tpart\tlabel\tkind\tspeaker\thedged\tabout\tclaim\tsentence\n1\tbody\tmaybe\t\t\t\t\t\tX.\n2\tbody\tnone\t\t\t\t\t\tY.\n3\tbody\n",
        )]);
        std::fs::write(d.path().join(FROZEN_FILE), "").unwrap();
        let (g, errors) = read_gold(d.path());
        assert!(g.frozen);
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![4, 2]);
        assert!(errors[1]
            .to_string()
            .contains("a.claims.tsv:2: label \"maybe\""));
        assert_eq!(g.articles["a"].sentences.as_ref().unwrap().len(), 1);
    }

    /// The `about` column was not read, so no stance of the gold could be scored.
    #[test]
    fn the_stances_a_judged_sentence_lists_are_read_and_a_bad_one_is_located() {
        let d = folder(&[(
            "a.claims.tsv",
            "idx\tpart\tlabel\tkind\tspeaker\thedged\tabout\tclaim\tsentence\n\
             1\tbody\tclear\tevaluation\tauthor\tno\tpolicy:a=for; policy:b=against\tclaim:x\tX.\n\
             2\tbody\tclear\tevaluation\tauthor\tno\tpolicy:a=sideways\tclaim:y\tY.\n",
        )]);
        let (g, errors) = read_gold(d.path());
        let s = g.articles["a"].sentences.as_ref().unwrap();
        assert_eq!(
            s[0].about,
            vec![
                ("policy:a".to_string(), Stance::For),
                ("policy:b".to_string(), Stance::Against)
            ]
        );
        assert_eq!(s.len(), 1);
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0]
                .to_string()
                .contains("a.claims.tsv:3: about item \"policy:a=sideways\""),
            "{}",
            errors[0]
        );
    }
}
