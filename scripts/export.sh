#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make export: write the work tree's commits since the base to patches/ and
# regenerate 'series'. The output depends only on the commits' content,
# author and message (no commit ids, no tool versions), so exporting twice,
# or after 'make apply', gives no diff.
. "$(dirname "$0")/lib.sh"
need_tree
cd "$TREE"

[ -z "$(git status --porcelain --untracked-files=no)" ] ||
	warn "$TREE has uncommitted changes: they are not exported"
count=$(git rev-list --count "$BASE_TAG..HEAD")
[ "$count" -gt 0 ] || die "no commits on top of $BASE_TAG: nothing to export"
[ "$(git rev-list --count --merges "$BASE_TAG..HEAD")" -eq 0 ] || die "merge commits cannot be exported as a series"

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
format_series "$out"
rm -f "$PROJECT"/patches/*.patch
mkdir -p "$PROJECT/patches"
cp "$out"/*.patch "$PROJECT/patches/"
(cd "$PROJECT/patches" && ls -1 -- *.patch) >"$PROJECT/series"
info "exported $count patches to patches/ and series"
git -C "$PROJECT" status --short -- patches series
