#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make apply: reset the work tree's 'series' branch to the base and 'git am'
# every patch listed in 'series', in order. Commits that were on the branch
# are kept under refs/safe/backup/ and named, so nothing is lost.
# On failure: names the patch and the hunks that did not apply, aborts that
# patch and leaves the tree at the last patch that applied.
. "$(dirname "$0")/lib.sh"
need_tree
cd "$TREE"

[ -z "$(git status --porcelain --untracked-files=no)" ] ||
	die "$TREE has uncommitted changes: commit (and 'make export') or stash them first"

git am --abort >/dev/null 2>&1 || true
if [ "$(git rev-parse HEAD)" != "$(git rev-parse "$BASE_TAG^{commit}")" ]; then
	backup=refs/safe/backup/$(date +%Y%m%d-%H%M%S)
	git update-ref "$backup" HEAD
	info "previous branch head saved as $backup ($(git log -1 --format='%h %s' HEAD))"
fi
git checkout -q -B series "$BASE_TAG"
git update-index --skip-worktree .gitignore

n=0
while read -r patch _; do
	case "$patch" in '' | '#'*) continue ;; esac
	file=$PROJECT/patches/$patch
	[ -f "$file" ] || die "series names patches/$patch, which does not exist"
	if ! git am -q --3way "$file" >"$WORK/am.log" 2>&1; then
		echo "error: patches/$patch does not apply on top of $(git log -1 --format='%h (%s)' HEAD):" >&2
		# Name the hunks: "patch failed: FILE:LINE", then the hunk itself.
		git apply --check "$file" 2>&1 | grep '^error:' >&2 || true
		git apply --check "$file" 2>&1 | sed -n 's/^error: patch failed: \(.*\):\([0-9]*\)$/\1 \2/p' |
			while read -r f line; do
				echo "--- the hunk of $f at line $line that did not apply:" >&2
				awk -v f="$f" -v l="$line" '
					/^diff --git / { infile = ($3 == "a/" f); inhunk = 0 }
					infile && /^@@ / { split($2, a, ","); inhunk = (substr(a[1], 2) == l) }
					infile && inhunk { print }' "$file" >&2
			done
		git am --abort
		die "stopped after $n patches; the tree is usable at the last patch that applied"
	fi
	n=$((n + 1))
done <"$PROJECT/series"
info "applied $n patches on $BASE_TAG"
