#!/usr/bin/env bash
# test/ci/pre-commit-remote.sh PRE_COMMIT [PRE_COMMIT...]: the k8s-net hook
# as users set it up, run by each pre-commit executable given (.ci/run passes
# Debian's pre-commit 3 and pre-commit 4 from PyPI).
#
# A bare git repository made from the working tree (scripts/snapshot-repo.sh)
# with a tag on HEAD stands for github.com/k8s-net/k8s-net. A throwaway
# project points its .pre-commit-config.yaml at it with `repo:` and `rev:`, so
# pre-commit clones it and installs the hook with `language: node` as it would
# for a user. Then: a clean first commit and `pre-commit run --all-files`
# pass; a commit that adds a NodePort conflict is refused, showing the finding
# at its line and column; `pre-commit run --all-files` fails on it too; the
# fixed commit goes through. Output of each step is printed.
#
# Each pre-commit gets a cache of its own (PRE_COMMIT_HOME), so each installs
# the hook from scratch; the npm cache is the user's, so dependencies come
# from it when `npm ci` ran on this machine.
set -euo pipefail
[ "$#" -gt 0 ] || { echo "usage: $0 PRE_COMMIT [PRE_COMMIT...]" >&2; exit 2; }

repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/k8s-net-pre-commit.XXXXXX")"
trap 'rm -rf "$work"' EXIT
tag=v0.0.0-pre-commit-test
"$repo/scripts/snapshot-repo.sh" "$work/k8s-net.git" "$tag"

fail() { printf 'pre-commit-remote: FAIL (%s): %s\n' "$version" "$*" >&2; exit 1; }
service() { printf 'apiVersion: v1\nkind: Service\nmetadata:\n  name: %s\nspec:\n  type: NodePort\n  selector:\n    app: %s\n  ports:\n    - port: 80\n      nodePort: %s\n' "$1" "$1" "$2"; }

for pre_commit in "$@"; do
  version="$("$pre_commit" --version)"
  printf '\n== %s\n' "$version"
  case "$version" in "pre-commit "[0-9]*) ;; *) fail "$pre_commit --version says: $version" ;; esac
  home="$work/home-${version##* }"
  project="$work/project-${version##* }"
  mkdir -p "$home" "$project/k8s"
  export PRE_COMMIT_HOME="$home/cache" GIT_CONFIG_GLOBAL="$home/gitconfig" GIT_CONFIG_NOSYSTEM=1 NO_COLOR=1
  unset NODE_ENV
  printf '[user]\n\tname = k8s-net test\n\temail = test@example.com\n[commit]\n\tgpgsign = false\n[init]\n\tdefaultBranch = main\n' >"$GIT_CONFIG_GLOBAL"
  cd "$project"
  git init -q
  cat >.pre-commit-config.yaml <<EOF
repos:
  - repo: file://$work/k8s-net.git
    rev: $tag
    hooks:
      - id: k8s-net
        files: ^k8s/
        args: [--context, k8s/]
EOF
  service a 30080 >k8s/a.yaml
  "$pre_commit" install >/dev/null
  commits() { git rev-list --count HEAD 2>/dev/null || echo 0; }

  printf -- '-- a clean first commit (pre-commit installs the hook from the repository)\n'
  git add .
  out="$(git commit -m first 2>&1)" || { echo "$out"; fail "the clean first commit was refused"; }
  echo "$out"
  grep -q 'k8s-net\.*Passed' <<<"$out" || fail "the hook did not pass the clean commit"

  printf -- '-- pre-commit run --all-files on the clean project\n'
  "$pre_commit" run --all-files || fail "run --all-files failed on the clean project"

  printf -- '-- a commit that adds a NodePort conflict\n'
  service b 30080 >k8s/b.yaml
  git add k8s/b.yaml
  if out="$(git commit -m conflict 2>&1)"; then echo "$out"; fail "the conflicting commit went through"; fi
  echo "$out"
  grep -q 'k8s-net\.*Failed' <<<"$out" || fail "the hook did not fail"
  grep -q '11:17  error    nodePort 30080 is already claimed by Service default/a (port 80, at k8s/a.yaml:11:17)' <<<"$out" || fail "the finding is not shown at k8s/b.yaml 11:17"
  [ "$(commits)" -eq 1 ] || fail "a commit was made"

  printf -- '-- pre-commit run --all-files with the conflict staged\n'
  if out="$("$pre_commit" run --all-files 2>&1)"; then echo "$out"; fail "run --all-files passed the conflict"; fi
  echo "$out"
  grep -q 'nodePort 30080 is already claimed' <<<"$out" || fail "run --all-files did not show the finding"

  printf -- '-- the fixed commit\n'
  service b 30081 >k8s/b.yaml
  git add k8s/b.yaml
  out="$(git commit -m fixed 2>&1)" || { echo "$out"; fail "the fixed commit was refused"; }
  echo "$out"
  [ "$(commits)" -eq 2 ] || fail "the fixed commit was not made"
  cd "$repo"
done

printf '\npre-commit-remote: OK\n'
