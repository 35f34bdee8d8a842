#!/usr/bin/env bash
# Mermaid's own parser over motmap's Mermaid: the export of every built-in map and of a map
# made of hostile text; every journey of tests/fixtures/mermaid-journeys against its round
# trip through motmap (import to a map, export again), and the ones Mermaid refuses, which
# motmap must refuse too. Needs Node.js and npm; called by .ci/run.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "Mermaid check skipped: Node.js and npm are not installed."
    exit 0
fi
# The Rust tests check Mermaid's lexer rules offline; this needs the npm registry.
if ! npm ci --no-audit --no-fund --loglevel=error; then
    echo "Mermaid check skipped: npm could not install Mermaid (is the registry reachable?)."
    exit 0
fi
motmap=${CARGO_TARGET_DIR:-../../target}/debug/motmap
fixtures=../fixtures/mermaid-journeys
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
mkdir "$out/exports" "$out/back"
for map in ../../assets/*/*.ron ../fixtures/share/*.ron; do
    "$motmap" export "$map" --to mermaid -o "$out/exports/$(basename "$map" .ron).mmd" 2>/dev/null
done
node check.mjs exports "$out"/exports/*.mmd

pairs=()
for journey in "$fixtures"/*.mmd; do
    name=$(basename "$journey" .mmd)
    "$motmap" import "$journey" -o "$out/$name.ron" 2>/dev/null
    "$motmap" export "$out/$name.ron" --to mermaid -o "$out/back/$name.mmd" 2>/dev/null
    pairs+=("$journey" "$out/back/$name.mmd")
done
node check.mjs roundtrip "${pairs[@]}"

for journey in "$fixtures"/refused/*.mmd; do
    if "$motmap" import "$journey" >/dev/null 2>&1; then
        echo "FAILED $journey: motmap imports what Mermaid refuses"
        exit 1
    fi
done
node check.mjs refused "$fixtures"/refused/*.mmd
