//! How a moment's personas are written: `persona: "Regular"` for one, as every map from
//! before several personas has it, and `persona: ["Regular", "Student"]` for several. Both
//! are read; a map is written the first way whenever it can be, so that an old map saves
//! byte for byte as before.

use std::fmt;

use serde::de::{self, SeqAccess, Visitor};
use serde::ser::Serializer;
use serde::{Deserializer, Serialize};

pub(super) fn serialize<S: Serializer>(
    personas: &[String],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match personas {
        [one] => serializer.serialize_str(one),
        several => several.serialize(serializer),
    }
}

pub(super) fn deserialize<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<String>, D::Error> {
    deserializer.deserialize_any(OneOrMany)
}

struct OneOrMany;

impl<'de> Visitor<'de> for OneOrMany {
    type Value = Vec<String>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(r#"a persona's name in quotes, or a list of names: ["Regular", "Student"]"#)
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Vec<String>, E> {
        Ok(vec![name.to_owned()])
    }

    fn visit_string<E: de::Error>(self, name: String) -> Result<Vec<String>, E> {
        Ok(vec![name])
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<String>, A::Error> {
        let mut names = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(name) = seq.next_element()? {
            names.push(name);
        }
        Ok(names)
    }
}
