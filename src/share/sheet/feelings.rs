//! Feelings as people write them in a sheet: a number, a sign, motmap's own words, or the
//! words and emoji of the table below, with an intensity (`Frustrated+`, `Excited++`,
//! `very happy`, `slightly anxious`) and several in one cell (`Confident, slightly
//! anxious`). The README's import section lists the same table.

use crate::model::Feeling;

/// Words for a feeling, by the feeling they are (-2 to 2), compared by [`super::names::key`]
/// (so case, spaces and punctuation do not count). Nouns are here too, as sheets write
/// `Curiosity, Doubt` as often as `Curious, doubtful`.
const WORDS: &[(i8, &[&str])] = &[
    (
        2,
        &[
            "delighted",
            "thrilled",
            "excited",
            "ecstatic",
            "elated",
            "overjoyed",
            "amazed",
            "love",
            "delight",
            "excitement",
            "joy",
            "joyful",
            "기쁨",
            "감동",
            "신남",
            "최고",
        ],
    ),
    (
        1,
        &[
            "happy",
            "satisfied",
            "pleased",
            "glad",
            "calm",
            "relieved",
            "content",
            "confident",
            "hopeful",
            "curious",
            "interested",
            "positive",
            "reassured",
            "grateful",
            "engaged",
            "motivated",
            "trusting",
            "trust",
            "curiosity",
            "interest",
            "satisfaction",
            "relief",
            "hope",
            "만족",
            "안심",
            "흥미",
            "호기심",
            "기대",
            "신뢰",
            "확신",
            "좋음",
        ],
    ),
    (
        0,
        &[
            "indifferent",
            "ok",
            "okay",
            "fine",
            "meh",
            "so-so",
            "mixed",
            "보통",
            "무관심",
        ],
    ),
    (
        -1,
        &[
            "anxious",
            "confused",
            "frustrated",
            "annoyed",
            "worried",
            "uncertain",
            "unsure",
            "disappointed",
            "bored",
            "impatient",
            "sad",
            "negative",
            "stressed",
            "overwhelmed",
            "skeptical",
            "sceptical",
            "doubtful",
            "hesitant",
            "nervous",
            "irritated",
            "tired",
            "lost",
            "doubt",
            "confusion",
            "frustration",
            "anxiety",
            "worry",
            "hesitation",
            "disappointment",
            "불안",
            "혼란",
            "짜증",
            "답답",
            "걱정",
            "실망",
            "불만",
            "지루",
        ],
    ),
    (
        -2,
        &[
            "angry",
            "furious",
            "desperate",
            "outraged",
            "livid",
            "miserable",
            "hopeless",
            "terrible",
            "awful",
            "hate",
            "devastated",
            "panicked",
            "anger",
            "rage",
            "despair",
            "화남",
            "분노",
            "절망",
            "최악",
        ],
    ),
];

/// Emoji for a feeling: the five-face scale 😀 🙂 😐 🙁 😞 and their near neighbours.
/// Compared without variation selectors and skin tones, so `☹️` and `👍🏽` count.
const EMOJI: &[(i8, &[&str])] = &[
    (2, &["😀", "😃", "😄", "😁", "😆", "😍", "🤩", "🥰", "🥳"]),
    (1, &["🙂", "😊", "☺", "😌", "👍"]),
    (0, &["😐", "😶", "😑", "🤔"]),
    (-1, &["🙁", "😕", "😟", "😒", "😬", "😰", "👎"]),
    (-2, &["😞", "☹", "😠", "😡", "🤬", "😢", "😭", "😩", "😫"]),
];

/// Words before a feeling that make it the strong one of its side (±2).
const STRONG: &[&str] = &[
    "very",
    "really",
    "extremely",
    "deeply",
    "super",
    "매우",
    "아주",
    "너무",
    "정말",
];

/// Words before a feeling that make it the mild one of its side (±1).
const MILD: &[&str] = &[
    "slightly", "somewhat", "mildly", "a bit", "a little", "kind of", "약간", "조금",
];

/// A feeling written in words or emoji, or `None` when any part of it is in no table.
/// Several feelings in one cell (between `,` `;` `/` `&` `|`, ` + `, ` and ` or on lines
/// of their own) give their average, rounded toward neutral.
pub fn in_words(cell: &str) -> Option<Feeling> {
    let cell = cell.replace(" + ", ",").replace(" and ", ",");
    let parts: Vec<&str> = cell
        .split([',', ';', '/', '&', '|', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let mut sum = 0i64;
    for part in &parts {
        sum += i64::from(one(part)?);
    }
    let count = i64::try_from(parts.len()).ok().filter(|c| *c > 0)?;
    Some(Feeling::clamped(sum / count))
}

/// One feeling: a word or an emoji, with its intensity.
fn one(part: &str) -> Option<i8> {
    let strong_marks = part.ends_with("++");
    let part = part.trim_end_matches('+').trim();
    if let Some(value) = emoji(part) {
        return Some(value);
    }
    let lower = part.to_lowercase();
    let (intensity, rest) = STRONG
        .iter()
        .map(|m| (Some(2), m))
        .chain(MILD.iter().map(|m| (Some(1), m)))
        .find_map(|(size, modifier)| {
            let rest = lower.strip_prefix(modifier)?;
            rest.starts_with(char::is_whitespace)
                .then(|| (size, rest.trim()))
        })
        .unwrap_or((None, lower.as_str()));
    let value = word(&super::names::key(rest))?;
    let size = if strong_marks { Some(2) } else { intensity };
    Some(size.map_or(value, |size| value.signum() * size))
}

/// The feeling of a word, compared by its key: motmap's own (`deep pain` … `deep glory`)
/// or one of [`WORDS`].
fn word(key: &str) -> Option<i8> {
    let own = (Feeling::MIN..=Feeling::MAX)
        .find(|v| super::names::key(Feeling::clamped((*v).into()).label()) == key);
    own.or_else(|| {
        WORDS
            .iter()
            .find(|(_, words)| words.iter().any(|w| super::names::key(w) == key))
            .map(|(value, _)| *value)
    })
}

/// The feeling of a lone emoji.
fn emoji(text: &str) -> Option<i8> {
    let bare: String = text
        .chars()
        .filter(|c| *c != '\u{fe0f}' && !('\u{1f3fb}'..='\u{1f3ff}').contains(c))
        .collect();
    EMOJI
        .iter()
        .find(|(_, faces)| faces.contains(&bare.as_str()))
        .map(|(value, _)| *value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(cell: &str) -> Option<i8> {
        in_words(cell).map(Feeling::value)
    }

    #[test]
    fn words_and_emoji_read_whatever_their_case() {
        assert_eq!(value("Delighted"), Some(2));
        assert_eq!(value("ANXIOUS"), Some(-1));
        assert_eq!(value("Furious"), Some(-2));
        assert_eq!(value("so-so"), Some(0));
        assert_eq!(value("만족"), Some(1));
        assert_eq!(value("😀"), Some(2));
        assert_eq!(value("🙂"), Some(1));
        assert_eq!(value("😐"), Some(0));
        assert_eq!(value("🙁"), Some(-1));
        assert_eq!(value("😞"), Some(-2));
        assert_eq!(value("☹\u{fe0f}"), Some(-2));
        assert_eq!(value("👍🏽"), Some(1));
        assert_eq!(value("puzzled"), None);
        assert_eq!(value(""), None);
    }

    #[test]
    fn the_readme_lists_every_word_and_face() {
        let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
            .expect("README.md is there");
        let mut table = String::from("| feeling | words | faces |\n| --- | --- | --- |\n");
        for ((value, words), (same, faces)) in WORDS.iter().zip(EMOJI) {
            assert_eq!(value, same, "the words and the faces are in one order");
            let feeling = Feeling::clamped((*value).into());
            table += &format!(
                "| `{}` {} | {} | {} |\n",
                feeling.symbol(),
                feeling.label(),
                words.join(", "),
                faces.join(" ")
            );
        }
        assert!(
            readme.contains(&table),
            "README.md's table of feeling words is out of date; it should read:\n{table}"
        );
        // The words that make a feeling stronger or milder are in the text, which wraps.
        let text = readme.split_whitespace().collect::<Vec<_>>().join(" ");
        for modifiers in [STRONG, MILD] {
            assert!(text.contains(&modifiers.join(", ")), "{modifiers:?}");
        }
    }

    #[test]
    fn intensity_and_several_feelings_in_a_cell() {
        assert_eq!(value("Frustrated+"), Some(-1));
        assert_eq!(value("Frustrated++"), Some(-2));
        assert_eq!(value("Satisfied++"), Some(2));
        assert_eq!(value("very happy"), Some(2));
        assert_eq!(value("slightly annoyed"), Some(-1));
        assert_eq!(value("Slightly Delighted"), Some(1));
        assert_eq!(value("매우 만족"), Some(2));
        assert_eq!(value("Confident, Slightly Anxious"), Some(0));
        assert_eq!(value("Relieved + Satisfied"), Some(1));
        assert_eq!(value("Curiosity, Doubt"), Some(0));
        assert_eq!(
            value("Excited and happy"),
            Some(1),
            "1.5 rounds toward neutral"
        );
        assert_eq!(value("Angry\n😞"), Some(-2));
        assert_eq!(value("Neutral, deep glory"), Some(1));
        assert_eq!(value("Happy, puzzled"), None, "a part in no table");
        assert_eq!(value("veryhappy"), None);
    }
}
