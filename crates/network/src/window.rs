//! Moving windows (`--window 12m --step 3m`): lengths in months or years, and the
//! windows over the statements' span. A statement falls in a window by its month; a
//! date known only to the year counts in its January (docs/networks.md).

use levelmap_model::date::PartialDate;

use crate::statements::Statement;
use crate::NetworkError;

/// A length of time in whole months, parsed from `12m`, `3m`, `1y`, `2y`.
pub fn parse_months(flag: &str, text: &str) -> Result<i64, NetworkError> {
    let bad = || NetworkError::BadLength {
        flag: flag.into(),
        text: text.into(),
    };
    let t = text.trim();
    let (num, unit) = t.split_at(t.len().saturating_sub(1));
    let n: i64 = num.parse().map_err(|_| bad())?;
    let months = match unit {
        "m" | "M" => n,
        "y" | "Y" => n.checked_mul(12).ok_or_else(bad)?,
        _ => return Err(bad()),
    };
    if !(1..=12 * 1000).contains(&months) {
        return Err(bad());
    }
    Ok(months)
}

/// A date's month as a running number (year × 12 + month − 1).
pub fn month_index(d: PartialDate) -> i64 {
    i64::from(d.year_num()) * 12 + i64::from(d.month_num().unwrap_or(1)) - 1
}

fn month_date(index: i64) -> PartialDate {
    let y = index.div_euclid(12) as i16;
    let m = index.rem_euclid(12) as u8 + 1;
    PartialDate::from_parts(y, Some(m), None).expect("a month in range")
}

/// The first and last month with a dated statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// First month (running number).
    pub first: i64,
    /// Last month (running number).
    pub last: i64,
}

impl Span {
    /// The span of the dated statements, if any.
    pub fn of(statements: &[Statement]) -> Option<Span> {
        let months = statements.iter().filter_map(|s| s.date).map(month_index);
        let (mut first, mut last) = (i64::MAX, i64::MIN);
        for m in months {
            first = first.min(m);
            last = last.max(m);
        }
        (first <= last).then_some(Span { first, last })
    }

    /// Its length in months, both ends included.
    pub fn months(&self) -> i64 {
        self.last - self.first + 1
    }

    /// "2020-09 to 2024-07".
    pub fn text(&self) -> String {
        format!(
            "from {} to {}",
            month_date(self.first),
            month_date(self.last)
        )
    }
}

/// One window: the months `[start, start + months)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// First month (running number).
    pub start: i64,
    /// Length in months.
    pub months: i64,
}

impl Window {
    /// The first month as a date.
    pub fn from(&self) -> PartialDate {
        month_date(self.start)
    }

    /// The last month (inclusive) as a date.
    pub fn to(&self) -> PartialDate {
        month_date(self.start + self.months - 1)
    }

    /// Whether a statement falls in it (undated ones never do).
    pub fn holds(&self, s: &Statement) -> bool {
        s.date
            .map(month_index)
            .is_some_and(|m| m >= self.start && m < self.start + self.months)
    }

    /// Its middle, in days since 1970-01-01 (for charts).
    pub fn mid_days(&self) -> f64 {
        (self.from().start_days() as f64 + self.to().end_days() as f64) / 2.0
    }
}

/// The windows of `months` moved by `step` months over the statements: the first
/// starts at the first statement's month; they go on while a window's last month is
/// before the last statement's month plus one step, so every month is in a window
/// when the step is no longer than the window. A window longer than the span is
/// refused (`window` is the flag's text, for the message).
pub fn windows(
    statements: &[Statement],
    months: i64,
    step: i64,
    window: &str,
) -> Result<Vec<Window>, NetworkError> {
    let span = Span::of(statements).ok_or_else(|| NetworkError::NoStatements {
        what: "with a date".into(),
        total: statements.len(),
        span: String::new(),
    })?;
    if months > span.months() {
        return Err(NetworkError::WindowTooLong {
            window: window.into(),
            first: month_date(span.first).to_string(),
            last: month_date(span.last).to_string(),
            months: span.months(),
        });
    }
    let mut out = Vec::new();
    let mut start = span.first;
    loop {
        out.push(Window { start, months });
        start += step;
        if start + months > span.last + step {
            break;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::statements::{statements, tests::small};

    #[test]
    fn lengths_parse_in_months_and_years_and_refuse_the_rest() {
        assert_eq!(parse_months("window", "12m"), Ok(12));
        assert_eq!(parse_months("window", "2y"), Ok(24));
        for bad in ["12", "m", "0m", "-3m", "12x", "1.5y", ""] {
            assert!(parse_months("window", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn windows_cover_the_span_and_a_too_long_window_is_refused() {
        let all = statements(&small()); // 2020-01 .. 2021-06: 18 months
        let w = windows(&all, 12, 3, "12m").unwrap();
        let starts: Vec<String> = w.iter().map(|w| w.from().to_string()).collect();
        assert_eq!(starts, ["2020-01", "2020-04", "2020-07"]);
        assert_eq!(w[2].to().to_string(), "2021-06");
        assert!(w.iter().any(|w| all
            .iter()
            .all(|s| !w.holds(s) || s.article.as_ref() == "a2")));
        assert!(matches!(
            windows(&all, 19, 1, "19m"),
            Err(NetworkError::WindowTooLong { months: 18, .. })
        ));
        assert_eq!(windows(&all, 18, 1, "18m").unwrap().len(), 1);
    }
}
