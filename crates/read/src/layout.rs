//! The corpus folder's layout, named in one place: `lexicon/` with its three files,
//! `articles/` with one `<stem>.txt` (the text) and one `<stem>.toml` (its annotation)
//! per article.

use std::path::{Path, PathBuf};

/// The lexicon sub-folder's name.
pub const LEXICON_DIR: &str = "lexicon";
/// The articles sub-folder's name.
pub const ARTICLES_DIR: &str = "articles";
/// The actors lexicon file.
pub const ACTORS_FILE: &str = "actors.toml";
/// The policies lexicon file.
pub const POLICIES_FILE: &str = "policies.toml";
/// The events lexicon file.
pub const EVENTS_FILE: &str = "events.toml";
/// The lexicon files, in the order they are read (and hashed).
pub const LEXICON_FILES: [&str; 3] = [ACTORS_FILE, POLICIES_FILE, EVENTS_FILE];
/// The extension of an article's text.
pub const TEXT_EXT: &str = "txt";
/// The extension of an article's annotation.
pub const ANNOTATION_EXT: &str = "toml";

/// `<corpus>/lexicon`.
pub fn lexicon_dir(corpus: &Path) -> PathBuf {
    corpus.join(LEXICON_DIR)
}

/// `<corpus>/articles`.
pub fn articles_dir(corpus: &Path) -> PathBuf {
    corpus.join(ARTICLES_DIR)
}

/// The file name of an article's text: `<stem>.txt`.
pub fn text_file_name(stem: &str) -> String {
    format!("{stem}.{TEXT_EXT}")
}

/// The file name of an article's annotation: `<stem>.toml`.
pub fn annotation_file_name(stem: &str) -> String {
    format!("{stem}.{ANNOTATION_EXT}")
}

/// Which half of an article a file in `articles/` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArticlePart {
    /// `<stem>.txt`.
    Text,
    /// `<stem>.toml`.
    Annotation,
}

/// The stem and part of a file in `articles/`, or `None` for any other file.
pub fn article_part(path: &Path) -> Option<(String, ArticlePart)> {
    let (Some(stem), Some(ext)) = (path.file_stem(), path.extension()) else {
        return None;
    };
    let part = match ext.to_string_lossy().as_ref() {
        TEXT_EXT => ArticlePart::Text,
        ANNOTATION_EXT => ArticlePart::Annotation,
        _ => return None,
    };
    Some((stem.to_string_lossy().into_owned(), part))
}

/// Whether a file name in `articles/` is part of an article (a `.txt` or a `.toml`).
pub fn is_article_file_name(name: &str) -> bool {
    name.ends_with(&format!(".{TEXT_EXT}")) || name.ends_with(&format!(".{ANNOTATION_EXT}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_and_file_names() {
        let c = Path::new("graph");
        assert_eq!(lexicon_dir(c), Path::new("graph/lexicon"));
        assert_eq!(articles_dir(c), Path::new("graph/articles"));
        assert_eq!(text_file_name("2020-09-a"), "2020-09-a.txt");
        assert_eq!(annotation_file_name("2020-09-a"), "2020-09-a.toml");
    }

    #[test]
    fn article_parts_by_extension() {
        assert_eq!(
            article_part(Path::new("articles/x-y.txt")),
            Some(("x-y".into(), ArticlePart::Text))
        );
        assert_eq!(
            article_part(Path::new("x.toml")),
            Some(("x".into(), ArticlePart::Annotation))
        );
        assert_eq!(article_part(Path::new("x.md")), None);
        assert_eq!(article_part(Path::new("README")), None);
        assert!(is_article_file_name("a.txt") && is_article_file_name("a.toml"));
        assert!(!is_article_file_name("a.txt~"));
    }
}
