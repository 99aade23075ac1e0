//! Dates with a precision: a year ("2021"), a month ("2021-09") or a day ("2021-09-14").
//!
//! No date crate models "2021" or "2021-09" as such, so this type does; `jiff` checks
//! that a day exists in its month.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// How much of a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// Only the year.
    Year,
    /// Year and month.
    Month,
    /// Year, month and day.
    Day,
}

impl Precision {
    /// The lowercase name used in files and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Year => "year",
            Precision::Month => "month",
            Precision::Day => "day",
        }
    }
}

/// A calendar date known to a year, a month or a day.
///
/// Dates order by their first possible day, and a less precise date sorts before a
/// more precise one that starts on the same day ("2021" < "2021-01" < "2021-01-01").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: i16,
    month: Option<u8>,
    day: Option<u8>,
}

/// Why a date string was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not of the form YYYY, YYYY-MM or YYYY-MM-DD.
    #[error("'{0}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (e.g. \"2021\", \"2021-09\", \"2021-09-14\")")]
    Malformed(String),
    /// Month outside 1..=12.
    #[error("'{0}' has no month {1}: months run from 01 to 12")]
    BadMonth(String, u32),
    /// Day that does not exist in its month.
    #[error("'{input}' is impossible: {year}-{month:02} has {days} days")]
    BadDay {
        /// The text given.
        input: String,
        /// Its year.
        year: i16,
        /// Its month.
        month: u8,
        /// Days in that month.
        days: u8,
    },
    /// Year outside 1..=9999.
    #[error("'{0}' has a year out of range (1 to 9999)")]
    BadYear(String),
}

impl PartialDate {
    /// A year-precision date.
    pub fn year(year: i16) -> Result<Self, DateError> {
        Self::parse(&format!("{year:04}"))
    }

    /// The date of these parts, if they make one: a year in 1..=9999, a month in
    /// 1..=12, a day in its month, and no day without a month.
    pub fn from_parts(year: i16, month: Option<u8>, day: Option<u8>) -> Option<Self> {
        let month_ok = month.is_none_or(|m| (1..=12).contains(&m));
        let day_ok = match (month, day) {
            (_, None) => true,
            (Some(m), Some(d)) => d >= 1 && d <= days_in_month(year, m),
            (None, Some(_)) => false,
        };
        ((1..=9999).contains(&year) && month_ok && day_ok).then_some(PartialDate {
            year,
            month,
            day,
        })
    }

    /// Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD".
    pub fn parse(s: &str) -> Result<Self, DateError> {
        let t = s.trim();
        let parts: Vec<&str> = t.split('-').collect();
        let num = |p: &str, len: usize| -> Result<u32, DateError> {
            if p.len() != len || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(DateError::Malformed(s.to_string()));
            }
            p.parse().map_err(|_| DateError::Malformed(s.to_string()))
        };
        if parts.is_empty() || parts.len() > 3 {
            return Err(DateError::Malformed(s.to_string()));
        }
        let year = num(parts[0], 4)?;
        if year == 0 {
            return Err(DateError::BadYear(s.to_string()));
        }
        let year = year as i16;
        let month = match parts.get(1) {
            None => None,
            Some(p) => {
                let m = num(p, 2)?;
                if !(1..=12).contains(&m) {
                    return Err(DateError::BadMonth(s.to_string(), m));
                }
                Some(m as u8)
            }
        };
        let day = match parts.get(2) {
            None => None,
            Some(p) => {
                let d = num(p, 2)?;
                let m = month.expect("a day implies a month");
                let days = days_in_month(year, m);
                if d == 0 || d > u32::from(days) {
                    return Err(DateError::BadDay {
                        input: s.to_string(),
                        year,
                        month: m,
                        days,
                    });
                }
                Some(d as u8)
            }
        };
        Ok(PartialDate { year, month, day })
    }

    /// How precise this date is.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (_, Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The year.
    pub fn year_num(&self) -> i16 {
        self.year
    }

    /// The month, if known.
    pub fn month_num(&self) -> Option<u8> {
        self.month
    }

    /// The day, if known.
    pub fn day_num(&self) -> Option<u8> {
        self.day
    }

    /// First possible day, as (year, month, day).
    pub(crate) fn first_day(&self) -> (i16, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// Last possible day, as (year, month, day).
    pub(crate) fn last_day(&self) -> (i16, u8, u8) {
        let m = self.month.unwrap_or(12);
        (
            self.year,
            m,
            self.day.unwrap_or_else(|| days_in_month(self.year, m)),
        )
    }

    /// Days since 1970-01-01 of the first possible day.
    pub fn start_days(&self) -> i64 {
        let (y, m, d) = self.first_day();
        days_from_civil(y, m, d)
    }

    /// Days since 1970-01-01 of the day after the last possible day (exclusive end).
    pub fn end_days(&self) -> i64 {
        let (y, m, d) = self.last_day();
        days_from_civil(y, m, d) + 1
    }

    /// Midpoint of the range, in days since 1970-01-01 (fractional).
    pub fn mid_days(&self) -> f64 {
        (self.start_days() as f64 + self.end_days() as f64) / 2.0
    }

    /// Whether the whole range of `self` could overlap `other`'s range.
    pub fn overlaps(&self, other: &PartialDate) -> bool {
        self.start_days() < other.end_days() && other.start_days() < self.end_days()
    }

    /// Whether `self` is within the range of `other` at `other`'s precision
    /// ("2021-09-14" is within "2021-09" and "2021").
    pub fn within(&self, other: &PartialDate) -> bool {
        self.start_days() >= other.start_days() && self.end_days() <= other.end_days()
    }

    /// Truncate to a coarser precision.
    pub fn truncate(&self, p: Precision) -> PartialDate {
        match p {
            Precision::Year => PartialDate {
                year: self.year,
                month: None,
                day: None,
            },
            Precision::Month => PartialDate {
                year: self.year,
                month: self.month,
                day: None,
            },
            Precision::Day => *self,
        }
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.first_day()
            .cmp(&other.first_day())
            .then(self.precision().cmp(&other.precision()))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialDate {
    /// Append the date as [`Display`](fmt::Display) writes it, without a formatter
    /// (the JSON of a dense network writes millions of them).
    pub fn push_to(&self, out: &mut Vec<u8>) {
        if !(0..=9999).contains(&self.year) {
            use std::io::Write;
            let _ = write!(out, "{self}");
            return;
        }
        let y = self.year as u16;
        out.extend_from_slice(&[
            b'0' + (y / 1000) as u8,
            b'0' + (y / 100 % 10) as u8,
            b'0' + (y / 10 % 10) as u8,
            b'0' + (y % 10) as u8,
        ]);
        for part in [self.month, self.day].into_iter().flatten() {
            out.extend_from_slice(&[b'-', b'0' + part / 10 % 10, b'0' + part % 10]);
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl FromStr for PartialDate {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PartialDate::parse(s)
    }
}

impl serde::Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        PartialDate::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// Today's date on this machine's clock (in its time zone), to the day: no date
/// written about the past can be after it.
pub fn today() -> PartialDate {
    let now = jiff::Zoned::now().date();
    PartialDate::from_parts(now.year(), Some(now.month() as u8), Some(now.day() as u8)).unwrap_or(
        PartialDate {
            year: 9999,
            month: Some(12),
            day: Some(31),
        },
    )
}

impl PartialDate {
    /// Whether all of this date comes after `today`: its first possible day is later
    /// ("2027" is after 2026-12-02; "2026" and "2026-12" are not).
    pub fn is_after(&self, today: PartialDate) -> bool {
        self.start_days() >= today.end_days()
    }
}

/// Days in a month, leap years included (checked with jiff).
pub(crate) fn days_in_month(year: i16, month: u8) -> u8 {
    jiff::civil::Date::new(year, month as i8, 1)
        .map(|d| d.days_in_month() as u8)
        .unwrap_or(31)
}

/// Days from 1970-01-01 to a civil date (proleptic Gregorian; Howard Hinnant's algorithm).
pub fn days_from_civil(y: i16, m: u8, d: u8) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date (year, month, day) of a day count since 1970-01-01; the inverse of
/// [`days_from_civil`] (Howard Hinnant's algorithm).
pub fn civil_from_days(days: i64) -> (i64, u8, u8) {
    let z = days + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_pushed_as_bytes_is_its_display() {
        let mut out = Vec::new();
        for year in [-32768i16, -1, 0, 7, 99, 999, 1000, 2021, 9999, 10000, 32767] {
            for month in [None, Some(1u8), Some(9), Some(12)] {
                for day in [None, Some(1u8), Some(9), Some(31)] {
                    if month.is_none() && day.is_some() {
                        continue;
                    }
                    let d = PartialDate { year, month, day };
                    out.clear();
                    d.push_to(&mut out);
                    assert_eq!(String::from_utf8(out.clone()).unwrap(), d.to_string());
                }
            }
        }
    }

    #[test]
    fn parses_three_precisions() {
        assert_eq!(
            PartialDate::parse("2021").unwrap().precision(),
            Precision::Year
        );
        assert_eq!(
            PartialDate::parse("2021-09").unwrap().precision(),
            Precision::Month
        );
        assert_eq!(
            PartialDate::parse("2021-09-14").unwrap().precision(),
            Precision::Day
        );
        assert_eq!(
            PartialDate::parse("2021-09").unwrap().to_string(),
            "2021-09"
        );
    }

    #[test]
    fn from_parts_accepts_what_parse_accepts_and_nothing_else() {
        for s in ["2021", "2021-09", "2024-02-29", "0001-01-01", "9999-12-31"] {
            let d = PartialDate::parse(s).unwrap();
            assert_eq!(
                PartialDate::from_parts(d.year_num(), d.month_num(), d.day_num()),
                Some(d)
            );
        }
        for (y, m, d) in [
            (2021, Some(2), Some(29)),
            (2021, Some(13), None),
            (2021, Some(0), None),
            (2021, None, Some(3)),
            (0, None, None),
            (10000, None, None),
            (2021, Some(4), Some(0)),
        ] {
            assert_eq!(PartialDate::from_parts(y, m, d), None, "{y} {m:?} {d:?}");
        }
    }

    #[test]
    fn refuses_impossible_dates() {
        let e = PartialDate::parse("2021-02-29").unwrap_err();
        assert_eq!(
            e.to_string(),
            "'2021-02-29' is impossible: 2021-02 has 28 days"
        );
        assert!(PartialDate::parse("2024-02-29").is_ok());
        assert_eq!(
            PartialDate::parse("2021-13").unwrap_err().to_string(),
            "'2021-13' has no month 13: months run from 01 to 12"
        );
        assert!(matches!(
            PartialDate::parse("Sept 2021"),
            Err(DateError::Malformed(_))
        ));
        assert!(matches!(
            PartialDate::parse("21-09"),
            Err(DateError::Malformed(_))
        ));
        assert!(matches!(
            PartialDate::parse("2021-9"),
            Err(DateError::Malformed(_))
        ));
    }

    #[test]
    fn orders_by_first_day_then_precision() {
        let mut v: Vec<PartialDate> = ["2021-09-14", "2021", "2020-12", "2021-01", "2021-01-01"]
            .iter()
            .map(|s| s.parse().unwrap())
            .collect();
        v.sort();
        let s: Vec<String> = v.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            s,
            ["2020-12", "2021", "2021-01", "2021-01-01", "2021-09-14"]
        );
    }

    #[test]
    fn ranges() {
        let d: PartialDate = "2024-07-08".parse().unwrap();
        let m: PartialDate = "2024-07".parse().unwrap();
        assert!(d.within(&m));
        assert!(!m.within(&d));
        assert_eq!(m.end_days() - m.start_days(), 31);
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11017);
    }

    #[test]
    fn a_date_is_after_today_only_when_all_of_it_is() {
        let today: PartialDate = "2026-12-02".parse().unwrap();
        for s in ["2027", "2026-12-03", "2999"] {
            assert!(s.parse::<PartialDate>().unwrap().is_after(today), "{s}");
        }
        for s in ["2026", "2026-12", "2026-12-02", "2019-03"] {
            assert!(!s.parse::<PartialDate>().unwrap().is_after(today), "{s}");
        }
        let now = super::today();
        assert!(!now.is_after(now) && "2999".parse::<PartialDate>().unwrap().is_after(now));
    }

    #[test]
    fn civil_from_days_inverts_days_from_civil() {
        for (y, m, d) in [
            (1970, 1, 1),
            (2000, 2, 29),
            (2024, 7, 8),
            (2019, 12, 31),
            (1969, 12, 31),
        ] {
            let n = days_from_civil(y, m, d);
            assert_eq!(civil_from_days(n), (i64::from(y), m, d));
        }
    }
}
