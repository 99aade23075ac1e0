//! The time axis of the timeline: year and month labels and ticks over the plot,
//! the year labels again under the lanes.

use levelmap_model::date::{civil_from_days, days_from_civil};

use super::{AxisLayout, Builder, Scale};
use crate::dates::{year_start, MONTHS};
use crate::views::model::Timeline;
use crate::views::page::{width_of, BoxKind, Line, Rect};

/// The years the axis spans, and every how many years a label fits.
pub(super) struct Years {
    /// First year of the domain.
    first: i64,
    /// Last year of the domain (that of its end).
    last: i64,
    /// A year label every `step` years (1 when 60 px hold a year).
    step: i64,
}

impl Years {
    /// The years of `tl`'s domain on `scale`.
    pub(super) fn of(tl: &Timeline, scale: &Scale) -> Years {
        let (first, _, _) = civil_from_days(tl.domain.0);
        let (last, _, _) = civil_from_days(tl.domain.1);
        let step = if scale.px_per_day() * 365.0 >= 60.0 {
            1
        } else {
            ((60.0 / (scale.px_per_day() * 365.0)).ceil() as i64).max(1)
        };
        Years { first, last, step }
    }
}

impl Builder<'_> {
    /// The axis whose labels start at `axis_top`: year ticks and labels (at the
    /// year's start, or at the axis start for a partial first year, where they fit),
    /// month ticks, and month names as wide as the scale allows.
    pub(super) fn axis(&mut self, axis_top: f64, years: &Years) -> AxisLayout {
        let tl = self.tl;
        let (scale, px1) = (self.frame.scale, self.frame.px1);
        let line_y = axis_top + 36.0;
        let mut axis = AxisLayout {
            line_y,
            ..Default::default()
        };
        let ppm = scale.px_per_day() * 30.44;
        let month_fmt = |m: usize| -> Option<String> {
            if ppm >= 30.0 {
                Some(MONTHS[m].to_string())
            } else if ppm >= 11.0 {
                MONTHS[m].get(..1).map(str::to_string)
            } else {
                None
            }
        };
        for yr in years.first..=years.last {
            let ys = year_start(yr);
            if ys >= tl.domain.0 && ys < tl.domain.1 {
                axis.year_ticks.push(scale.x(ys as f64));
            }
            // Year label at the year's start, or at the axis start for a partial first year.
            let lx = scale.x(ys.max(tl.domain.0) as f64) + 3.0;
            let next = scale.x(year_start(yr + 1).min(tl.domain.1) as f64);
            let label = yr.to_string();
            let lw = width_of(&label, "year");
            if (yr - years.first) % years.step == 0
                && lx + lw <= px1
                && (ys >= tl.domain.0 || next - lx >= lw + 4.0)
            {
                let rect = Rect {
                    x: lx,
                    y: axis_top,
                    w: lw,
                    h: 15.0,
                };
                if !self
                    .boxes
                    .iter()
                    .any(|b| b.kind == BoxKind::Axis && b.rect.overlaps(&rect))
                {
                    self.push_box(&format!("year-{yr}"), BoxKind::Axis, rect);
                    axis.labels.push(Line {
                        text: label,
                        x: lx,
                        y: axis_top + 12.0,
                        class: "year",
                        end: false,
                    });
                }
            }
            for m in 1..=12u8 {
                let ms = days_from_civil(yr.clamp(1, 9999) as i16, m, 1);
                let me = if m == 12 {
                    year_start(yr + 1)
                } else {
                    days_from_civil(yr.clamp(1, 9999) as i16, m + 1, 1)
                };
                if ms < tl.domain.0 || ms >= tl.domain.1 {
                    continue;
                }
                axis.month_ticks.push(scale.x(ms as f64));
                if let Some(t) = month_fmt(usize::from(m - 1)) {
                    let cx = scale.x((ms + me) as f64 / 2.0);
                    let w = width_of(&t, "month");
                    let rect = Rect {
                        x: cx - w / 2.0,
                        y: axis_top + 17.0,
                        w,
                        h: 11.0,
                    };
                    if rect.right() <= px1 {
                        self.push_box(&format!("month-{yr}-{m:02}"), BoxKind::Axis, rect);
                        axis.labels.push(Line {
                            text: t,
                            x: cx - w / 2.0,
                            y: axis_top + 26.0,
                            class: "month",
                            end: false,
                        });
                    }
                }
            }
        }
        axis
    }

    /// The year labels again, under the lanes (which end at `lanes_bottom`).
    pub(super) fn bottom_axis(&mut self, axis: &mut AxisLayout, lanes_bottom: f64, years: &Years) {
        let tl = self.tl;
        let scale = self.frame.scale;
        axis.bottom_y = lanes_bottom;
        for yr in years.first..=years.last {
            let ys = year_start(yr);
            if ys < tl.domain.0 || ys >= tl.domain.1 || (yr - years.first) % years.step != 0 {
                continue;
            }
            let lx = scale.x(ys as f64) + 3.0;
            let label = yr.to_string();
            let lw = width_of(&label, "year");
            if lx + lw <= self.frame.px1 {
                self.push_box(
                    &format!("year-bottom-{yr}"),
                    BoxKind::Axis,
                    Rect {
                        x: lx,
                        y: lanes_bottom + 4.0,
                        w: lw,
                        h: 15.0,
                    },
                );
                axis.labels.push(Line {
                    text: label,
                    x: lx,
                    y: lanes_bottom + 16.0,
                    class: "year",
                    end: false,
                });
            }
        }
    }
}
