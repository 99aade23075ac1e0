//! The labels pinned to their date on the axis: events packed upward above it,
//! article cards packed downward below it.

use super::pack::{pack_pinned, Pin};
use super::{Builder, CardPlace, EventPlace};
use crate::dates::human_date;
use crate::views::page::{shorten_in, stack, wrap_in, BoxKind, Rect, MARGIN};

impl Builder<'_> {
    /// The events, their labels packed upward from an axis under a band that starts
    /// at `top`; returns them and the y where the axis labels start.
    pub(super) fn events(&mut self, top: f64) -> (Vec<EventPlace>, f64) {
        let tl = self.tl;
        let (scale, gx, width) = (self.frame.scale, self.frame.gx, self.frame.width);
        let ev_pad = 5.0;
        let mut ev_pins = Vec::new();
        let mut ev_rows = Vec::new();
        for e in &tl.events {
            let mut rows: Vec<(String, &'static str)> = wrap_in(&e.name, "ev-name", 170.0, 2)
                .into_iter()
                .map(|l| (l, "ev-name"))
                .collect();
            rows.push((
                format!("{} · {}", human_date(&e.date), e.subkind),
                "ev-date",
            ));
            let (_, w, h) = stack(0.0, 0.0, &rows);
            ev_pins.push(Pin {
                anchor: scale.x(e.date.mid_days()),
                w: w + 2.0 * ev_pad,
                h: h + 2.0 * ev_pad,
            });
            ev_rows.push(rows);
        }
        let ev_place = pack_pinned(&ev_pins, gx, width - MARGIN, 4.0, 260.0);
        let band = ev_place
            .iter()
            .zip(&ev_pins)
            .map(|((_, d), p)| d + p.h)
            .fold(0.0, f64::max);
        let ev_base = top + band;
        let mut events = Vec::new();
        for (k, e) in tl.events.iter().enumerate() {
            let (l, d) = ev_place[k];
            let p = ev_pins[k];
            let rect = Rect {
                x: l,
                y: ev_base - d - p.h,
                w: p.w,
                h: p.h,
            };
            let (lines, _, _) = stack(l + ev_pad, rect.y + ev_pad, &ev_rows[k]);
            self.push_box(&e.id, BoxKind::Event, rect);
            events.push(EventPlace {
                item: k,
                x: p.anchor,
                span: (
                    scale.x(e.date.start_days() as f64),
                    scale.x(e.date.end_days() as f64),
                ),
                rect,
                lines,
            });
        }
        (events, ev_base + 8.0)
    }

    /// The article cards, packed downward under the axis line at `line_y`; returns
    /// them and the y where the lanes start.
    pub(super) fn cards(&mut self, line_y: f64) -> (Vec<CardPlace>, f64) {
        let tl = self.tl;
        let (scale, gx, width) = (self.frame.scale, self.frame.gx, self.frame.width);
        let card_pad = 7.0;
        let card_base = line_y + 16.0;
        let mut card_pins = Vec::new();
        let mut card_rows = Vec::new();
        for a in &tl.articles {
            let mut rows: Vec<(String, &'static str)> = wrap_in(&a.title, "card-title", 230.0, 3)
                .into_iter()
                .map(|l| (l, "card-title"))
                .collect();
            if let Some(o) = &a.outlet {
                rows.push((shorten_in(o, "card-meta", 230.0), "card-meta"));
            }
            if !a.authors.is_empty() {
                rows.push((
                    shorten_in(&format!("By {}", a.authors.join(", ")), "card-meta", 230.0),
                    "card-meta",
                ));
            }
            let mut date = human_date(&a.date);
            if a.inferred {
                date.push_str(" (inferred)");
            }
            date.push_str(&format!(
                " · {} claim{}",
                a.claims,
                if a.claims == 1 { "" } else { "s" }
            ));
            if a.new {
                date.push_str(" · NEW");
            }
            rows.push((shorten_in(&date, "card-meta", 230.0), "card-meta"));
            let (_, w, h) = stack(0.0, 0.0, &rows);
            card_pins.push(Pin {
                anchor: scale.x(a.date.mid_days()),
                w: w + 2.0 * card_pad,
                h: h + 2.0 * card_pad - 2.0,
            });
            card_rows.push(rows);
        }
        let card_place = pack_pinned(&card_pins, gx, width - MARGIN, 8.0, 300.0);
        let mut cards = Vec::new();
        let mut bottom = card_base;
        for (k, a) in tl.articles.iter().enumerate() {
            let (l, d) = card_place[k];
            let p = card_pins[k];
            let rect = Rect {
                x: l,
                y: card_base + d,
                w: p.w,
                h: p.h,
            };
            let (lines, _, _) = stack(l + card_pad, rect.y + card_pad - 1.0, &card_rows[k]);
            self.push_box(&a.id, BoxKind::Article, rect);
            bottom = bottom.max(rect.bottom());
            cards.push(CardPlace {
                item: k,
                x: p.anchor,
                span: (
                    scale.x(a.date.start_days() as f64),
                    scale.x(a.date.end_days() as f64),
                ),
                rect,
                lines,
            });
        }
        (cards, bottom + 20.0)
    }
}
