//! Dates for people, shared by every drawing: month names, "8 Jul 2024"-style labels,
//! and the first day of a year on the day axis.

use levelmap_model::date::{days_from_civil, PartialDate};

/// Month names for labels.
pub(crate) const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A date for people: "2020", "Sep 2020", "8 Jul 2024".
pub(crate) fn human_date(d: &PartialDate) -> String {
    let m = d
        .month_num()
        .map(|m| MONTHS[usize::from(m.clamp(1, 12)) - 1]);
    match (d.day_num(), m) {
        (Some(day), Some(m)) => format!("{day} {m} {}", d.year_num()),
        (None, Some(m)) => format!("{m} {}", d.year_num()),
        _ => d.year_num().to_string(),
    }
}

/// Days since 1970-01-01 of 1 January of year `y` (clamped to years 1..=9999).
pub(crate) fn year_start(y: i64) -> i64 {
    days_from_civil(y.clamp(1, 9999) as i16, 1, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn human_dates() {
        let d = |s: &str| human_date(&PartialDate::parse(s).unwrap());
        assert_eq!(d("2020"), "2020");
        assert_eq!(d("2020-09"), "Sep 2020");
        assert_eq!(d("2024-07-08"), "8 Jul 2024");
    }
}
