//! HTML's character references, which Mermaid's entity codes become in the page: `#35;`
//! shows as `&#35;` does (`#`), `#quot;` as `&quot;` (`"`). The names and what they stand
//! for are HTML's own list (`entities.tsv`: a name, a tab, the code points in hex).

use std::sync::OnceLock;

/// HTML's named character references, sorted by name.
fn table() -> &'static [(&'static str, String)] {
    static TABLE: OnceLock<Vec<(&'static str, String)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        include_str!("entities.tsv")
            .lines()
            .filter_map(|line| {
                let (name, points) = line.split_once('\t')?;
                let value = points
                    .split(' ')
                    .filter_map(|hex| u32::from_str_radix(hex, 16).ok())
                    .filter_map(char::from_u32)
                    .collect();
                Some((name, value))
            })
            .collect()
    })
}

/// What `&name;` shows in a browser, if HTML knows the name (names are case-sensitive).
pub(super) fn named(name: &str) -> Option<String> {
    let table = table();
    table
        .binary_search_by(|(known, _)| (*known).cmp(name))
        .ok()
        .map(|index| table[index].1.clone())
}

/// What `&#digits;` shows in a browser: the character, with HTML's replacements for the
/// numbers that are none (0, surrogates, beyond Unicode) and for 128–159, which browsers
/// read as Windows-1252.
pub(super) fn numeric(digits: &str) -> char {
    let number = digits
        .bytes()
        .try_fold(0u32, |n, d| {
            n.checked_mul(10)?.checked_add(u32::from(d - b'0'))
        })
        .unwrap_or(u32::MAX);
    if let Some(index) = number.checked_sub(0x80).filter(|i| *i < 32) {
        return WINDOWS_1252[index as usize];
    }
    match number {
        0 => '\u{fffd}',
        n => char::from_u32(n).unwrap_or('\u{fffd}'),
    }
}

/// What browsers show for `&#128;` to `&#159;`: the Windows-1252 character of that byte
/// where it has one.
const WINDOWS_1252: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_numbers_read_as_a_browser_reads_them() {
        assert_eq!(named("quot").as_deref(), Some("\""));
        assert_eq!(named("hearts").as_deref(), Some("♥"));
        assert_eq!(named("nvlt").as_deref(), Some("<\u{20d2}"));
        assert_eq!(named("Quot"), None);
        assert_eq!(numeric("35"), '#');
        assert_eq!(numeric("0009829"), '♥');
        assert_eq!(numeric("150"), '–');
        assert_eq!(numeric("0"), '\u{fffd}');
        assert_eq!(numeric("55296"), '\u{fffd}');
        assert_eq!(numeric("99999999999999"), '\u{fffd}');
    }
}
