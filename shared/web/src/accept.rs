//! Content negotiation: which of the media types an endpoint offers an `Accept` header
//! prefers.

/// The offer `Accept` prefers: the highest `q` (absent means 1, `q=0` refuses), at equal
/// `q` an exact type over `type/*` over `*/*`, then the first listed. `offers` are
/// `(media type, value)` pairs; several media types may give one value (aliases). `None`
/// when the header accepts none of them.
pub fn preferred<T: Copy>(accept: &str, offers: &[(&str, T)]) -> Option<T> {
    let mut best: Option<(u32, u8, T)> = None;
    for range in accept.split(',') {
        let mut bits = range.split(';');
        let media = bits.next().unwrap_or("").trim().to_ascii_lowercase();
        let q = bits
            .find_map(|b| b.trim().strip_prefix("q=").map(str::to_string))
            .map_or(Some(1000), |q| {
                q.trim()
                    .parse::<f32>()
                    .ok()
                    .map(|q| (q.clamp(0.0, 1.0) * 1000.0) as u32)
            })
            .unwrap_or(0);
        if q == 0 {
            continue;
        }
        // How specific the range is, and the first offer it matches.
        let (specific, found) = if media == "*/*" {
            (0, offers.first())
        } else if let Some(kind) = media.strip_suffix("/*") {
            let prefix = format!("{kind}/");
            (1, offers.iter().find(|(o, _)| o.starts_with(&prefix)))
        } else {
            (2, offers.iter().find(|(o, _)| *o == media))
        };
        if let Some((_, value)) = found
            && best.is_none_or(|(bq, bs, _)| (q, specific) > (bq, bs))
        {
            best = Some((q, specific, *value));
        }
    }
    best.map(|b| b.2)
}

#[cfg(test)]
mod tests {
    use super::*;

    const OFFERS: [(&str, char); 4] = [
        ("application/json", 'j'),
        ("application/problem+json", 'j'),
        ("text/csv", 'c'),
        ("text/html", 'h'),
    ];

    #[test]
    fn the_best_offer_wins() {
        assert_eq!(preferred("text/csv", &OFFERS), Some('c'));
        assert_eq!(
            preferred(
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                &OFFERS
            ),
            Some('h')
        );
        assert_eq!(
            preferred("application/json, text/csv;q=0.1", &OFFERS),
            Some('j')
        );
        assert_eq!(preferred("*/*", &OFFERS), Some('j'));
        assert_eq!(preferred("*/*, text/csv", &OFFERS), Some('c'));
        assert_eq!(preferred("text/*", &OFFERS), Some('c'));
        assert_eq!(preferred("application/xml", &OFFERS), None);
        assert_eq!(preferred("text/csv;q=0", &OFFERS), None);
        assert_eq!(preferred("TEXT/HTML", &OFFERS), Some('h'));
    }
}
