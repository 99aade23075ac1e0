//! Text for people: aligned tables, headings and key-value blocks, with colour on a
//! terminal (none when piped or when `NO_COLOR` is set) and long text wrapped to the
//! terminal width (`COLUMNS` overrides it; 100 columns when not on a terminal).

use std::io::{self, IsTerminal, Write};

use anstyle::{AnsiColor, Color, Effects, Style};
use levelmap::model::{NodeKind, Stance};
use unicode_width::UnicodeWidthStr;

/// How to print: with colour or not, and how wide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    /// Whether to colour.
    pub color: bool,
    /// Columns available.
    pub width: usize,
}

impl Term {
    /// Decide from the environment and standard output.
    pub fn detect() -> Self {
        let tty = io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let force = std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0");
        let color = !no_color && (tty || force);
        let width = std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse::<usize>().ok())
            .filter(|&w| w >= 20)
            .or_else(|| {
                tty.then(|| terminal_size::terminal_size().map(|(w, _)| w.0 as usize))
                    .flatten()
            })
            .unwrap_or(100);
        Term {
            color,
            width: width.clamp(40, 400),
        }
    }

    /// `text` in `tone`, if colouring.
    pub fn paint(&self, text: &str, tone: Tone) -> String {
        let style = tone.style();
        if !self.color || style == Style::new() || text.is_empty() {
            return text.to_string();
        }
        format!("{}{text}{}", style.render(), style.render_reset())
    }

    /// A heading line.
    pub fn heading(&self, w: &mut dyn Write, text: &str) -> io::Result<()> {
        writeln!(w, "{}", self.paint(text, Tone::Heading))
    }

    /// `key  value` lines, keys aligned, values wrapped.
    pub fn pairs(&self, w: &mut dyn Write, pairs: &[(&str, String)]) -> io::Result<()> {
        let kw = pairs.iter().map(|(k, _)| k.width()).max().unwrap_or(0);
        let vw = self.width.saturating_sub(kw + 4).max(20);
        for (k, v) in pairs {
            for (n, line) in wrap(v, vw).iter().enumerate() {
                let key = if n == 0 { *k } else { "" };
                writeln!(
                    w,
                    "  {}{}  {line}",
                    self.paint(key, Tone::Dim),
                    " ".repeat(kw - key.width())
                )?;
            }
        }
        Ok(())
    }
}

/// What a piece of text means, for colouring.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tone {
    /// Nothing special.
    #[default]
    Plain,
    /// Less important (ids, counts, notes).
    Dim,
    /// A heading.
    Heading,
    /// Emphasis.
    Strong,
    /// A quote.
    Quote,
    /// A node of this kind.
    Kind(NodeKind),
    /// A stance.
    Stance(Stance),
    /// A change of stance, a warning.
    Alert,
}

impl Tone {
    fn style(self) -> Style {
        let fg = |c: AnsiColor| Style::new().fg_color(Some(Color::Ansi(c)));
        match self {
            Tone::Plain => Style::new(),
            Tone::Dim => Style::new().effects(Effects::DIMMED),
            Tone::Heading => Style::new().effects(Effects::BOLD | Effects::UNDERLINE),
            Tone::Strong => Style::new().effects(Effects::BOLD),
            Tone::Quote => fg(AnsiColor::Cyan),
            Tone::Kind(NodeKind::Actor) => fg(AnsiColor::Blue),
            Tone::Kind(NodeKind::Policy) => fg(AnsiColor::Magenta),
            Tone::Kind(NodeKind::Article) => fg(AnsiColor::Yellow),
            Tone::Kind(NodeKind::Event) => fg(AnsiColor::BrightYellow),
            Tone::Kind(NodeKind::Claim) => Style::new(),
            Tone::Stance(Stance::For) => fg(AnsiColor::Green),
            Tone::Stance(Stance::Against) => fg(AnsiColor::Red),
            Tone::Stance(Stance::Mixed) => fg(AnsiColor::Yellow),
            Tone::Stance(Stance::Neutral) => Style::new().effects(Effects::DIMMED),
            Tone::Alert => fg(AnsiColor::BrightRed).effects(Effects::BOLD),
        }
    }
}

/// A table cell.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cell {
    /// The text (may hold newlines).
    pub text: String,
    /// How to colour it.
    pub tone: Tone,
}

impl Cell {
    /// A plain cell.
    pub fn plain(text: impl Into<String>) -> Self {
        Cell {
            text: text.into(),
            tone: Tone::Plain,
        }
    }

    /// A coloured cell.
    pub fn tone(text: impl Into<String>, tone: Tone) -> Self {
        Cell {
            text: text.into(),
            tone,
        }
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Self {
        Cell::plain(s)
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Self {
        Cell::plain(s)
    }
}

/// A column: its header, and whether its text may wrap (else it keeps its width).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// Header.
    pub header: &'static str,
    /// Wraps when the table is too wide.
    pub wrap: bool,
}

/// A fixed-width column.
pub fn fixed(header: &'static str) -> Column {
    Column {
        header,
        wrap: false,
    }
}

/// A column whose text wraps.
pub fn wrapping(header: &'static str) -> Column {
    Column { header, wrap: true }
}

/// An aligned table.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    /// Columns.
    pub columns: Vec<Column>,
    /// Rows, each with one cell per column.
    pub rows: Vec<Vec<Cell>>,
}

const GAP: usize = 2;
/// Wrapping columns are not squeezed below this, unless the terminal is narrower still.
const MIN_WRAP: usize = 16;
/// The narrowest a wrapping column ever gets.
const MIN_SQUEEZED: usize = 6;

/// Wrap text to `width` columns, greedily (words longer than that are broken).
/// Lines that fit are borrowed, not copied.
pub fn wrap(text: &str, width: usize) -> Vec<std::borrow::Cow<'_, str>> {
    let mut out = Vec::new();
    for line in text.split('\n') {
        if line.width() <= width {
            out.push(std::borrow::Cow::Borrowed(line));
        } else {
            let opts = textwrap::Options::new(width.max(1))
                .break_words(true)
                .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
            out.extend(textwrap::wrap(line, opts));
        }
    }
    out
}

impl Table {
    /// A table with these columns.
    pub fn new(columns: Vec<Column>) -> Self {
        Table {
            columns,
            rows: Vec::new(),
        }
    }

    /// Add a row.
    pub fn row(&mut self, cells: Vec<Cell>) {
        debug_assert_eq!(cells.len(), self.columns.len());
        self.rows.push(cells);
    }

    /// The width of each column, fitted to `width` by narrowing the wrapping columns.
    fn widths(&self, width: usize) -> Vec<usize> {
        let natural: Vec<usize> = self
            .columns
            .iter()
            .enumerate()
            .map(|(c, col)| {
                let cells = self.rows.iter().map(|r| {
                    r[c].text
                        .split('\n')
                        .map(UnicodeWidthStr::width)
                        .max()
                        .unwrap_or(0)
                });
                cells.chain([col.header.width()]).max().unwrap_or(0)
            })
            .collect();
        let total: usize = natural.iter().sum::<usize>() + GAP * natural.len().saturating_sub(1);
        if total <= width {
            return natural;
        }
        // Fixed columns keep their width; the wrapping ones share the rest: narrow ones
        // get all they need, and what is left goes to the wide ones in proportion to
        // their natural width (a long quote gets more room than a name).
        let fixed: usize = self
            .columns
            .iter()
            .zip(&natural)
            .filter(|(c, _)| !c.wrap)
            .map(|(_, w)| w)
            .sum();
        let mut room = width.saturating_sub(fixed + GAP * natural.len().saturating_sub(1));
        let mut wrapping: Vec<usize> = (0..natural.len())
            .filter(|&c| self.columns[c].wrap)
            .collect();
        wrapping.sort_by_key(|&c| natural[c]);
        let mut widths = natural.clone();
        let floor = (room / wrapping.len().max(1)).clamp(MIN_SQUEEZED, MIN_WRAP);
        let mut rest: usize = wrapping.iter().map(|&c| natural[c]).sum();
        for (k, &c) in wrapping.iter().enumerate() {
            let fair = room * natural[c] / rest.max(1);
            if natural[c] <= fair {
                widths[c] = natural[c];
                room -= natural[c];
                rest -= natural[c];
                continue;
            }
            // Every wider column gets its proportional share.
            let (mut left, mut left_natural) = (room, rest);
            for &d in &wrapping[k..] {
                let share = (left * natural[d] / left_natural.max(1)).max(floor.min(natural[d]));
                widths[d] = share.min(natural[d]);
                left = left.saturating_sub(widths[d]);
                left_natural -= natural[d];
            }
            break;
        }
        widths
    }

    /// Print the table.
    pub fn print(&self, term: &Term, w: &mut dyn Write) -> io::Result<()> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let widths = self.widths(term.width);
        let last = self.columns.len() - 1;
        let header: Vec<Cell> = self
            .columns
            .iter()
            .map(|c| Cell::tone(c.header, Tone::Strong))
            .collect();
        self.print_row(term, w, &header, &widths, last)?;
        if !term.color {
            let rule: Vec<Cell> = widths.iter().map(|&n| Cell::plain("-".repeat(n))).collect();
            self.print_row(term, w, &rule, &widths, last)?;
        }
        // Wrapping is most of the work on a long answer (tens of thousands of rows):
        // lay out blocks of rows on all cores, and write them in order.
        use rayon::prelude::*;
        const BLOCK: usize = 256;
        if self.rows.len() <= BLOCK {
            // Not worth starting threads for.
            for r in &self.rows {
                self.print_row(term, w, r, &widths, last)?;
            }
            return Ok(());
        }
        for blocks in self.rows.chunks(BLOCK * 16) {
            let texts: Vec<String> = blocks
                .par_chunks(BLOCK)
                .map(|rows| {
                    // Room for about two lines a row, so the text is not copied as it grows.
                    let line: usize = widths.iter().sum::<usize>() + GAP * widths.len() + 1;
                    let mut out = String::with_capacity(rows.len() * line * 2);
                    for r in rows {
                        Self::layout_row(term, &mut out, r, &widths, last);
                    }
                    out
                })
                .collect();
            for t in texts {
                w.write_all(t.as_bytes())?;
            }
        }
        Ok(())
    }

    fn print_row(
        &self,
        term: &Term,
        w: &mut dyn Write,
        cells: &[Cell],
        widths: &[usize],
        last: usize,
    ) -> io::Result<()> {
        let mut out = String::new();
        Self::layout_row(term, &mut out, cells, widths, last);
        w.write_all(out.as_bytes())
    }

    /// A row's lines, each ending in a newline, appended to `out`.
    fn layout_row(term: &Term, buf: &mut String, cells: &[Cell], widths: &[usize], last: usize) {
        let lines: Vec<Vec<std::borrow::Cow<'_, str>>> = cells
            .iter()
            .zip(widths)
            .map(|(c, &n)| wrap(&c.text, n))
            .collect();
        let height = lines.iter().map(Vec::len).max().unwrap_or(1);
        for l in 0..height {
            // Trailing empty cells are not padded.
            let end = (0..=last)
                .rev()
                .find(|&c| lines[c].get(l).is_some_and(|s| !s.is_empty()))
                .unwrap_or(0);
            for c in 0..=end {
                let text = lines[c].get(l).map_or("", |s| s.as_ref());
                if term.color {
                    buf.push_str(&term.paint(text, cells[c].tone));
                } else {
                    buf.push_str(text);
                }
                if c < end {
                    let pad = widths[c] - text.width().min(widths[c]) + GAP;
                    buf.extend(std::iter::repeat_n(' ', pad));
                }
            }
            buf.push('\n');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(width: usize) -> Term {
        Term {
            color: false,
            width,
        }
    }

    fn render(t: &Table, term: Term) -> String {
        let mut out = Vec::new();
        t.print(&term, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn aligns_and_wraps_to_the_width() {
        let mut t = Table::new(vec![fixed("date"), wrapping("quote")]);
        t.row(vec!["2021-09".into(), "short".into()]);
        t.row(vec![
            "2021".into(),
            "a long quote that will not fit in a narrow terminal at all".into(),
        ]);
        let s = render(&t, plain(40));
        assert!(s.lines().all(|l| l.width() <= 40), "{s}");
        assert!(s.starts_with("date     quote\n-------  "), "{s}");
        assert!(s.contains("2021     a long quote"), "{s}");
        assert!(
            s.lines().all(|l| !l.ends_with(' ')),
            "no trailing spaces:\n{s}"
        );
        let narrow = Table {
            columns: vec![fixed("date"), wrapping("a"), wrapping("b"), wrapping("c")],
            rows: vec![vec![
                "2021-09-14".into(),
                "x ".repeat(30).into(),
                "y ".repeat(30).into(),
                "z ".repeat(30).into(),
            ]],
        };
        let s = render(&narrow, plain(44));
        assert!(s.lines().all(|l| l.width() <= 44), "{s}");
        let wide = render(&t, plain(200));
        assert_eq!(wide.lines().count(), 4);
    }

    #[test]
    fn colour_only_when_asked() {
        let mut t = Table::new(vec![fixed("stance")]);
        t.row(vec![Cell::tone("for", Tone::Stance(Stance::For))]);
        assert!(!render(&t, plain(80)).contains('\x1b'));
        let coloured = render(
            &t,
            Term {
                color: true,
                width: 80,
            },
        );
        assert!(coloured.contains("\x1b["), "{coloured:?}");
    }

    #[test]
    fn wide_characters_are_measured_by_display_width() {
        let mut t = Table::new(vec![fixed("a"), fixed("b")]);
        t.row(vec!["日本".into(), "x".into()]);
        t.row(vec!["ab".into(), "y".into()]);
        let s = render(&t, plain(80));
        let cols: Vec<usize> = s
            .lines()
            .skip(2)
            .map(|l| l.find(['x', 'y']).map(|i| l[..i].width()).unwrap())
            .collect();
        assert_eq!(cols[0], cols[1], "{s}");
    }
}
