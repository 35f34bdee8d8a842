//! What people call motmap's columns in their own sheets: the one table of other names
//! (English and Korean), matched whatever their case, spaces and punctuation, and the
//! `--map COLUMN=FIELD` that says it outright. The README's import section lists the
//! same table.

use super::COLUMNS;

/// Other names for motmap's columns, as they head people's own sheets (or name the rows
/// of a sheet with the stages across the columns). Compared by [`key`], so `Pain point`,
/// `pain-point` and `PAIN_POINTS` are one name; a name ending in `s` is also tried without
/// it, so plurals need no entry of their own.
const SYNONYMS: &[(&str, &[&str])] = &[
    (
        "stage",
        &[
            "phase",
            "step",
            "journey stage",
            "stage name",
            "단계",
            "여정 단계",
        ],
    ),
    (
        "title",
        &[
            "action",
            "activity",
            "activities",
            "user action",
            "customer action",
            "doing",
            "touchpoint name",
            "task",
            "step description",
            "moment",
            "행동",
            "고객 행동",
        ],
    ),
    ("channel", &["touchpoint", "터치포인트", "접점", "채널"]),
    (
        "feeling",
        &["emotion", "sentiment", "mood", "emotional state", "감정"],
    ),
    (
        "notes",
        &[
            "pain point",
            "pain",
            "thought",
            "quote",
            "thinking",
            "thought/quote",
            "description",
            "페인 포인트",
            "불편",
            "생각",
        ],
    ),
    (
        "idea",
        &[
            "opportunity",
            "opportunities",
            "improvement",
            "solution",
            "기회",
            "개선",
            "아이디어",
        ],
    ),
    ("evidence", &["confidence", "근거", "확신도"]),
    (
        "owner",
        &["team", "team(s) involved", "responsible", "담당", "담당자"],
    ),
    ("persona", &["actor", "user", "customer", "페르소나"]),
    ("kind", &["moment of truth", "mot", "유형"]),
    (
        "target",
        &["to be", "to-be feeling", "target feeling", "목표 감정"],
    ),
    ("tags", &["tag", "label", "태그"]),
];

/// What a column of a sheet (or a row of a sheet with the stages across the columns) is
/// read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// One of motmap's columns, by its place in [`COLUMNS`].
    Column(usize),
    /// Nothing: the column is left out (`--map "Row #=skip"`).
    Skip,
}

/// One `--map COLUMN=FIELD`: the sheet's column (or row) `column` is `field`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mapping {
    /// The column's name as the sheet writes it (matched as [`key`] matches).
    pub column: String,
    /// What it is read as.
    pub field: Field,
}

impl std::str::FromStr for Mapping {
    type Err = String;

    /// `Mood=feeling`, `Row #=skip`: split at the last `=`, so a column's name may hold one.
    fn from_str(text: &str) -> Result<Mapping, String> {
        let fields = || format!("{}, or skip", COLUMNS.join(", "));
        let Some((column, field)) = text.rsplit_once('=') else {
            return Err(format!(
                "say COLUMN=FIELD, as in \"Mood=feeling\"; FIELD is one of {}",
                fields()
            ));
        };
        let field = if key(field) == "skip" {
            Field::Skip
        } else {
            let at = COLUMNS.iter().position(|c| key(c) == key(field));
            Field::Column(at.ok_or_else(|| {
                format!(
                    "{field:?} is no field of motmap's; FIELD is one of {}",
                    fields()
                )
            })?)
        };
        if column.trim().is_empty() {
            return Err("the column's name before `=` is empty".into());
        }
        Ok(Mapping {
            column: column.trim().to_owned(),
            field,
        })
    }
}

/// A name as it is compared: its letters and digits, in small letters, so case, spaces
/// and punctuation (`/`, `-`, `_`, brackets) do not count.
pub fn key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// What a column named `name` is read as: as `--map` says, else by motmap's own name or
/// another name for it; `None` for a name motmap does not know.
pub fn field_of(name: &str, map: &[Mapping]) -> Option<Field> {
    let name = key(name);
    if let Some(mapping) = map.iter().find(|m| key(&m.column) == name) {
        return Some(mapping.field);
    }
    let singular = name.strip_suffix('s').filter(|s| !s.is_empty());
    [Some(name.as_str()), singular]
        .into_iter()
        .flatten()
        .find_map(known)
        .map(Field::Column)
}

/// The column a compared name is: motmap's own name, else another name for one.
fn known(name: &str) -> Option<usize> {
    COLUMNS.iter().position(|c| key(c) == name).or_else(|| {
        SYNONYMS
            .iter()
            .find(|(_, others)| others.iter().any(|o| key(o) == name))
            .and_then(|(column, _)| COLUMNS.iter().position(|c| c == column))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(name: &str) -> Option<&'static str> {
        match field_of(name, &[]) {
            Some(Field::Column(at)) => Some(COLUMNS[at]),
            _ => None,
        }
    }

    #[test]
    fn every_other_name_is_for_a_column_motmap_has_and_no_name_is_used_twice() {
        let mut seen = std::collections::HashSet::new();
        for (column, others) in SYNONYMS {
            assert!(COLUMNS.contains(column), "{column}");
            for other in *others {
                assert!(seen.insert(key(other)), "{other} twice");
                assert!(
                    !COLUMNS.iter().any(|c| key(c) == key(other)),
                    "{other} is a column's own name"
                );
            }
        }
    }

    #[test]
    fn the_readme_lists_every_other_name() {
        let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
            .expect("README.md is there");
        let mut table = String::from("| field | other names for it |\n| --- | --- |\n");
        for (column, others) in SYNONYMS {
            table += &format!("| `{column}` | {} |\n", others.join(", "));
        }
        assert!(
            readme.contains(&table),
            "README.md's table of other names is out of date; it should read:\n{table}"
        );
    }

    #[test]
    fn names_match_whatever_their_case_punctuation_and_plural() {
        assert_eq!(column("  Journey Stage "), Some("stage"));
        assert_eq!(column("USER_ACTION"), Some("title"));
        assert_eq!(column("Thought / Quote"), Some("notes"));
        assert_eq!(column("Pain-Points"), Some("notes"));
        assert_eq!(column("Opportunities"), Some("idea"));
        assert_eq!(column("Touch Points"), Some("channel"));
        assert_eq!(column("Emotions"), Some("feeling"));
        assert_eq!(column("Team(s) Involved"), Some("owner"));
        assert_eq!(column("페인 포인트"), Some("notes"));
        assert_eq!(column("페인포인트"), Some("notes"));
        assert_eq!(column("Stage ID"), Some("stage id"));
        assert_eq!(column("KPIs"), None);
        assert_eq!(column("s"), None);
    }

    #[test]
    fn a_mapping_wins_and_names_a_field_or_skip() {
        let map: Vec<Mapping> = ["Customer Experience=feeling", "KPIs = skip", "a=b=notes"]
            .iter()
            .map(|m| m.parse().unwrap())
            .collect();
        assert_eq!(
            field_of("customer experience", &map),
            Some(Field::Column(3))
        );
        assert_eq!(field_of("KPIs", &map), Some(Field::Skip));
        assert_eq!(map[2].column, "a=b");
        assert!(
            "Mood=emotion"
                .parse::<Mapping>()
                .unwrap_err()
                .starts_with("\"emotion\" is no field of motmap's; FIELD is one of stage, title,")
        );
        assert!("Mood".parse::<Mapping>().is_err());
        assert!("=notes".parse::<Mapping>().is_err());
    }
}
