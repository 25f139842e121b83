#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make test (the README's test command; .ci/run calls it): set up the tree
# and apply the series if that was not done, then run check, kunit, vm-test
# and a short 'make bench', all of them even when one fails, and end with one
# line summing every check they ran: "N passed, N failed".
. "$(dirname "$0")/lib.sh"
start=$(date +%s)

mkdir -p "$RESULTS"
rm -f "$RESULTS"/*.tap "$RESULTS/summary"
results_begin series
if ! "$PROJECT/scripts/tree.sh"; then
	fail "make tree"
	echo "0 passed, 1 failed"
	exit 1
fi
if [ "$(git -C "$TREE" rev-parse HEAD)" = "$(git -C "$TREE" rev-parse "$BASE_TAG^{commit}")" ]; then
	"$PROJECT/scripts/apply.sh" || fail "make apply"
fi

# The work tree is what kunit and vm-test build: it must hold the series
# exactly as patches/ does.
out=$(mktemp -d)
format_series "$out"
if diff -r -x '*.orig' "$out" "$PROJECT/patches" >/dev/null &&
	[ "$(ls "$out" | paste -sd' ')" = "$(grep -v '^#' "$PROJECT/series" | paste -sd' ')" ]; then
	pass "work tree $TREE holds exactly the series in patches/"
else
	fail "work tree $TREE differs from patches/: 'make export' (keep the tree) or 'make apply' (keep patches/)"
fi
rm -rf "$out"
(results_end) || true
trap - EXIT

status=0
for stage in check kunit vm-test; do
	echo
	info "make $stage"
	"$PROJECT/scripts/$stage.sh" || status=1
done
echo
info "make bench, short (BENCH_SMOKE=1): the evaluation harness end to end"
BENCH_SMOKE=1 "$PROJECT/scripts/bench.sh" || status=1

passed=0 failed=0
echo
echo "=== Summary ($(cat "$WORK/BASE" 2>/dev/null)) ==="
for stage in series check kunit vm-test bench-smoke; do
	f=$RESULTS/$stage.tap
	if [ -f "$f" ]; then
		read -r p n < <(results_count "$f")
		grep '^not ok ' "$f" | sed "s/^not ok - /  FAILED [$stage] /" || true
	else
		p=0 n=1
		echo "  FAILED [$stage] recorded no result"
	fi
	passed=$((passed + p))
	failed=$((failed + n))
	printf '  %-11s %4d passed, %d failed\n' "$stage" "$p" "$n"
done
echo "took $(( ($(date +%s) - start) / 60 )) min"
echo "$passed passed, $failed failed" | tee "$RESULTS/summary"
[ "$failed" -eq 0 ] && [ $status -eq 0 ]
