#!/usr/bin/env bash
# Builds .devbench/: a self-contained copy of the modelperf CLI and the Node binary that runs it, for a machine that
# has no Node and no network (the device machine: the repo's working tree plus carried ignored paths, 64 MiB in all).
#
#   pnpm --filter @modelperf/core build && pnpm --filter @modelperf/report build && pnpm --filter @modelperf/cli build
#   bash scripts/device/build-bundle.sh          # -> .devbench/ (~26 MB), git-ignored through .git/info/exclude
#   # there, from the repo root:  bash .devbench/run.sh   (carry [".devbench"])
#
# Input: the already built apps/cli/dist (this script builds nothing in the workspace). Output:
#   .devbench/node.xz               the Node binary running this script (`xz -T2 -6`; glibc >= 2.28, libstdc++)
#   .devbench/cli/dist/             apps/cli/dist re-bundled by esbuild with @modelperf/report, @modelperf/core and
#                                   every other dependency inside, except:
#   .devbench/cli/node_modules/piscina   a real copy (piscina starts its own worker file by path); its only optional
#                                   dependency, @napi-rs/nice, is loaded only for a niceIncrement, which modelperf never sets
#   .devbench/cli/package.json      the CLI's version (cli.js reads ../package.json at run time)
#   .devbench/run.sh, .devbench/thread-bench.mjs   copies of scripts/device/*, the benchmark to run there
#   .devbench/bundle.json           the commit (and whether tracked files had edits) the bundle was built from
# Left external and absent, as they are optional at run time: @tensorflow/* (--backend auto falls back to js),
# parquet-wasm (Parquet input), vega, vega-lite and @resvg/resvg-js (charts). Arrow and CSV input work.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
out=.devbench
dist=apps/cli/dist
node_bin=${NODE_BIN:-$(command -v node)}

fail() { echo "build-bundle: $*" >&2; exit 1; }

for f in bin.js cli.js evaluate-worker.js; do
  [ -f "$dist/$f" ] || fail "$dist/$f is missing: run pnpm build (core, report, cli) first"
done
esbuild=$(ls -d node_modules/.pnpm/esbuild@*/node_modules/esbuild/bin/esbuild 2>/dev/null | sort -V | tail -n 1)
[ -n "$esbuild" ] && [ -x "$esbuild" ] || fail "esbuild not found under node_modules/.pnpm (run pnpm install --offline)"
piscina=$(readlink -f apps/cli/node_modules/piscina) && [ -f "$piscina/package.json" ] ||
  fail "apps/cli/node_modules/piscina is missing (run pnpm install --offline)"
command -v xz >/dev/null || fail "xz is not installed"

# The bundle is a build output: keep it out of git without editing the shared .gitignore.
mkdir -p .git/info
grep -qxF '/.devbench/' .git/info/exclude 2>/dev/null || echo '/.devbench/' >> .git/info/exclude

rm -rf "$out"
mkdir -p "$out/cli/node_modules"

echo "bundling $dist with $esbuild"
# Entry points keep their names, so bin.js's import('./cli.js') and the engine's
# new URL('./evaluate-worker.js', import.meta.url) still find their files beside them in cli/dist/.
"$esbuild" "$dist/bin.js" "$dist/cli.js" "$dist/evaluate-worker.js" \
  --bundle --splitting --format=esm --platform=node --target=node20 --log-level=warning \
  --outdir="$out/cli/dist" \
  --external:piscina '--external:@tensorflow/*' --external:parquet-wasm \
  --external:vega --external:vega-lite --external:@resvg/resvg-js

node -e '
  const [from, to] = process.argv.slice(1);
  const { name, version } = require(from);
  require("node:fs").writeFileSync(to, JSON.stringify({ name, version, type: "module", private: true }, null, 2) + "\n");
' "$root/apps/cli/package.json" "$out/cli/package.json"

# piscina: package.json, licence and the compiled JavaScript (no sources, tests, maps or types).
mkdir -p "$out/cli/node_modules/piscina"
cp "$piscina/package.json" "$piscina/LICENSE" "$out/cli/node_modules/piscina/"
(cd "$piscina" && find dist -type f \( -name '*.js' -o -name '*.mjs' \) -print0) |
  (cd "$piscina" && xargs -0 tar -cf -) | tar -xf - -C "$out/cli/node_modules/piscina"

cp scripts/device/run.sh scripts/device/thread-bench.mjs "$out/"
chmod +x "$out/run.sh"

echo "compressing $node_bin ($("$node_bin" --version))"
xz -T2 -6 -c "$node_bin" > "$out/node.xz.tmp"
mv "$out/node.xz.tmp" "$out/node.xz"
# What the bundle was built from, recorded in threads.json (the dist may come from a tree with uncommitted edits).
node -e '
  const [to, commit, dirty, nodeVersion, cli] = process.argv.slice(1);
  const distBuilt = require("node:fs").statSync(cli).mtime.toISOString();
  const info = { commit, dirty: dirty !== "", dist_built: distBuilt, bundled: new Date().toISOString(), node: nodeVersion };
  require("node:fs").writeFileSync(to, JSON.stringify(info, null, 2) + "\n");
' "$out/bundle.json" "$(git rev-parse --short HEAD)" "$(git status --porcelain --untracked-files=no)" "$("$node_bin" --version)" "$dist/cli.js"

# Smoke test: the bundle, copied away from the workspace, must run with nothing but that Node binary.
check=$(mktemp -d)
trap 'rm -rf "$check"' EXIT
cp -r "$out/cli" "$check/cli"
(cd "$check" && "$node_bin" cli/dist/bin.js --version >/dev/null) || fail "the bundled CLI does not start outside the workspace"

bytes=$(du -sb "$out" | cut -f1)
[ "$bytes" -lt $((55 * 1024 * 1024)) ] || fail "$out is $bytes bytes, over the 55 MiB budget"
echo "built $out: $(du -sh "$out" | cut -f1) ($bytes bytes)"
du -sh "$out"/* "$out/cli"/*
