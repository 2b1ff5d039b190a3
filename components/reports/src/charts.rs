//! SVG charts drawn server-side with plotters' SVG backend: horizontal bars (by typology, by
//! customer, the aging histogram) and the monthly trend line. Every text plotters writes is
//! XML-escaped by it; the charts carry presentation attributes only (no `style`), so the
//! page's CSP holds. The exact figures are in the table under each chart: coordinates are
//! floats because pixels are, never the amounts shown.

use plotters::coord::ranged1d::SegmentValue;
use plotters::prelude::*;

/// One bar: its label, its length, the text written at its end.
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub text: String,
}

/// Drawn narrow with large text: the page scales charts to their box, and a 375-px screen
/// must still read the labels.
const WIDTH: u32 = 480;
const INK: RGBColor = RGBColor(0x1d, 0x24, 0x33);
const ACCENT: RGBColor = RGBColor(0x1f, 0x5f, 0xbf);
const FONT: &str = "sans-serif";

/// Labels longer than this are cut with an ellipsis (the table has them whole).
fn short(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}

/// Makes the SVG an image with an accessible name, sized by the page's stylesheet.
fn accessible(svg: String, name: &str) -> String {
    let name = minijinja::HtmlEscape(name).to_string();
    svg.replacen(
        "<svg ",
        &format!("<svg role=\"img\" aria-label=\"{name}\" class=\"chart\" "),
        1,
    )
}

/// Horizontal bars, largest first as given.
pub fn bars(name: &str, bars: &[Bar]) -> String {
    let n = bars.len().max(1);
    let height = 24 + 40 * n as u32;
    let max = bars.iter().map(|b| b.value).fold(0.0_f64, f64::max);
    // Room after the longest bar for its value.
    let max = if max > 0.0 { max * 1.45 } else { 1.0 };
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        let _ = root.fill(&WHITE);
        let chart = ChartBuilder::on(&root)
            .margin(8)
            .x_label_area_size(0)
            .y_label_area_size(175)
            .build_cartesian_2d(0f64..max, (0..n as i32).into_segmented());
        if let Ok(mut chart) = chart {
            // The first bar on top: segment n - 1 is drawn highest.
            let labels: Vec<String> = bars.iter().rev().map(|b| short(&b.label, 16)).collect();
            let row = |i: usize| (n - 1 - i) as i32;
            let _ = chart
                .configure_mesh()
                .disable_x_mesh()
                .disable_y_mesh()
                .disable_x_axis()
                .y_labels(n)
                .y_label_style((FONT, 20).into_font().color(&INK))
                .y_label_formatter(&|v| match v {
                    SegmentValue::CenterOf(i) | SegmentValue::Exact(i) => {
                        labels.get(*i as usize).cloned().unwrap_or_default()
                    }
                    SegmentValue::Last => String::new(),
                })
                .draw();
            let _ = chart.draw_series(bars.iter().enumerate().map(|(i, b)| {
                let i = row(i);
                Rectangle::new(
                    [
                        (0.0, SegmentValue::Exact(i)),
                        (b.value, SegmentValue::Exact(i + 1)),
                    ],
                    ACCENT.filled(),
                )
            }));
            let _ = chart.draw_series(bars.iter().enumerate().map(|(i, b)| {
                Text::new(
                    format!(" {}", b.text),
                    (b.value, SegmentValue::CenterOf(row(i))),
                    (FONT, 18).into_font().color(&INK),
                )
            }));
        }
        let _ = root.present();
    }
    accessible(svg, name)
}

/// A line over labelled points (the monthly trend), with a dot on each.
pub fn line(name: &str, points: &[(String, f64)], y_label: &dyn Fn(f64) -> String) -> String {
    let n = points.len().max(1);
    let max = points.iter().map(|p| p.1).fold(0.0_f64, f64::max);
    let max = if max > 0.0 { max * 1.15 } else { 1.0 };
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, 280)).into_drawing_area();
        let _ = root.fill(&WHITE);
        let chart = ChartBuilder::on(&root)
            .margin(12)
            .margin_right(28)
            .x_label_area_size(40)
            .y_label_area_size(120)
            .build_cartesian_2d(0..(n as i32 - 1).max(1), 0f64..max);
        if let Ok(mut chart) = chart {
            let labels: Vec<String> = points.iter().map(|p| p.0.clone()).collect();
            let _ = chart
                .configure_mesh()
                .disable_x_mesh()
                .light_line_style(TRANSPARENT)
                .x_labels(n.min(6))
                .y_labels(5)
                .x_label_style((FONT, 17).into_font().color(&INK))
                .y_label_style((FONT, 17).into_font().color(&INK))
                .x_label_formatter(&|i| labels.get(*i as usize).cloned().unwrap_or_default())
                .y_label_formatter(&|v| y_label(*v))
                .draw();
            let _ = chart.draw_series(LineSeries::new(
                points.iter().enumerate().map(|(i, p)| (i as i32, p.1)),
                ACCENT.stroke_width(2),
            ));
            let _ = chart.draw_series(
                points
                    .iter()
                    .enumerate()
                    .map(|(i, p)| Circle::new((i as i32, p.1), 3, ACCENT.filled())),
            );
        }
        let _ = root.present();
    }
    accessible(svg, name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_escape_their_labels_and_name_the_image() {
        let svg = bars(
            "By customer <b>",
            &[Bar {
                label: "<script>alert(1)</script>".into(),
                value: 10.0,
                text: "10 €".into(),
            }],
        );
        assert!(svg.starts_with("<svg role=\"img\" aria-label=\"By customer &lt;b&gt;\""));
        assert!(!svg.contains("<script>"), "{svg}");
        assert!(svg.contains("&lt;script"), "{svg}");
        assert!(!svg.contains("style="));
        assert_eq!(
            svg.matches("<rect").count(),
            2,
            "background and one bar: {svg}"
        );
    }

    #[test]
    fn a_line_has_a_dot_per_point() {
        let pts: Vec<(String, f64)> = (1..=12)
            .map(|m| (format!("2026-{m:02}"), m as f64))
            .collect();
        let svg = line("Trend", &pts, &|v| format!("{v:.0}"));
        assert_eq!(svg.matches("<circle").count(), 12);
        assert!(svg.contains("2026-01"), "the first month is labelled");
    }
}
