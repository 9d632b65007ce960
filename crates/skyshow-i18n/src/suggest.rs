//! "Did you mean": the name a user most likely meant, among the names that exist.
//!
//! Every place that refuses a name the user typed (a show-file key, colour, effect,
//! pattern, shape, mode, musical unit, cue, font family, command-line value) offers the
//! nearest valid one through [`nearest`] and words it with [`did_you_mean`].

use crate::{Message, msg};

/// The candidate `word` most likely meant, if one is close enough to be a slip rather than
/// another name: equal but for case, spaces, `-` and `_`; within a few edits (optimal
/// string alignment, so a swapped pair of letters is one edit: 1 for names up to 4
/// letters, 2 up to 8, 3 beyond); or a prefix of at least 3 letters either way (`grad` for
/// `gradient`). Ties go to the earlier candidate, so the answer is deterministic.
///
/// ```
/// use skyshow_i18n::nearest;
/// let colours = ["red", "green", "blue", "warm_white"];
/// assert_eq!(nearest("gren", colours), Some("green"));
/// assert_eq!(nearest("Warm White", colours), Some("warm_white"));
/// assert_eq!(nearest("violet", colours), None);
/// ```
pub fn nearest<'a, I>(word: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let w = normalise(word);
    let wn = w.chars().count();
    if wn == 0 {
        return None;
    }
    let mut best: Option<(f64, &'a str)> = None;
    for c in candidates {
        let n = normalise(c);
        let nn = n.chars().count();
        let score = if n == w {
            0.0
        } else {
            let d = strsim::osa_distance(&w, &n);
            let allowed = match wn.max(nn) {
                0..=4 => 1,
                5..=8 => 2,
                _ => 3,
            };
            let prefix = (wn >= 3 && n.starts_with(&w)) || (nn >= 3 && w.starts_with(&n));
            if d <= allowed && d < wn.min(nn).max(1) {
                d as f64
            } else if prefix {
                allowed as f64 + 0.5
            } else {
                continue;
            }
        };
        if best.is_none_or(|(s, _)| score < s) {
            best = Some((score, c));
        }
    }
    best.map(|(_, c)| c)
}

/// `did you mean `name`?`, for the nearest candidate to `word` ([`nearest`]), if any.
pub fn did_you_mean<'a, I>(word: &str, candidates: I) -> Option<Message>
where
    I: IntoIterator<Item = &'a str>,
{
    nearest(word, candidates).map(|name| msg!("did-you-mean", name = name))
}

/// `hint` preceded by `did you mean `name`?` when a candidate is near `word`.
pub fn hint_with_suggestion<'a, I>(word: &str, candidates: I, hint: Message) -> Message
where
    I: IntoIterator<Item = &'a str>,
{
    match nearest(word, candidates) {
        Some(name) => msg!("did-you-mean-then", name = name, hint = hint),
        None => hint,
    }
}

/// Lower case, with spaces and `-` read as `_`.
fn normalise(s: &str) -> String {
    s.trim()
        .chars()
        .map(|c| match c {
            ' ' | '-' => '_',
            c => c.to_lowercase().next().unwrap_or(c),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    #[test]
    fn slips_find_their_name_and_other_words_do_not() {
        let effects = ["pulse", "twinkle", "wave", "chase", "strobe", "fade"];
        assert_eq!(nearest("twinkel", effects), Some("twinkle"));
        assert_eq!(nearest("STROBE", effects), Some("strobe"));
        assert_eq!(nearest("wav", effects), Some("wave"));
        assert_eq!(nearest("sparkle", effects), None);
        assert_eq!(nearest("", effects), None);
        // Two letters are not a slip of another two-letter name.
        assert_eq!(nearest("xy", ["ab", "cd"]), None);
        let keys = ["width_m", "height_m", "count", "color", "gradient"];
        assert_eq!(nearest("colour", keys), Some("color"));
        assert_eq!(nearest("widht_m", keys), Some("width_m"));
        assert_eq!(nearest("grad", keys), Some("gradient"));
        assert_eq!(nearest("heigth_m", keys), Some("height_m"));
    }

    #[test]
    fn the_hint_names_the_suggestion_in_both_languages() {
        let m = did_you_mean("gren", ["red", "green"]).unwrap();
        assert_eq!(m.render(Lang::En), "did you mean `green`?");
        assert!(m.render(Lang::Zh).contains("`green`"));
        let h = hint_with_suggestion("gren", ["green"], Message::verbatim("use a name"));
        assert_eq!(h.render(Lang::En), "did you mean `green`? use a name");
        let none = hint_with_suggestion("violet", ["green"], Message::verbatim("use a name"));
        assert_eq!(none.render(Lang::En), "use a name");
    }
}
