//! Text for people: aligned tables, headings and key-value blocks, with colour on a
//! terminal (none when piped or when `NO_COLOR` is set) and long text wrapped to the
//! terminal width (`COLUMNS` overrides it; 100 columns when not on a terminal).
//! Control characters and bidirectional overrides in the data are printed visibly
//! escaped (`levelmap_model::visible`): a label cannot drive the terminal.

use std::borrow::Cow;
use std::io::{self, IsTerminal, Write};

use anstyle::{AnsiColor, Color, Effects, Style};
use levelmap_model::visible::visible;
use levelmap_model::{NodeKind, Stance};
use unicode_width::UnicodeWidthStr;

/// How to print: with colour or not, and how wide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Term {
    /// Whether to colour.
    pub(crate) color: bool,
    /// Columns available.
    pub(crate) width: usize,
}

impl Term {
    /// Decide from the environment and standard output.
    pub(crate) fn detect() -> Self {
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
    pub(crate) fn paint(&self, text: &str, tone: Tone) -> String {
        let text = visible(text);
        let style = tone.style();
        if !self.color || style == Style::new() || text.is_empty() {
            return text.to_string();
        }
        format!("{}{text}{}", style.render(), style.render_reset())
    }

    /// A heading line.
    pub(crate) fn heading(&self, w: &mut dyn Write, text: &str) -> io::Result<()> {
        writeln!(w, "{}", self.paint(text, Tone::Heading))
    }

    /// `key  value` lines, keys aligned, values wrapped.
    pub(crate) fn pairs(&self, w: &mut dyn Write, pairs: &[(&str, String)]) -> io::Result<()> {
        let kw = pairs.iter().map(|(k, _)| k.width()).max().unwrap_or(0);
        let vw = self.width.saturating_sub(kw + 4).max(20);
        for (k, v) in pairs {
            for (n, line) in wrap(&visible(v), vw).iter().enumerate() {
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
pub(crate) enum Tone {
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
pub(crate) struct Cell<'a> {
    /// The text (may hold newlines); borrowed from the answer where it can be.
    /// Private: every cell is made by [`Cell::plain`] or [`Cell::tone`], which show
    /// control characters visibly ([`visible`]); a raw label once bypassed them.
    text: Cow<'a, str>,
    /// How to colour it.
    pub(crate) tone: Tone,
}

impl<'a> Cell<'a> {
    /// A plain cell.
    pub(crate) fn plain(text: impl Into<Cow<'a, str>>) -> Self {
        Cell {
            text: shown(text.into()),
            tone: Tone::Plain,
        }
    }

    /// A coloured cell.
    pub(crate) fn tone(text: impl Into<Cow<'a, str>>, tone: Tone) -> Self {
        Cell {
            text: shown(text.into()),
            tone,
        }
    }

    /// Add a line under its text, shown as the constructors show text.
    pub(crate) fn push_line(&mut self, line: &str) {
        let text = self.text.to_mut();
        text.push('\n');
        text.push_str(&visible(line));
    }

    /// The display width of its widest line.
    fn width(&self) -> usize {
        self.text.split('\n').map(width).max().unwrap_or(0)
    }
}

/// A cell's text as printed: control characters visibly escaped; still borrowed when
/// there is none.
fn shown(text: Cow<'_, str>) -> Cow<'_, str> {
    match visible(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(escaped) => Cow::Owned(escaped),
    }
}

impl From<String> for Cell<'_> {
    fn from(s: String) -> Self {
        Cell::plain(s)
    }
}

impl<'a> From<&'a str> for Cell<'a> {
    fn from(s: &'a str) -> Self {
        Cell::plain(s)
    }
}

/// A column: its header, and whether its text may wrap (else it keeps its width).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Column {
    /// Header.
    pub(crate) header: &'static str,
    /// Wraps when the table is too wide.
    pub(crate) wrap: bool,
}

/// A fixed-width column.
pub(crate) fn fixed(header: &'static str) -> Column {
    Column {
        header,
        wrap: false,
    }
}

/// A column whose text wraps.
pub(crate) fn wrapping(header: &'static str) -> Column {
    Column { header, wrap: true }
}

/// An aligned table.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Table<'a> {
    /// Columns.
    pub(crate) columns: Vec<Column>,
    /// Rows, each with one cell per column.
    pub(crate) rows: Vec<Vec<Cell<'a>>>,
}

const GAP: usize = 2;
/// Wrapping columns are not squeezed below this, unless the terminal is narrower still.
const MIN_WRAP: usize = 16;
/// The narrowest a wrapping column ever gets.
const MIN_SQUEEZED: usize = 6;
/// Rows laid out together on one core.
const BLOCK: usize = 256;

/// Wrap text to `width` columns, greedily (words longer than that are broken).
/// Lines that fit are borrowed, not copied.
pub(crate) fn wrap(text: &str, width: usize) -> Vec<Cow<'_, str>> {
    let mut out = Vec::new();
    for line in text.split('\n') {
        if self::width(line) <= width {
            out.push(Cow::Borrowed(line));
        } else if line.contains('\x1b') {
            // textwrap measures around escape sequences.
            let opts = textwrap::Options::new(width.max(1))
                .break_words(true)
                .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
            out.extend(textwrap::wrap(line, opts));
        } else {
            wrap_line(line, width.max(1), &mut out);
        }
    }
    out
}

/// The display width of a line of text: its length when it is printable ASCII (most
/// text, measured without looking characters up), else as unicode-width measures it.
pub(crate) fn width(text: &str) -> usize {
    if text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        text.len()
    } else {
        text.width()
    }
}

/// The display width of a character, as textwrap counts it.
fn char_width(c: char) -> usize {
    if (' '..='~').contains(&c) {
        1
    } else {
        unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
    }
}

/// One line too wide for `width`, wrapped as textwrap wraps it (first fit; words are
/// runs of non-spaces with the spaces after them, split after a hyphen between two
/// letters or digits, and broken when still wider than a line), but borrowing every
/// line and allocating nothing else: a long table wraps hundreds of thousands of these.
fn wrap_line<'a>(line: &'a str, width: usize, out: &mut Vec<Cow<'a, str>>) {
    // The current output line: where it starts, how wide it is so far (with the spaces
    // after its last fragment), whether it holds a fragment, where its last word ends.
    let (mut start, mut used, mut any, mut end) = (0usize, 0usize, false, 0usize);
    let mut place = |from: usize, to: usize, w: usize, spaces: usize| {
        if any && used + w > width {
            out.push(Cow::Borrowed(&line[start..end]));
            (start, used) = (from, 0);
        }
        used += w + spaces;
        any = true;
        end = to;
    };
    let bytes = line.as_bytes();
    let mut at = 0;
    while at < line.len() {
        // A word and the spaces after it (leading spaces make an empty word).
        let word_end = line[at..].find(' ').map_or(line.len(), |k| at + k);
        let mut next = word_end;
        while next < line.len() && bytes[next] == b' ' {
            next += 1;
        }
        let spaces = next - word_end;
        // Its fragments: split after each hyphen between two alphanumerics.
        let word = &line[at..word_end];
        let mut from = at;
        let mut cuts = word.match_indices('-').filter_map(|(k, _)| {
            let before = word[..k].chars().next_back();
            let after = word[k + 1..].chars().next();
            (before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric))
                .then_some(at + k + 1)
        });
        loop {
            let (to, last) = match cuts.next() {
                Some(cut) => (cut, false),
                None => (word_end, true),
            };
            let gap = if last { spaces } else { 0 };
            // A fragment wider than a line is broken into pieces that fit.
            let mut w = 0;
            let mut piece = from;
            for (k, c) in line[from..to].char_indices() {
                let cw = char_width(c);
                if w > 0 && w + cw > width {
                    place(piece, from + k, w, 0);
                    piece = from + k;
                    w = 0;
                }
                w += cw;
            }
            place(piece, to, w, gap);
            from = to;
            if last {
                break;
            }
        }
        at = next;
    }
    out.push(Cow::Borrowed(&line[start..end]));
}

/// Where a table's rows come from: kept in the table, or made on demand.
trait Rows: Sync {
    /// How many.
    fn count(&self) -> usize;
    /// Call `f` with row `i`.
    fn with_row<R>(&self, i: usize, f: impl FnOnce(&[Cell]) -> R) -> R;
}

impl Rows for [Vec<Cell<'_>>] {
    fn count(&self) -> usize {
        self.len()
    }

    fn with_row<R>(&self, i: usize, f: impl FnOnce(&[Cell]) -> R) -> R {
        f(&self[i])
    }
}

/// Rows made when they are needed and dropped at once: a long answer's table (tens of
/// thousands of rows) is never held in memory, only its laid-out text, a block at a
/// time.
struct Made<F> {
    count: usize,
    make: F,
}

impl<'a, F: Fn(usize) -> Vec<Cell<'a>> + Sync> Rows for Made<F> {
    fn count(&self) -> usize {
        self.count
    }

    fn with_row<R>(&self, i: usize, f: impl FnOnce(&[Cell]) -> R) -> R {
        f(&(self.make)(i))
    }
}

impl<'a> Table<'a> {
    /// A table with these columns.
    pub(crate) fn new(columns: Vec<Column>) -> Self {
        Table {
            columns,
            rows: Vec::new(),
        }
    }

    /// Add a row.
    pub(crate) fn row(&mut self, cells: Vec<Cell<'a>>) {
        debug_assert_eq!(cells.len(), self.columns.len());
        self.rows.push(cells);
    }

    /// Print the table.
    pub(crate) fn print(&self, term: &Term, w: &mut dyn Write) -> io::Result<()> {
        print_rows(&self.columns, self.rows.as_slice(), term, w)
    }
}

/// Print a table of `count` rows, with row `i` made by `make(i)` when it is needed
/// (twice: once to measure it, once to lay it out), so that a long answer's rows are
/// never all held at once. Prints what [`Table::print`] prints for the same rows.
pub(crate) fn print_made<'a>(
    columns: &[Column],
    count: usize,
    make: impl Fn(usize) -> Vec<Cell<'a>> + Sync,
    term: &Term,
    w: &mut dyn Write,
) -> io::Result<()> {
    print_rows(columns, &Made { count, make }, term, w)
}

/// The widest line of each column, its header included: on all cores for a long table.
fn natural_widths<R: Rows + ?Sized>(columns: &[Column], rows: &R) -> Vec<usize> {
    use rayon::prelude::*;
    let header: Vec<usize> = columns.iter().map(|c| c.header.width()).collect();
    let widen = |mut acc: Vec<usize>, i: usize| {
        rows.with_row(i, |cells| {
            for (a, c) in acc.iter_mut().zip(cells) {
                *a = (*a).max(c.width());
            }
        });
        acc
    };
    let max = |a: Vec<usize>, b: Vec<usize>| a.iter().zip(&b).map(|(x, y)| *x.max(y)).collect();
    if rows.count() <= BLOCK {
        (0..rows.count()).fold(header, widen)
    } else {
        (0..rows.count())
            .into_par_iter()
            .with_min_len(BLOCK)
            .fold(|| header.clone(), widen)
            .reduce(|| header.clone(), max)
    }
}

/// The width of each column, fitted to `width` by narrowing the wrapping columns.
fn fit(columns: &[Column], natural: Vec<usize>, width: usize) -> Vec<usize> {
    let total: usize = natural.iter().sum::<usize>() + GAP * natural.len().saturating_sub(1);
    if total <= width {
        return natural;
    }
    // Fixed columns keep their width; the wrapping ones share the rest: narrow ones
    // get all they need, and what is left goes to the wide ones in proportion to
    // their natural width (a long quote gets more room than a name).
    let fixed: usize = columns
        .iter()
        .zip(&natural)
        .filter(|(c, _)| !c.wrap)
        .map(|(_, w)| w)
        .sum();
    let mut room = width.saturating_sub(fixed + GAP * natural.len().saturating_sub(1));
    let mut wrapping: Vec<usize> = (0..natural.len()).filter(|&c| columns[c].wrap).collect();
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

fn print_rows<R: Rows + ?Sized>(
    columns: &[Column],
    rows: &R,
    term: &Term,
    w: &mut dyn Write,
) -> io::Result<()> {
    if rows.count() == 0 {
        return Ok(());
    }
    let widths = fit(columns, natural_widths(columns, rows), term.width);
    let last = columns.len() - 1;
    let mut out = String::new();
    let header: Vec<Cell> = columns
        .iter()
        .map(|c| Cell::tone(c.header, Tone::Strong))
        .collect();
    layout_row(term, &mut out, &header, &widths, last);
    if !term.color {
        let rule: Vec<Cell> = widths.iter().map(|&n| Cell::plain("-".repeat(n))).collect();
        layout_row(term, &mut out, &rule, &widths, last);
    }
    if rows.count() <= BLOCK {
        // Not worth starting threads for.
        for i in 0..rows.count() {
            rows.with_row(i, |r| layout_row(term, &mut out, r, &widths, last));
        }
        return w.write_all(out.as_bytes());
    }
    w.write_all(out.as_bytes())?;
    // Wrapping is most of the work on a long answer: lay out blocks of rows on all
    // cores, sixteen at a time, each into a buffer of its own that is kept for the
    // next sixteen (fresh memory is slow to come by, and a block's text is about the
    // same size from one round to the next), and write them in order.
    use rayon::prelude::*;
    const ROUND: usize = 16;
    let line: usize = widths.iter().sum::<usize>() + GAP * widths.len() + 1;
    let mut buffers: Vec<String> = (0..ROUND)
        .map(|_| String::with_capacity(BLOCK * line * 2))
        .collect();
    let count = rows.count();
    for start in (0..count).step_by(BLOCK * ROUND) {
        buffers.par_iter_mut().enumerate().for_each(|(b, out)| {
            out.clear();
            let from = (start + b * BLOCK).min(count);
            for i in from..(from + BLOCK).min(count) {
                rows.with_row(i, |r| layout_row(term, out, r, &widths, last));
            }
        });
        for t in &buffers {
            w.write_all(t.as_bytes())?;
        }
    }
    Ok(())
}

/// A row's lines, each ending in a newline, appended to `out`.
fn layout_row(term: &Term, buf: &mut String, cells: &[Cell], widths: &[usize], last: usize) {
    let lines: Vec<Vec<Cow<'_, str>>> = cells
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
                let pad = widths[c] - width(text).min(widths[c]) + GAP;
                buf.extend(std::iter::repeat_n(' ', pad));
            }
        }
        buf.push('\n');
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

    /// textwrap's wrapping with the options `wrap` used to pass it.
    fn textwrap_lines(line: &str, width: usize) -> Vec<String> {
        let opts = textwrap::Options::new(width)
            .break_words(true)
            .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
        textwrap::wrap(line, opts)
            .into_iter()
            .map(|c| c.into_owned())
            .collect()
    }

    #[test]
    fn wraps_lines_exactly_as_textwrap_does() {
        // Pieces that exercise every rule: spaces (leading, repeated, trailing),
        // hyphens between letters and not, words longer than a line, wide and
        // zero-width characters, quotes and punctuation.
        let pieces = [
            "the",
            "Levelling",
            "up",
            "-",
            "well-being",
            "--flag",
            "a-",
            "-b",
            "x-y-z",
            "Sheffield’s",
            "“quoted”",
            "日本語",
            "e\u{301}",
            "supercalifragilistic",
            "2021-09-14",
            "&",
            "<b>",
            "\\",
            "",
            "  ",
            "é",
            "🙂",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for case in 0..3000 {
            let words = 1 + next(14);
            let mut line = String::new();
            for _ in 0..words {
                line.push_str(pieces[next(pieces.len())]);
                line.push_str(&" ".repeat(next(3)));
            }
            if case % 5 == 0 {
                line.insert_str(0, "  ");
            }
            for width in [1, 2, 3, 5, 8, 13, 21, 40] {
                if line.width() <= width {
                    continue;
                }
                let ours: Vec<String> = wrap(&line, width)
                    .into_iter()
                    .map(|c| c.into_owned())
                    .collect();
                assert_eq!(ours, textwrap_lines(&line, width), "{line:?} at {width}");
            }
        }
    }

    #[test]
    fn ascii_widths_are_what_unicode_width_says() {
        for t in [
            "",
            "plain words",
            "~!@#$%^&*()_+{}|:<>?",
            "tab\there",
            "日本",
            "é e\u{301}",
        ] {
            assert_eq!(width(t), t.width(), "{t:?}");
        }
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
