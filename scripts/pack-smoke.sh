#!/usr/bin/env bash
# The package as users get it: `npm pack`, install the tarball into an empty
# directory (dependencies only, no devDependencies), and run the installed
# k8s-net there: lint finds a NodePort conflict (exit 1) and passes a clean
# file (exit 0); SARIF names the package's version; explain reads the shipped
# fixtures; init reads the shipped docs.
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
(cd "$repo" && npm pack --silent --pack-destination "$work" >/dev/null)
tarball="$(find "$work" -maxdepth 1 -name '*.tgz' | head -n 1)"
[ -n "$tarball" ] || fail "npm pack wrote no tarball"
[ ! -e "$repo/oclif.manifest.json" ] || fail "postpack left oclif.manifest.json in the repository"
contents="$(tar -tzf "$tarball")"
for f in package/bin/run.js package/oclif.manifest.json package/dist/src/commands/lint.js package/dist/rules/nodeport-conflict.js \
  package/fixtures/nodeport-conflict/invalid/repeated-in-one-service.yaml package/docs/rules/README.md package/docs/ci/pre-commit-config.yaml; do
  grep -qx "$f" <<<"$contents" || fail "the tarball lacks ${f#package/}"
done
if grep -q '^package/\(test\|src\|rules\|scripts\)/' <<<"$contents"; then fail "the tarball holds sources or tests"; fi
echo "$(basename "$tarball"): $(wc -l <<<"$contents") files"

step "install into an empty directory"
app="$work/app"
mkdir "$app"
printf '{"name": "k8s-net-pack-smoke", "private": true}\n' >"$app/package.json"
cd "$app"
npm_install() { npm install --no-audit --no-fund --loglevel=error "$@" "$tarball"; }
if ! npm_install --offline; then
  echo "the npm cache lacks some dependencies: installing with --prefer-offline"
  npm_install --prefer-offline
fi
for dev in typescript tsx vitest oclif @oclif/test ajv-draft-04; do
  [ ! -e "node_modules/$dev" ] || fail "devDependency $dev was installed"
done

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

printf '\npack-smoke: OK\n'
