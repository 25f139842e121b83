#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make test (the README's test command; .ci/run calls it): set up the tree
# and apply the series if that was not done, then run the stages below, all
# of them even when one fails, and end with one line summing every check they
# ran: "N passed, N failed". The summary gives each stage's time; past the
# budget (TEST_BUDGET_MIN, 75 minutes: CI stops at 90) the remaining stages
# are skipped and counted as failed, and so is the budget.
. "$(dirname "$0")/lib.sh"
start=$(date +%s)
budget=${TEST_BUDGET_MIN:-75}
[[ $budget =~ ^[0-9]+$ ]] || die "TEST_BUDGET_MIN must be a number of minutes ($budget)"

# The stages after 'series', in order: each records $RESULTS/<stage>.tap.
stages=(check mail kunit vm-test bench-smoke)
run_stage() {
	case $1 in
	mail)
		info "make mail, then the README's b4 and git am steps on a scratch clone"
		"$PROJECT/scripts/mail-flow.sh" ;;
	bench-smoke)
		info "make bench, short (BENCH_SMOKE=1): the evaluation harness end to end"
		BENCH_SMOKE=1 "$PROJECT/scripts/bench.sh" ;;
	*)
		info "make $1"
		"$PROJECT/scripts/$1.sh" ;;
	esac
}
declare -A took # seconds per stage
mmss() { printf '%d:%02d' $(($1 / 60)) $(($1 % 60)); }

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
if tree_is_series; then
	pass "work tree $TREE holds exactly the series in patches/"
else
	fail "work tree $TREE differs from patches/: 'make export' (keep the tree) or 'make apply' (keep patches/)"
fi
(results_end) || true
trap - EXIT
took[series]=$(($(date +%s) - start))

status=0
over=''     # the stage after which the budget was exceeded
skipped=() # the stages not run then
for stage in "${stages[@]}"; do
	if [ -n "$over" ]; then
		echo "not ok - skipped: over the $budget-minute budget after stage $over" >"$RESULTS/$stage.tap"
		skipped+=("$stage")
		continue
	fi
	echo
	t=$(date +%s)
	run_stage "$stage" || status=1
	took[$stage]=$(($(date +%s) - t))
	elapsed=$(($(date +%s) - start))
	[ "$elapsed" -le $((budget * 60)) ] || over=$stage
done
if [ -n "$over" ]; then
	msg="make test: over the $budget-minute budget after stage $over ($(mmss "$elapsed")); remaining stages skipped: ${skipped[*]:-none remained}"
	echo "not ok - $msg" >"$RESULTS/budget.tap"
	echo
	warn "$msg"
else
	echo "ok - make test within the $budget-minute budget" >"$RESULTS/budget.tap"
fi

passed=0 failed=0
echo
echo "=== Summary ($(cat "$WORK/BASE" 2>/dev/null)) ==="
for stage in series "${stages[@]}" budget; do
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
	time=-
	[ -z "${took[$stage]:-}" ] || time=$(mmss "${took[$stage]}")
	printf '  %-11s %4d passed, %d failed  %6s\n' "$stage" "$p" "$n" "$time"
done
echo "  total $(mmss $(($(date +%s) - start))) (budget $budget min)"
echo "$passed passed, $failed failed" | tee "$RESULTS/summary"
[ "$failed" -eq 0 ] && [ $status -eq 0 ]
