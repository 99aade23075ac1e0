//! Every problem the reading phase can find, as a typed error with its location,
//! and the diagnostic that carries it to the user.

use std::fmt;
use std::path::PathBuf;

use levelmap_model::rules;

/// What went wrong while reading the corpus.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ReadError {
    /// A file could not be read.
    #[error("cannot read {path}: {reason}")]
    Io {
        /// The path.
        path: String,
        /// The OS error.
        reason: String,
    },
    /// A path that is not a regular file (a FIFO, a device, a folder...).
    #[error("{path} is {what}, not a regular file")]
    NotAFile {
        /// The path.
        path: String,
        /// What it is.
        what: String,
    },
    /// A file over the size limit.
    #[error("{path} is too large: {size} bytes or more, over the limit of {limit} bytes")]
    TooLarge {
        /// The path.
        path: String,
        /// Its size, as far as it was read.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// A file read through a symbolic link (allowed, and said).
    #[error("read through a symbolic link to {target}")]
    Symlink {
        /// Where the link leads.
        target: String,
    },
    /// The corpus folder lacks a part.
    #[error("{what} not found")]
    Missing {
        /// What is missing.
        what: String,
    },
    /// TOML that does not parse, or a field of the wrong type.
    #[error("malformed TOML: {message}")]
    Toml {
        /// The parser's message.
        message: String,
    },
    /// Text that is not UTF-8.
    #[error("not UTF-8: invalid byte sequence at byte {offset}")]
    NotUtf8 {
        /// Byte offset of the first bad sequence.
        offset: usize,
    },
    /// An article text without its annotation file.
    #[error("article text '{stem}.txt' has no annotation file '{stem}.toml'")]
    MissingAnnotation {
        /// File stem.
        stem: String,
    },
    /// An annotation file without its article text.
    #[error("annotation '{stem}.toml' has no article text '{stem}.txt'")]
    MissingText {
        /// File stem.
        stem: String,
    },
    /// An id that is not of the form kind:slug, or of the wrong kind.
    #[error("{}", rules::bad_id(.id, .reason))]
    BadId {
        /// The id.
        id: String,
        /// Why.
        reason: String,
    },
    /// An id defined twice.
    #[error("{}", rules::duplicate_id(.id, .first))]
    DuplicateId {
        /// The id.
        id: String,
        /// Where it was first defined.
        first: String,
    },
    /// A reference to an id nobody defines.
    #[error("{}", rules::unknown_id(.expected, .id))]
    UnknownId {
        /// The id.
        id: String,
        /// The kind expected there.
        expected: String,
        /// Closest known ids with their names.
        suggestions: Vec<(String, String)>,
    },
    /// A reference to an unknown article.
    #[error("unknown article '{id}'")]
    UnknownArticle {
        /// The article stem given.
        id: String,
        /// Closest article stems.
        suggestions: Vec<String>,
    },
    /// A quote that does not occur in its article.
    #[error("quote not found in article '{article}': \"{quote}\"")]
    QuoteNotFound {
        /// The article.
        article: String,
        /// The quote.
        quote: String,
        /// The closest passage of the article.
        closest: Option<String>,
        /// Whether the quote matches when case is ignored.
        case_only: bool,
    },
    /// A date that cannot be.
    #[error("bad date: {message}")]
    BadDate {
        /// What is wrong.
        message: String,
    },
    /// A date after today: what a corpus records has happened.
    #[error("{}", rules::after_today(.date, .today))]
    FutureDate {
        /// The date.
        date: String,
        /// Today's date.
        today: String,
    },
    /// A kind value not in its list.
    #[error("unknown {field} '{value}': expected one of {expected}")]
    BadKind {
        /// The field.
        field: String,
        /// The value.
        value: String,
        /// The accepted values.
        expected: String,
    },
    /// An edge between the wrong kinds of node.
    #[error("{}", rules::wrong_endpoints(.edge, (.from, .from_kind), (.to, .to_kind), (.allowed_from, .allowed_to)))]
    WrongEndpoints {
        /// The edge kind.
        edge: String,
        /// Source id.
        from: String,
        /// Source kind.
        from_kind: String,
        /// Target id.
        to: String,
        /// Target kind.
        to_kind: String,
        /// Allowed source kinds.
        allowed_from: String,
        /// Allowed target kinds.
        allowed_to: String,
    },
    /// An edge from a node to itself.
    #[error("{}", rules::self_loop(.kind, .id, .edge))]
    SelfLoop {
        /// The node's kind.
        kind: String,
        /// The node.
        id: String,
        /// The edge kind.
        edge: String,
    },
    /// A confidence that is not a number from 0 to 1.
    #[error("{}", rules::bad_confidence(.value))]
    BadConfidence {
        /// The value as written.
        value: String,
    },
    /// A date far from the span of the corpus' articles (a warning).
    #[error("{}", rules::far_date(.date, .span))]
    FarDate {
        /// The date.
        date: String,
        /// The span of the articles' dates.
        span: String,
    },
    /// An article date the extractor wrote as a placeholder (a warning).
    #[error("{}", rules::placeholder_date(.date))]
    PlaceholderDate {
        /// The date.
        date: String,
    },
    /// A field that must be present is not, or has no content.
    #[error("{message}")]
    Invalid {
        /// What is wrong.
        message: String,
    },
}

impl ReadError {
    /// A short stable code for the error, shown as `error[code]`.
    pub fn code(&self) -> &'static str {
        match self {
            ReadError::Io { .. } => "io",
            ReadError::NotAFile { .. } => "not-a-file",
            ReadError::TooLarge { .. } => "too-large",
            ReadError::Symlink { .. } => "symlink",
            ReadError::Missing { .. } => "missing",
            ReadError::Toml { .. } => "toml",
            ReadError::NotUtf8 { .. } => "utf8",
            ReadError::MissingAnnotation { .. } => "missing-annotation",
            ReadError::MissingText { .. } => "missing-text",
            ReadError::BadId { .. } => "bad-id",
            ReadError::DuplicateId { .. } => "duplicate-id",
            ReadError::UnknownId { .. } | ReadError::UnknownArticle { .. } => "unknown-id",
            ReadError::QuoteNotFound { .. } => "quote-not-found",
            ReadError::BadDate { .. } => "bad-date",
            ReadError::FutureDate { .. } => "future-date",
            ReadError::BadKind { .. } => "bad-kind",
            ReadError::WrongEndpoints { .. } => "wrong-endpoints",
            ReadError::SelfLoop { .. } => "self-loop",
            ReadError::BadConfidence { .. } => "bad-number",
            ReadError::FarDate { .. } => "far-date",
            ReadError::PlaceholderDate { .. } => "placeholder-date",
            ReadError::Invalid { .. } => "invalid",
        }
    }

    /// How to fix it, where there is something useful to say.
    pub fn help(&self) -> Option<String> {
        match self {
            ReadError::UnknownId {
                suggestions,
                expected,
                ..
            } => {
                if suggestions.is_empty() {
                    Some(format!(
                        "add the {expected} to the lexicon (graph/lexicon/) or fix the id"
                    ))
                } else {
                    let list: Vec<String> = suggestions
                        .iter()
                        .map(|(id, name)| format!("{id} ({name})"))
                        .collect();
                    Some(format!("did you mean {}?", list.join(", or ")))
                }
            }
            ReadError::UnknownArticle { suggestions, .. } => {
                if suggestions.is_empty() {
                    Some("name the article by its file stem, without .toml or article:".into())
                } else {
                    Some(format!("did you mean {}?", suggestions.join(", or ")))
                }
            }
            ReadError::QuoteNotFound {
                closest, case_only, ..
            } => match (closest, case_only) {
                (Some(c), true) => Some(format!("the text has it with different case: \"{c}\"")),
                (Some(c), false) => Some(format!("the closest passage is: \"{c}\"")),
                (None, _) => Some("copy the quote from the article's .txt file".into()),
            },
            ReadError::MissingAnnotation { stem } => Some(format!(
                "create articles/{stem}.toml (`levelmap extract articles/{stem}.txt` drafts one)"
            )),
            ReadError::MissingText { stem } => Some(format!(
                "save the article's text as articles/{stem}.txt, or remove the .toml"
            )),
            ReadError::NotUtf8 { .. } => {
                Some("convert the file to UTF-8 (e.g. `iconv -f latin1 -t utf-8`)".into())
            }
            ReadError::DuplicateId { .. } => Some("give each entry its own id".into()),
            ReadError::NotAFile { .. } => Some(
                "the corpus reads only regular files: put the file itself in its place".into(),
            ),
            ReadError::TooLarge { .. } => Some(
                "one article is rarely over a few hundred kB: split the file, or remove what is not the article".into(),
            ),
            ReadError::Symlink { .. } => Some(
                "the corpus then depends on a file outside it: copy the file in to keep it whole".into(),
            ),
            ReadError::BadDate { .. } => {
                Some("write the date as \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"".into())
            }
            ReadError::FutureDate { .. } => Some(
                "an article, its events and its people's roles are dated on or before the day it is checked: \
                 fix the year, or the inference that gave it"
                    .into(),
            ),
            ReadError::WrongEndpoints { .. } => {
                Some("check the edge kind and the direction (from, to) in graph/README.md".into())
            }
            ReadError::SelfLoop { .. } => {
                Some("an edge joins two different nodes: fix the id it goes to".into())
            }
            ReadError::BadConfidence { .. } => {
                Some("write the confidence as a number from 0 to 1, e.g. 0.8".into())
            }
            ReadError::FarDate { .. } => Some(
                "a mistyped year (0202 for 2020) stretches the timeline and the yearly maps; \
                 if the date is right, ignore this warning"
                    .into(),
            ),
            ReadError::PlaceholderDate { .. } => Some(
                "set the article's [date] by hand (value, provenance, and the evidence it \
                 rests on); until then the timeline shows the article at this year"
                    .into(),
            ),
            ReadError::BadId { .. } => Some(
                "ids are kind:slug, e.g. actor:rachel-reeves (lowercase, digits, hyphens)".into(),
            ),
            _ => None,
        }
    }
}

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The corpus is refused.
    Error,
    /// Worth a look; the corpus is still used.
    Warning,
}

/// A position in a file (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Location {
    /// The file, as a path relative to the corpus' parent where possible.
    pub file: PathBuf,
    /// 1-based line, if known.
    pub line: Option<usize>,
    /// 1-based column (in characters), if known.
    pub col: Option<usize>,
    /// The text of that line.
    pub line_text: Option<String>,
}

impl Location {
    /// A location for a whole file.
    pub fn file(file: impl Into<PathBuf>) -> Self {
        Location {
            file: file.into(),
            ..Default::default()
        }
    }

    /// A location from a byte offset into `source`.
    pub fn at(file: impl Into<PathBuf>, source: &str, offset: usize) -> Self {
        let offset = offset.min(source.len());
        let before = &source[..floor_char_boundary(source, offset)];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before[line_start..].chars().count() + 1;
        let line_end = source[line_start..]
            .find('\n')
            .map_or(source.len(), |i| line_start + i);
        Location {
            file: file.into(),
            line: Some(line),
            col: Some(col),
            line_text: Some(
                source[line_start..line_end]
                    .trim_end_matches('\r')
                    .to_string(),
            ),
        }
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
            if let Some(c) = self.col {
                write!(f, ":{c}")?;
            }
        }
        Ok(())
    }
}

/// One problem found in the corpus, with where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Where.
    pub location: Location,
    /// What.
    pub error: ReadError,
}

impl Diagnostic {
    /// An error at a location.
    pub fn error(location: Location, error: ReadError) -> Self {
        Diagnostic {
            severity: Severity::Error,
            location,
            error,
        }
    }

    /// A warning at a location.
    pub fn warning(location: Location, error: ReadError) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            location,
            error,
        }
    }

    /// Whether this refuses the corpus.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    /// Renders like rustc: a headline, the location, the offending line, a help line;
    /// control characters and bidirectional overrides from the corpus made visible.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = String::new();
        self.render(&mut text)?;
        f.write_str(&levelmap_model::visible::visible(&text))
    }
}

impl Diagnostic {
    fn render(&self, f: &mut impl fmt::Write) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        writeln!(f, "{sev}[{}]: {}", self.error.code(), self.error)?;
        write!(f, "  --> {}", self.location)?;
        if let (Some(line), Some(text)) = (self.location.line, &self.location.line_text) {
            let w = line.to_string().len();
            write!(f, "\n{:w$} |\n{line} | {text}", "")?;
            if let Some(col) = self.location.col {
                write!(f, "\n{:w$} | {:>col$}", "", "^")?;
            }
        }
        if let Some(help) = self.error.help() {
            write!(f, "\n  = help: {help}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn location_from_offset_counts_characters() {
        let src = "a = 1\nspeaker = \"actor:réeves\"\n";
        let off = src.find("actor").unwrap();
        let loc = Location::at("x.toml", src, off);
        assert_eq!((loc.line, loc.col), (Some(2), Some(12)));
        assert_eq!(loc.line_text.as_deref(), Some("speaker = \"actor:réeves\""));
    }

    #[test]
    fn unknown_id_message_suggests() {
        let e = ReadError::UnknownId {
            id: "actor:rachel-reves".into(),
            expected: "actor".into(),
            suggestions: vec![("actor:rachel-reeves".into(), "Rachel Reeves".into())],
        };
        assert_eq!(e.to_string(), "unknown actor id 'actor:rachel-reves'");
        assert_eq!(
            e.help().unwrap(),
            "did you mean actor:rachel-reeves (Rachel Reeves)?"
        );
    }

    #[test]
    fn diagnostic_renders_line_and_caret() {
        let src = "title = \"x\"\nspeaker = \"actor:nobody\"\n";
        let d = Diagnostic::error(
            Location::at("a.toml", src, src.find("\"actor").unwrap()),
            ReadError::UnknownId {
                id: "actor:nobody".into(),
                expected: "actor".into(),
                suggestions: vec![],
            },
        );
        let s = d.to_string();
        assert!(
            s.starts_with(
                "error[unknown-id]: unknown actor id 'actor:nobody'\n  --> a.toml:2:11\n"
            ),
            "{s}"
        );
        assert!(s.contains("2 | speaker = \"actor:nobody\""), "{s}");
        assert!(s.contains("= help: add the actor to the lexicon"), "{s}");
    }
}
