#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make kunit: every KUnit suite of the series (kunit/all.kunitconfig) under UML
# with KASAN, UBSAN and PROVE_LOCKING (kunit/uml-debug.kunitconfig). Each test
# case is one check; a sanitizer or lockdep report in the log is one more.
. "$(dirname "$0")/lib.sh"
need_tree
need_build_pkgs
results_begin kunit

dir=$BUILD/kunit
mkdir -p "$dir"
json=$dir/results.json
rm -f "$json" "$dir/test.log"
info "kunit.py run (UML, KASAN + UBSAN + PROVE_LOCKING); build log in $dir/kunit.out"
set +e
(cd "$TREE" && python3 tools/testing/kunit/kunit.py run \
	--build_dir="$dir" --jobs="$JOBS" --timeout=900 \
	--kunitconfig="$PROJECT/kunit/all.kunitconfig" \
	--kunitconfig="$PROJECT/kunit/uml-debug.kunitconfig" \
	--make_options="CC=ccache gcc" --make_options="HOSTCC=ccache gcc" \
	--json="$json") >"$dir/kunit.out" 2>&1
rc=$?
set -e
grep -E '^\[..:..:..\] (Testing complete|=+ \[(PASSED|FAILED)\]|.*(FAILED|CRASHED))' "$dir/kunit.out" || true

# One check per leaf test case, from kunit.py's parsed results.
if [ -s "$json" ]; then
	python3 "$PROJECT/scripts/kunit-cases.py" "$json" >"$dir/cases.txt"
	while read -r status name; do
		case "$status" in
		PASS) pass "kunit: $name" ;;
		SKIP) info "skipped (not counted): $name" ;;
		*) fail "kunit: $name ($status)" ;;
		esac
	done <"$dir/cases.txt"
else
	fail "kunit.py produced no results (exit $rc); see $dir/kunit.out"
	tail -30 "$dir/kunit.out"
fi
[ $rc -eq 0 ] || fail "kunit.py exited with $rc; see $dir/kunit.out"

if [ -s "$dir/test.log" ]; then
	if "$PROJECT/scripts/log-problems.sh" "$dir/test.log"; then
		pass "kunit: no sanitizer, lockdep or WARN report in the kernel log"
	else
		fail "kunit: the kernel log reports a problem (lines above; log $dir/test.log)"
	fi
else
	fail "kunit: no kernel log at $dir/test.log"
fi
