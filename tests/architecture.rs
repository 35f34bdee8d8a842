//! The rules of ARCHITECTURE.md about which module may use which, read from the source:
//! every `crate::` path in a module's files (its tests left out) counts as a use.

#![allow(clippy::unwrap_used)] // in a test, a failed unwrap is a failed test with its reason

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each top-level module of `src/`, and the other top-level modules its code uses.
fn uses() -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut files = Vec::new();
    collect(Path::new("src"), &mut files);
    for file in files {
        let relative = file.strip_prefix("src").unwrap();
        let first = relative.components().next().unwrap();
        let module = first
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        if module == "main" || module == "lib" {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        // Tests sit at the end of a file, below `#[cfg(test)]`; what they use is theirs.
        let code = text.split("\n#[cfg(test)]").next().unwrap();
        let used = graph.entry(module.clone()).or_default();
        for (at, _) in code.match_indices("crate::") {
            let rest = &code[at + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if rest[name.len()..].starts_with("::") || rest[name.len()..].starts_with(';') {
                if name != module {
                    used.insert(name);
                }
            } else if rest.starts_with('{') {
                // `use crate::{a, b::c}`: every name at the top of the braces.
                let inner = &rest[1..rest.find('}').unwrap_or(rest.len())];
                for part in inner.split(',') {
                    let name = part.trim().split("::").next().unwrap().trim();
                    if !name.is_empty() && name != module {
                        used.insert(name.to_string());
                    }
                }
            }
        }
    }
    graph
}

fn collect(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

fn uses_of<'a>(
    graph: &'a BTreeMap<String, BTreeSet<String>>,
    module: &str,
) -> &'a BTreeSet<String> {
    graph
        .get(module)
        .unwrap_or_else(|| panic!("no module {module} in src/"))
}

#[test]
fn the_model_uses_nothing_of_the_crate_and_the_store_only_the_model() {
    let graph = uses();
    assert!(uses_of(&graph, "model").is_empty(), "{graph:#?}");
    let store: Vec<&String> = uses_of(&graph, "store").iter().collect();
    assert_eq!(store, ["model"], "the store uses only the model");
}

#[test]
fn sharing_merging_diffing_and_insight_know_nothing_of_the_editor() {
    let graph = uses();
    for module in ["share", "merge", "diff", "insight"] {
        for editor in ["app", "update", "ui", "session", "terminal"] {
            assert!(
                !uses_of(&graph, module).contains(editor),
                "{module} uses {editor}: {:?}",
                uses_of(&graph, module)
            );
        }
    }
}

#[test]
fn the_view_reads_no_file_and_knows_no_format() {
    let graph = uses();
    for forbidden in ["store", "share", "session", "update", "terminal"] {
        assert!(
            !uses_of(&graph, "ui").contains(forbidden),
            "ui uses {forbidden}: {:?}",
            uses_of(&graph, "ui")
        );
    }
}

#[test]
fn the_update_step_does_no_input_or_output() {
    let graph = uses();
    for module in ["app", "update"] {
        for forbidden in ["session", "terminal", "ui", "cli"] {
            assert!(
                !uses_of(&graph, module).contains(forbidden),
                "{module} uses {forbidden}: {:?}",
                uses_of(&graph, module)
            );
        }
    }
}

#[test]
fn no_two_modules_use_each_other_nor_go_round_in_a_circle() {
    let graph = uses();
    // Take away modules that use nothing left, floor by floor; what remains goes round.
    let mut left = graph.clone();
    let mut floors: Vec<Vec<String>> = Vec::new();
    loop {
        let floor: Vec<String> = left
            .iter()
            .filter(|(_, used)| used.iter().all(|u| !left.contains_key(u)))
            .map(|(m, _)| m.clone())
            .collect();
        if floor.is_empty() {
            break;
        }
        for module in &floor {
            left.remove(module);
        }
        floors.push(floor);
    }
    assert!(
        left.is_empty(),
        "these modules use each other, directly or round a circle: {left:#?}"
    );
    println!("floors, lowest first: {floors:?}");
}
