#!/usr/bin/env bash
# scripts/snapshot-repo.sh DEST TAG: a bare git repository at DEST holding the
# working tree as it is (uncommitted changes included, ignored files left
# out) in one commit tagged TAG, as a user's `npm i -g git+file://…` or
# pre-commit's `repo:`/`rev:` fetch it. For the install tests (pack-smoke.sh,
# test/ci/pre-commit-remote.sh).
set -euo pipefail
dest="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
tag="$2"
repo="$(cd "$(dirname "$0")/.." && pwd)"
tree="$(mktemp -d "${TMPDIR:-/tmp}/k8s-net-snapshot.XXXXXX")"
trap 'rm -rf "$tree"' EXIT
cd "$repo"
# Files git tracks or would track, that exist (a deleted file stays deleted).
git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
  tar --null -T - -cf - | tar -xf - -C "$tree"
git -C "$tree" init -q
git -C "$tree" add -A
git -C "$tree" -c user.name=k8s-net -c user.email=k8s-net@example.com -c commit.gpgsign=false commit -qm snapshot
git -C "$tree" tag "$tag"
rm -rf "$dest"
git clone -q --bare "$tree" "$dest"
