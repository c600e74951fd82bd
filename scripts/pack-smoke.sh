#!/usr/bin/env bash
# The package as users get it: `npm pack` (which builds nothing and prints
# only the tarball's name), install the tarball into an empty directory
# (dependencies only, no devDependencies, no warning about install scripts),
# and run the installed k8s-net there: lint finds a NodePort conflict (exit 1)
# and passes a clean file (exit 0); SARIF names the package's version; explain
# reads the shipped fixtures; init reads the shipped docs; the library imports.
# Then `npm install -g` from the tarball and from a git repository made from
# the working tree (git+file://), each into a prefix of its own, and
# `npx k8s-net` from both.
#
# Offline first: the npm cache holds the dependencies wherever `npm ci` ran.
# When it does not, the install falls back to --prefer-offline (network for
# what the cache lacks).
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/k8s-net-pack-smoke.XXXXXX")"
trap 'rm -rf "$work"' EXIT
unset NODE_ENV # oclif looks for TypeScript sources when it is development or test
export NO_COLOR=1

step() { printf '\n== %s\n' "$*"; }
fail() { printf 'pack-smoke: FAIL: %s\n' "$*" >&2; exit 1; }

step "npm pack"
# pre-commit 3 takes the tarball's name from what `npm pack` prints: nothing else may reach standard output.
(cd "$repo" && npm pack --pack-destination "$work" 2>"$work/pack.err") >"$work/pack.out"
tarball="$work/$(cat "$work/pack.out")"
[ -f "$tarball" ] || fail "npm pack printed more than the tarball's name: $(cat "$work/pack.out")"
contents="$(tar -tzf "$tarball")"
for f in package/bin/run.cjs package/lib/cli.cjs package/lib/index.js package/lib/types/src/index.d.ts package/lib/THIRD-PARTY-LICENSES.txt package/rules/nodeport-conflict.md \
  package/fixtures/nodeport-conflict/invalid/repeated-in-one-service.yaml package/docs/rules/README.md package/docs/ci/pre-commit-config.yaml; do
  grep -qx "$f" <<<"$contents" || fail "the tarball lacks ${f#package/}"
done
# rules/ ships its prose (rules/<id>.md), not its modules: those are in the bundle.
if grep -q '^package/\(test\|src\|scripts\|dist\)/\|^package/rules/.*\.ts$' <<<"$contents"; then fail "the tarball holds sources, tests or a build"; fi
echo "$(basename "$tarball"): $(wc -l <<<"$contents") files"

step "install into an empty directory"
app="$work/app"
mkdir "$app"
printf '{"name": "k8s-net-pack-smoke", "private": true}\n' >"$app/package.json"
cd "$app"
# npm install from the cache, falling back to --prefer-offline (network for what the cache lacks); the
# output is kept to check that npm says nothing about install scripts.
npm_install() {
  if ! npm install --no-audit --no-fund --offline "$@" >"$work/install.log" 2>&1; then
    echo "the npm cache lacks some dependencies: installing with --prefer-offline"
    npm install --no-audit --no-fund --prefer-offline "$@" >"$work/install.log" 2>&1 || { cat "$work/install.log"; fail "npm install $* failed"; }
  fi
  if grep -qi 'install-scripts\|install script' "$work/install.log"; then cat "$work/install.log"; fail "npm install $* warned about install scripts"; fi
}
npm_install "$tarball"
for dev in typescript tsx vitest esbuild @oclif/core @oclif/test ajv-draft-04; do
  [ ! -e "node_modules/$dev" ] || fail "devDependency $dev was installed"
done
echo "node_modules of a production install: $(du -sk node_modules | cut -f1) KiB, $(npm ls --all --parseable 2>/dev/null | tail -n +2 | sort -u | wc -l) packages"

step "k8s-net --version"
version="$(node -p 'require("./node_modules/k8s-net/package.json").version')"
npx --no-install k8s-net --version | tee "$work/version.txt"
grep -q "k8s-net/$version" "$work/version.txt" || fail "--version does not say $version"

step "k8s-net lint: a NodePort conflict (exit 1)"
service() { printf 'apiVersion: v1\nkind: Service\nmetadata:\n  name: %s\nspec:\n  type: NodePort\n  selector:\n    app: %s\n  ports:\n    - port: 80\n      nodePort: %s\n' "$1" "$1" "$2"; }
{ service web 30080; echo '---'; service admin 30080; } >conflict.yaml
set +e
npx --no-install k8s-net lint conflict.yaml >lint.out 2>&1
status=$?
set -e
cat lint.out
[ "$status" -eq 1 ] || fail "lint exited $status, not 1"
# conflict.yaml line 23 is admin's "      nodePort: 30080" (the second document starts on line 13).
grep -q '23:17  error    nodePort 30080 is already claimed by Service default/web' lint.out || fail "lint did not report the conflict at 23:17"

step "k8s-net lint: a large input on parsing threads gives what one thread gives, and --cache reuses it"
# Some 4.5 MiB of Services in 600 files (each with a long comment): over the size from which parsing threads pay
# (4 MiB). K8S_NET_THREADS=2 uses them whatever the machine's load; --cpu-prof writes one profile per thread, so two
# or more say a worker ran.
node -e '
const fs = require("fs")
fs.mkdirSync("big")
const pad = "# " + "x".repeat(7000) + "\n"
for (let f = 0; f < 600; f++) {
  const docs = []
  for (let s = 0; s < 20; s++) docs.push(`apiVersion: v1\nkind: Service\nmetadata:\n  name: s${f}-${s}\nspec:\n  type: NodePort\n  selector:\n    app: s${f}-${s}\n  ports:\n    - port: 80\n      nodePort: ${30000 + ((f * 20 + s) % 2768)}\n`)
  fs.writeFileSync(`big/f${f}.yaml`, pad + docs.join("---\n"))
}'
set +e
K8S_NET_THREADS=1 npx --no-install k8s-net lint big --format json >one.json 2>one.err
one=$?
K8S_NET_THREADS=2 node --cpu-prof --cpu-prof-dir="$work/prof" node_modules/k8s-net/bin/run.cjs lint big --format json >two.json 2>two.err
two=$?
npx --no-install k8s-net lint big --format json --cache --cache-location "$work/cache/" >/dev/null 2>&1
npx --no-install k8s-net lint big --format json --cache --cache-location "$work/cache/" >cached.json 2>cached.err
cached=$?
set -e
[ "$one" -eq 1 ] && [ "$two" -eq 1 ] && [ "$cached" -eq 1 ] || { cat one.err two.err cached.err; fail "lint of big/ exited $one, $two and $cached (cached), not 1"; }
cmp -s one.json two.json || fail "parsing threads gave other findings than one thread"
cmp -s one.json cached.json || fail "the second --cache run gave other findings than an uncached run"
threads="$(find "$work/prof" -name '*.cpuprofile' | wc -l)"
[ "$threads" -ge 2 ] || fail "no parsing thread ran (lib/parse-worker.js)"
echo "big/: $(grep -o '"ruleId"' one.json | wc -l) findings, the same on 1 and 2 threads ($threads threads profiled) and from the cache"

step "k8s-net lint: a clean file (exit 0), SARIF to a file in the same run"
# A ClusterIP Service alone: no rule has anything to say (its pods are not in the input).
printf 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n' >clean.yaml
npx --no-install k8s-net lint clean.yaml --format stylish --format sarif=out/k8s-net.sarif || fail "lint of a clean file failed"
node -e '
  const log = JSON.parse(require("fs").readFileSync("out/k8s-net.sarif", "utf8"));
  const driver = log.runs[0].tool.driver;
  if (log.version !== "2.1.0" || driver.version !== process.argv[1] || log.runs[0].results.length !== 0 || driver.rules.length === 0) process.exit(1);
  console.log(`SARIF ${log.version}: ${driver.name} ${driver.version}, ${driver.rules.length} rules, no results`);
' "$version" || fail "the SARIF report is not what it should be"

step "k8s-net explain and init"
npx --no-install k8s-net explain nodeport-conflict >explain.out
grep -q 'Flagged: fixtures/nodeport-conflict/invalid/' explain.out || fail "explain shows no example from the shipped fixtures"
mkdir fresh
(cd fresh && npx --no-install k8s-net init >init.out && [ -s .k8s-net.yaml ] && grep -q 'rev: v' init.out) || fail "init did not write the config or print the set-ups"
(cd fresh && npx --no-install k8s-net lint ../clean.yaml) || fail "lint with the config init wrote failed"

step "the library"
node --input-type=module -e '
  const k8sNet = await import("k8s-net")
  const {result} = await k8sNet.lintFiles(["conflict.yaml"], {})
  const wizard = await k8sNet.loadWizard()
  if (result.findings.filter((f) => f.ruleId === "nodeport-conflict").length !== 1 || typeof wizard.recommend !== "function") process.exit(1)
  console.log(`lintFiles: ${result.findings.length} findings`)
' || fail "the library does not import or lint"

# npm install -g into a prefix of its own, then k8s-net and npx k8s-net from it.
global_install() {
  local name="$1" spec="$2" prefix="$work/global-$1"
  step "npm install -g from $name"
  npm_install -g --prefix "$prefix" "$spec"
  PATH="$prefix/bin:$PATH" k8s-net lint "$app/conflict.yaml" >/dev/null && fail "k8s-net from $name passed a conflict"
  [ "$?" -eq 1 ] || fail "k8s-net from $name did not exit 1"
  (cd "$work" && npm_config_prefix="$prefix" PATH="$prefix/bin:$PATH" npx --no-install k8s-net --version) || fail "npx k8s-net from $name failed"
}
global_install tarball "$tarball"

git_repo="$work/k8s-net.git"
"$repo/scripts/snapshot-repo.sh" "$git_repo" v0.0.0-test
global_install git "git+file://$git_repo#v0.0.0-test"

printf '\npack-smoke: OK\n'
