//! The rules of ARCHITECTURE.md about which module may use which, read from the source:
//! every `crate::` path in a module's files (its tests left out) counts as a use.

#![allow(clippy::unwrap_used)] // in a test, a failed unwrap is a failed test with its reason

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each top-level module of `src/`, and the other top-level modules its code uses.
fn uses() -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, depth, code) in sources() {
        let used = graph.entry(module.clone()).or_default();
        for name in crate_paths(&code, depth) {
            if name != module {
                used.insert(name);
            }
        }
    }
    graph
}

/// Every file of `src/` but `main.rs` and `lib.rs`: its top-level module, how deep in it
/// the file is (1 for `src/ui.rs`, 2 for `src/ui/board.rs`), and its code without its tests
/// (which sit at the end, below `#[cfg(test)]`).
fn sources() -> Vec<(String, usize, String)> {
    let mut files = Vec::new();
    collect(Path::new("src"), &mut files);
    files
        .into_iter()
        .filter_map(|file| {
            let relative = file.strip_prefix("src").unwrap().to_path_buf();
            let first = relative.components().next().unwrap();
            let module = first
                .as_os_str()
                .to_string_lossy()
                .trim_end_matches(".rs")
                .to_string();
            if module == "main" || module == "lib" {
                return None;
            }
            let depth = relative.components().count();
            let text = std::fs::read_to_string(&file).unwrap();
            let code = text.split("\n#[cfg(test)]").next().unwrap().to_string();
            Some((module, depth, code))
        })
        .collect()
}

/// The top-level modules a file's code names: `crate::x…`, and `super::…` climbing out
/// of the file's own module; `use` trees in braces are read whole, however nested.
fn crate_paths(code: &str, depth: usize) -> Vec<String> {
    let mut names = Vec::new();
    let climb_out = "super::".repeat(depth);
    for start in ["crate::", climb_out.as_str()] {
        for (at, _) in code.match_indices(start) {
            // `super::super::` inside a deeper climb is counted once, by the deeper one.
            if start != "crate::" && code[..at].ends_with("super::") {
                continue;
            }
            names.extend(tree_heads(&code[at + start.len()..]));
        }
    }
    names
}

/// The first names of a path or a `use` tree: `ui::x` → `ui`; `{a::b, c::{d, e}}` → `a`, `c`.
fn tree_heads(rest: &str) -> Vec<String> {
    let ident = |text: &str| -> String {
        text.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let Some(inner) = rest.strip_prefix('{') else {
        return vec![ident(rest)]
            .into_iter()
            .filter(|n| !n.is_empty())
            .collect();
    };
    let mut heads = Vec::new();
    let mut depth = 0;
    let mut item_start = 0;
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                heads.push(ident(inner[item_start..i].trim_start()));
                break;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                heads.push(ident(inner[item_start..i].trim_start()));
                item_start = i + 1;
            }
            _ => {}
        }
    }
    heads.retain(|h| !h.is_empty() && h != "self");
    heads
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

#[test]
fn use_trees_are_read_whole() {
    assert_eq!(
        tree_heads("{layout::{centered, help_text_area}, share::Format as _X};"),
        ["layout", "share"]
    );
    assert_eq!(tree_heads("store::lock::Holder;"), ["store"]);
    assert_eq!(crate_paths("use super::store::x;", 1), ["store"]);
    assert_eq!(
        crate_paths("use super::theme::Theme;", 2),
        Vec::<String>::new()
    );
    assert_eq!(crate_paths("use super::super::share::x;", 2), ["share"]);
}

#[test]
fn the_editor_reads_no_clock_no_file_and_no_environment() {
    let forbidden = [
        "Instant::now",
        "SystemTime",
        "std::fs",
        "fs::",
        ".exists()",
        "std::env",
        "env::var",
    ];
    for (module, _, code) in sources() {
        if ![
            "app", "update", "ui", "layout", "keymap", "input", "history", "action",
        ]
        .contains(&module.as_str())
        {
            continue;
        }
        for call in forbidden {
            assert!(
                !code.contains(call),
                "{module} uses {call}: the editor's state and view take the time and the files from events"
            );
        }
    }
}
