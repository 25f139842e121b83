#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make bench: the evaluation, in one guest boot of a kernel without debug
# options (scripts/config/bench.config): each driver of the series against
# its classic-C twin (bench/twins/) and its mainline counterpart, for size,
# lines of code, raw kernel operations, escape hatches (with their Sound:
# comments) and throughput. Writes
# work/results/bench/ (bench.json, CSV, page, charts) and, for a full run,
# Documentation/evaluation.md, Documentation/evaluation/*.{svg,png} and the
# summary in README.md.
#
# BENCH_SMOKE=1: a short run (1 repetition, 1 MiB per run) that only proves
# the harness works end to end; 'make test' runs it. It writes nothing
# outside work/.
. "$(dirname "$0")/lib.sh"
. "$PROJECT/scripts/vm-lib.sh"
vm_prepare
need_pkgs gnuplot-nox

smoke=${BENCH_SMOKE:-}
if [ -n "$smoke" ]; then
	results_begin bench-smoke
	out=$RESULTS/bench-smoke
	VM_APPEND=safe.bench=smoke
	min_runs=1
	publish=()
else
	results_begin bench
	out=$RESULTS/bench
	min_runs=5
	publish=(--doc "$PROJECT/Documentation/evaluation.md" --charts "$PROJECT/Documentation/evaluation"
		--readme "$PROJECT/README.md")
fi
VM_BUILD=$BUILD/bench
VM_DIR=$WORK/bench-vm
mkdir -p "$VM_DIR" "$out"

KCONFIG_FRAGMENTS="$PROJECT/scripts/config/vm-base.config $PROJECT/scripts/config/bench.config" \
	vm_build_kernel || { fail "bench: the benchmark kernel does not build (log $VM_BUILD/build.log)"; exit 1; }
pass "bench: kernel without debug options built"
vm_initramfs "$VM_DIR/initramfs.cpio.gz" || { fail "bench: the guest programs do not build"; exit 1; }
pass "bench: twins and guest programs built against it"
log=$VM_DIR/console.log
rc=0
vm_boot bench "$log" || rc=$?
accel=$(sed 's/^accel: //' "$VM_DIR/accel")
check "bench: the guest ran to the end ($accel)" grep -q '^guest: done' "$log"
check "bench: no oops or WARN in the console" "$PROJECT/scripts/log-problems.sh" "$log"
check "bench: the guest reported throughput runs" grep -q '^guest: bench: char ' "$log"

if /usr/bin/python3 "$PROJECT/bench/report.py" --log "$log" --build "$VM_BUILD" \
	--tree "$TREE" --twins "$WORK/twins/bench" --accel "$accel" --out "$out" \
	--min-runs "$min_runs" "${publish[@]}"; then
	pass "bench: every figure produced (sizes, lines, raw-API ledger, $min_runs+ runs per throughput case)"
else
	fail "bench: figures missing or runs failed (above)"
fi
for f in bench.json char-throughput.csv evaluation.md size.svg size.png \
	char-throughput.svg char-throughput.png net.svg net.png; do
	check "bench: $out/$f written" test -s "$out/$f"
done
check "bench: bench.json is valid JSON with every device" /usr/bin/python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
assert all(len(row) == 4 for row in r["char"].values()), "a char device is missing"
assert all(len(row) == 3 for row in r["net"].values()), "a net device is missing"
assert r["size_ratios"]["text_vs_twin"], "no size ratio"
' "$out/bench.json"
echo "results: $out (console $log)"
