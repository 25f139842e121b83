#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The README's delivery flow, run as a user would ('make test' stage "mail"),
# so that it cannot rot. On a scratch clone of the work tree at safe-base:
#   make mail                                         -> work/mail/safe.mbox
#   cd LINUX && b4 am -m .../work/mail/safe.mbox -o DIR   -> DIR/*.mbx
#   git am DIR/*.mbx
# Each step is one check; so is b4 finding the mail's base-commit, and the
# result: the tree git am made must be the work tree's HEAD tree. Scratch
# files and logs: work/mail-flow/ (the clone is removed when all passed).
#
# 'make mail' refuses stale evaluation figures; this tests the flow, not the
# figures, so it runs with MAIL_ALLOW_STALE=1 ('make check' warns about
# stale figures).
. "$(dirname "$0")/lib.sh"
need_tree
need_pkgs b4 git
results_begin mail

dir=$WORK/mail-flow
scratch=$dir/linux
out=$dir/b4
mbox=$WORK/mail/safe.mbox
base=$(git -C "$TREE" rev-parse "$BASE_TAG^{commit}")
rm -rf "$dir"
mkdir -p "$out"

# show LOG: the end of a failed step's log.
show() { tail -20 "$1" | sed 's/^/    /'; }

if MAIL_ALLOW_STALE=1 make -C "$PROJECT" --no-print-directory mail >"$dir/make-mail.log" 2>&1 &&
	[ -s "$mbox" ]; then
	pass "make mail writes work/mail/safe.mbox ($(grep -c '^From [0-9a-f]\{40\} ' "$mbox") messages)"
else
	show "$dir/make-mail.log"
	fail "make mail (log $dir/make-mail.log)"
	exit 1
fi

git clone -q --shared --no-checkout "$TREE" "$scratch"
git -C "$scratch" checkout -q --detach "$BASE_TAG"

if (cd "$scratch" && b4 am -m "$mbox" -o "$out") >"$dir/b4.log" 2>&1 &&
	mbx=$(ls "$out"/*.mbx 2>/dev/null) && [ "$(wc -l <<<"$mbx")" -eq 1 ]; then
	pass "b4 am -m work/mail/safe.mbox -o DIR writes one .mbx"
else
	show "$dir/b4.log"
	fail "b4 am -m work/mail/safe.mbox -o DIR (log $dir/b4.log)"
	exit 1
fi
check "b4 finds the mail's base-commit: $base ($BASE_TAG)" \
	grep -q "Base: using specified base-commit $base" "$dir/b4.log"

if (cd "$scratch" && git am "$out"/*.mbx) >"$dir/git-am.log" 2>&1; then
	pass "git am DIR/*.mbx applies $(git -C "$scratch" rev-list --count "$BASE_TAG..HEAD") commits on a scratch clone at $BASE_TAG"
else
	show "$dir/git-am.log"
	fail "git am DIR/*.mbx on a scratch clone at $BASE_TAG (log $dir/git-am.log; clone $scratch)"
	exit 1
fi
want=$(git -C "$TREE" rev-parse 'HEAD^{tree}')
got=$(git -C "$scratch" rev-parse 'HEAD^{tree}')
check "the mailed series gives the work tree's HEAD tree ($want)" [ "$got" = "$want" ]

if [ "$got" = "$want" ]; then rm -rf "$scratch"; fi
