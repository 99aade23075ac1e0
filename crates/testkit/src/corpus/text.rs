//! The words a synthetic corpus is written with (names, verbs, filler sentences,
//! month names), how they are put together (syllable names, capitals, TOML strings)
//! and how articles are spread over the calendar.

/// First names of people.
pub(super) const FIRST: &[&str] = &[
    "Alice", "Bilal", "Carys", "Dev", "Eilidh", "Femi", "Grace", "Hamza", "Isla", "Jonah", "Kiran",
    "Lena", "Mared", "Niall", "Oona", "Priya", "Quentin", "Rhian", "Samir", "Tess", "Umar", "Vera",
    "Wyn", "Yusuf", "Zara",
];
/// Syllables of made-up names.
const SYLL: &[&str] = &[
    "bar", "den", "fil", "gor", "hal", "kem", "lor", "mid", "nor", "pel", "ros", "tan", "vel",
    "wic", "yar", "zen",
];
/// Kinds of organisation.
pub(super) const ORG: &[&str] = &[
    "Institute",
    "Foundation",
    "Trust",
    "Centre",
    "Council",
    "Commission",
    "Network",
    "Forum",
];
/// Kinds of policy.
pub(super) const POLICY: &[&str] = &[
    "Fund",
    "Programme",
    "Strategy",
    "Deal",
    "Plan",
    "Guarantee",
    "Agenda",
    "Partnership",
];
/// Topics of policies and articles.
pub(super) const TOPIC: &[&str] = &[
    "skills",
    "transport",
    "housing",
    "productivity",
    "health",
    "devolution",
    "investment",
    "research",
    "towns",
    "high streets",
    "energy",
    "jobs",
    "schools",
    "broadband",
    "regeneration",
    "pride in place",
];
/// What a claim for a policy says of it.
pub(super) const VERB_FOR: &[&str] = &[
    "will raise productivity in the regions",
    "is the right way to close the gap between places",
    "gives local leaders the powers they need",
    "should be extended to every combined authority",
    "has already improved skills and jobs",
];
/// What a claim against a policy says of it.
pub(super) const VERB_AGAINST: &[&str] = &[
    "has failed to reach the places that need it most",
    "is a slogan without a plan",
    "was undermined by competitive bidding",
    "spreads money too thinly to matter",
    "ignores the scale of regional inequality",
];
/// What a mixed claim says of a policy.
pub(super) const VERB_MIXED: &[&str] = &[
    "has promise but lacks long-term funding",
    "is welcome yet far too centralised",
    "could work if councils had more capacity",
];
/// What a neutral claim says of a policy.
pub(super) const VERB_NEUTRAL: &[&str] = &[
    "was announced alongside the spending review",
    "is run by the department for local government",
    "covers both towns and cities",
];
/// The text around the claims.
pub(super) const FILLER: &[&str] = &[
    "The gap between the most and least productive places in the country remains wide.",
    "Local leaders have repeatedly asked for longer funding settlements.",
    "Evidence from past programmes suggests that capacity matters as much as money.",
    "Many councils lack the staff to bid for competitive pots of funding.",
    "The debate about regional inequality is older than any one government.",
    "Spending per head on transport is far higher in the capital than in the North.",
    "A decade of austerity has left local services stretched.",
    "Skills policy has been reorganised many times since the 1980s.",
    "Business investment outside the South East has lagged for years.",
    "Metro mayors have become more visible since the pandemic.",
];
/// Month names, January first.
pub(super) const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A made-up name of at least `min` syllables, one for each base-16 digit of `i`.
pub(super) fn syllables(mut i: usize, min: usize) -> String {
    let mut s = String::new();
    let mut n = 0;
    while n < min || i > 0 {
        s.push_str(SYLL[i % SYLL.len()]);
        i /= SYLL.len();
        n += 1;
    }
    s
}

/// The string with its first letter in upper case.
pub(super) fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A TOML basic string.
pub(super) fn q(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Days in month `m` of year `y`.
fn days_in(y: i32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The date of article `i` of `n`: evenly spread over 2019-01 .. 2024-12, in
/// index order.
pub(super) fn date_from_index(i: usize, n: usize) -> (i32, u32, u32) {
    // Spread articles evenly over 2019-01 .. 2024-12 (72 months), in index order.
    let month = (i * 72) / n.max(1);
    let y = 2019 + (month / 12) as i32;
    let m = (month % 12) as u32 + 1;
    let within = (i * 72) % n.max(1);
    let d = 1 + ((within as u64 * u64::from(days_in(y, m))) / n.max(1) as u64) as u32;
    (y, m, d.min(days_in(y, m)))
}
