#!/usr/bin/env bash
# Mermaid's own parser over the Mermaid export of every built-in map and of a map made of
# hostile text. Needs Node.js and npm; called by .ci/run.
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
motmap=../../target/debug/motmap
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for map in ../../assets/*/*.ron ../fixtures/share/*.ron; do
    "$motmap" export "$map" --to mermaid -o "$out/$(basename "$map" .ron).mmd" 2>/dev/null
done
node check.mjs "$out"/*.mmd
