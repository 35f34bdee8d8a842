//! Text for people: measured, wrapped and cut by display width, never mid-character
//! (Korean, Chinese and emoji take two columns and stay whole), counted in words ("1 stage",
//! "3 moments: 1 pain, 2 glories") and quoted for a status line. The lowest floor: the
//! view, the exports and the editor all use it, and it uses nothing of the crate.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// "1 stage", "3 stages".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "3 moments: 1 pain, 2 glories".
pub fn count_summary(moments: usize, pains: usize, glories: usize) -> String {
    format!(
        "{}: {}, {}",
        plural(moments, "moment", "moments"),
        plural(pains, "pain", "pains"),
        plural(glories, "glory", "glories")
    )
}

/// A title shortened and quoted for the status line: “Long queue at the counter”.
pub fn quoted(text: &str) -> String {
    const MAX: usize = 32;
    if text.chars().count() > MAX {
        format!("“{}…”", text.chars().take(MAX - 1).collect::<String>())
    } else {
        format!("“{text}”")
    }
}

/// `text` with its first letter small: "Unexpected field" → "unexpected field".
pub fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// How many letters must be inserted, deleted, changed, or swapped with the next, to
/// turn `a` into `b` (the optimal string alignment distance): `lnit` is 1 from `lint`.
/// For "did you mean".
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // rows[i][j]: the distance between the first i letters of a and the first j of b.
    let mut rows: Vec<Vec<usize>> = (0..=a.len())
        .map(|i| (0..=b.len()).map(|j| if i == 0 { j } else { i }).collect())
        .collect();
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let change = rows[i - 1][j - 1] + usize::from(a[i - 1] != b[j - 1]);
            let mut best = change.min(rows[i - 1][j] + 1).min(rows[i][j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

/// How many columns `text` takes, as Unicode says (UAX #11, and UTS #51 for emoji): an
/// emoji is two columns however many code points make it, so ❤️ (U+2764 U+FE0F, the heart
/// with its emoji variation selector) and 👍🏽 (a thumbs up with a skin tone) are two
/// each, as kitty, WezTerm, iTerm2, Windows Terminal, Ghostty, foot, Konsole and tmux 3.4
/// draw them. Terminals that add up code points instead (xterm, GNOME Terminal and other
/// VTE terminals, Alacritty) draw ❤️ in one column and 👍🏽 in four; see [`width_varies`]
/// for how motmap keeps its borders straight there too.
pub fn width(text: &str) -> usize {
    text.width()
}

/// Whether terminals disagree on how wide `grapheme` is drawn: an emoji of several code
/// points (❤️, 👍🏽, 👩‍💻) whose width by Unicode ([`width`]) is not the sum of its code
/// points' widths, which is what xterm, VTE terminals and Alacritty draw. Whatever writes
/// one to a terminal must then put the cursor where the next cell starts itself rather
/// than trust the terminal to have counted as Unicode does: the editor's renderer
/// (ratatui) moves the cursor after every wide cell, and `motmap show` after these.
pub fn width_varies(grapheme: &str) -> bool {
    let by_code_point: usize = grapheme.chars().filter_map(|c| c.width()).sum();
    by_code_point != grapheme.width()
}

/// `text` followed by spaces up to `columns` display columns (a wide character counts two,
/// which `format!`'s padding does not know).
pub fn pad(text: &str, columns: usize) -> String {
    let fill = columns.saturating_sub(text.width());
    format!("{text}{}", " ".repeat(fill))
}

/// `text` cut to `max` columns, ending in `…` when it was cut.
pub fn truncate(text: &str, max: usize) -> String {
    if text.width() <= max {
        return text.to_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for grapheme in text.graphemes(true) {
        let w = grapheme.width();
        if used + w > max - 1 {
            break;
        }
        out.push_str(grapheme);
        used += w;
    }
    out.push('…');
    out
}

/// Wraps `text` into lines of at most `width` columns, breaking at spaces where it can and
/// inside a word (between graphemes) where it must, as CJK text needs. At most `max_lines`
/// lines are returned; the last ends in `…` if text was left over.
pub fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    if width == 0 || max_lines == 0 {
        return Vec::new();
    }
    let mut lines: Vec<String> = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_width = 0;
        for word in words(paragraph) {
            let word_width = word.width();
            if line_width + word_width <= width {
                line.push_str(word);
                line_width += word_width;
                continue;
            }
            if word.trim().is_empty() {
                // A space at the end of a line is dropped, not carried over.
                lines.push(std::mem::take(&mut line));
                line_width = 0;
                continue;
            }
            if word_width <= width && line_width > 0 {
                lines.push(std::mem::take(&mut line).trim_end().to_owned());
                line.push_str(word);
                line_width = word_width;
                continue;
            }
            for grapheme in word.graphemes(true) {
                let w = grapheme.width();
                if line_width + w > width && line_width > 0 {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0;
                }
                line.push_str(grapheme);
                line_width += w;
            }
        }
        lines.push(line.trim_end().to_owned());
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        let last = lines.pop().unwrap_or_default();
        lines.push(truncate(&format!("{last} …"), width).replace(" …", "…"));
        // Make sure the cut shows even when the last line was short.
        if let Some(last) = lines.last_mut()
            && !last.ends_with('…')
        {
            *last = truncate(&format!("{last}…"), width);
        }
    }
    lines
}

/// The paragraph's words and spaces as Unicode word bounds give them, with closing
/// punctuation kept on the word before it, so no line starts with "." or ",".
fn words(paragraph: &str) -> Vec<&str> {
    let closing = |segment: &str| {
        segment.chars().all(|c| {
            matches!(
                c,
                '.' | ','
                    | ';'
                    | ':'
                    | '!'
                    | '?'
                    | ')'
                    | ']'
                    | '”'
                    | '’'
                    | '…'
                    | '。'
                    | '，'
                    | '、'
            )
        })
    };
    let mut words: Vec<&str> = Vec::new();
    let mut last_start = 0;
    for (at, segment) in paragraph.split_word_bound_indices() {
        match words.last_mut() {
            Some(last) if closing(segment) && !last.trim().is_empty() => {
                *last = &paragraph[last_start..at + segment.len()];
            }
            _ => {
                last_start = at;
                words.push(segment);
            }
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(
            wrap("Long queue at the counter", 12, 5),
            vec!["Long queue", "at the", "counter"]
        );
    }

    #[test]
    fn breaks_cjk_between_characters_and_keeps_widths() {
        let lines = wrap("排队等候时间太长了", 7, 5);
        assert_eq!(lines, vec!["排队等", "候时间", "太长了"]);
        assert!(lines.iter().all(|l| width(l) <= 7));
    }

    #[test]
    fn korean_words_wrap_at_spaces() {
        assert_eq!(
            wrap("긴 줄을 서서 기다림", 10, 5),
            vec!["긴 줄을", "서서", "기다림"]
        );
        assert_eq!(
            wrap("긴 줄을 서서 기다림", 11, 5),
            vec!["긴 줄을", "서서 기다림"]
        );
    }

    #[test]
    fn too_many_lines_end_in_an_ellipsis() {
        let lines = wrap("one two three four five six", 9, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'), "{lines:?}");
        assert!(lines.iter().all(|l| width(l) <= 9));
    }

    #[test]
    fn padding_counts_display_columns() {
        assert_eq!(pad("가나", 6), "가나  ");
        assert_eq!(pad("abc", 2), "abc");
    }

    #[test]
    fn truncate_never_splits_a_wide_character() {
        assert_eq!(truncate("가나다라", 5), "가나…");
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abcd", 3), "ab…");
    }

    #[test]
    fn punctuation_stays_with_its_word() {
        assert_eq!(
            wrap("for the next order.", 18, 5),
            vec!["for the next", "order."]
        );
        assert_eq!(wrap("a, b", 2, 5), vec!["a,", "b"]);
    }

    #[test]
    fn emoji_of_several_code_points_are_two_columns_as_unicode_says() {
        let heart = "\u{2764}\u{FE0F}";
        let thumbs_up = "\u{1F44D}\u{1F3FD}";
        assert_eq!(width(heart), 2);
        assert_eq!(width(thumbs_up), 2);
        assert_eq!(width("\u{2764}"), 1, "the heart alone is text, one column");
        assert_eq!(width(&format!("a{heart}b{thumbs_up}c")), 7);
        assert_eq!(pad(heart, 4), format!("{heart}  "));
        assert_eq!(
            truncate(&format!("{heart}{thumbs_up}x"), 4),
            format!("{heart}…")
        );
        assert_eq!(
            wrap(&format!("{heart}{heart}{thumbs_up}"), 4, 5),
            vec![format!("{heart}{heart}"), thumbs_up.to_owned()]
        );
    }

    #[test]
    fn terminals_disagree_on_emoji_of_several_code_points_only() {
        for grapheme in ["\u{2764}\u{FE0F}", "\u{1F44D}\u{1F3FD}", "👩\u{200D}💻"] {
            assert!(width_varies(grapheme), "{grapheme}");
        }
        for grapheme in ["a", "\u{2764}", "\u{1F44D}", "가", "排", "e\u{301}", "│"] {
            assert!(!width_varies(grapheme), "{grapheme}");
        }
    }

    #[test]
    fn edit_distance_counts_a_swap_as_one() {
        assert_eq!(edit_distance("lnit", "lint"), 1);
        assert_eq!(edit_distance("exprot", "export"), 1);
        assert_eq!(edit_distance("shw", "show"), 1);
        assert_eq!(edit_distance("lint", "lint"), 0);
        assert_eq!(edit_distance("", "new"), 3);
        assert_eq!(edit_distance("journey", "lint"), 6);
        assert_eq!(edit_distance("가나", "나가"), 1);
    }

    #[test]
    fn notes_keep_their_line_breaks() {
        assert_eq!(wrap("one\ntwo", 10, 5), vec!["one", "two"]);
    }
}
