#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make bench: the evaluation of a kernel without debug options, built -O2
# (scripts/config/bench.config): each driver of the series against its
# classic-C twin (bench/twins/) and its mainline counterpart, for size,
# lines of code, raw kernel operations, escape hatches (with their Sound:
# comments) and speed. Speed is measured twice, each in one boot (the
# guest side is bench/guest/run): by the clock of a KVM guest if KVM boots
# here, else of a QEMU TCG guest (every case); and by instructions, in a
# TCG guest under -icount (the single-stream cases). Two short boots then
# profile a 4 KiB read of safe_random against its twin's, function by
# function, in instructions (bench/guest/profile, bench/qemu/). Writes
# work/results/bench/ (bench.json, per-run CSV, page, charts) and, for a
# full run, Documentation/evaluation.md, Documentation/evaluation/ (charts,
# runs.csv) and the summary in README.md.
#
# BENCH_SMOKE=1: a short run (one round of 0.1 s cases in each boot) that
# only proves the harness works end to end; 'make test' runs it. It writes
# nothing outside work/. BENCH_SEED=N fixes the guests' run order.
# A full boot runs for about 30 minutes: more than vm-lib's default limit.
[ -n "${BENCH_SMOKE:-}" ] || VM_TIMEOUT=${VM_TIMEOUT:-3600}
. "$(dirname "$0")/lib.sh"
. "$PROJECT/scripts/vm-lib.sh"
vm_prepare
need_pkgs gnuplot-nox fio

smoke=${BENCH_SMOKE:-}
if [ -n "$smoke" ]; then
	results_begin bench-smoke
	out=$RESULTS/bench-smoke
	bench_args=safe.bench=smoke
	min_runs=1
	publish=()
else
	results_begin bench
	# The figures record the series in patches/ as the one measured: the
	# kernel built must be that series.
	tree_is_series || { fail "bench: work tree $TREE differs from patches/: 'make export' or 'make apply' first"; exit 1; }
	out=$RESULTS/bench
	bench_args=
	min_runs=10
	publish=(--doc "$PROJECT/Documentation/evaluation.md" --charts "$PROJECT/Documentation/evaluation"
		--readme "$PROJECT/README.md")
fi
VM_BUILD=$BUILD/bench
VM_DIR=$WORK/bench-vm
mkdir -p "$VM_DIR" "$out"

KCONFIG_FRAGMENTS="$PROJECT/scripts/config/vm-base.config $PROJECT/scripts/config/bench.config" \
	vm_build_kernel || { fail "bench: the benchmark kernel does not build (log $VM_BUILD/build.log)"; exit 1; }
pass "bench: kernel without debug options built"
VM_WITH_FIO=1 vm_initramfs "$VM_DIR/initramfs.cpio.gz" || { fail "bench: the guest programs do not build"; exit 1; }
pass "bench: twins and guest programs built against it"
seed=${BENCH_SEED:-$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')}

# bench_boot MEASURE: one boot of the benchmark (tcg: KVM or TCG wall clock;
# icount: instructions), console to $VM_DIR/console-MEASURE.log.
bench_boot() {
	local measure=$1 log=$VM_DIR/console-$1.log accel icount=
	[ "$measure" = tcg ] || icount=1
	VM_APPEND="$bench_args safe.measure=$measure safe.seed=$seed" \
		VM_ICOUNT=$icount vm_boot bench "$log" || true
	accel=$(sed 's/^accel: //' "$VM_DIR/accel")
	[ "$measure" = icount ] || wall_accel=$accel
	check "bench: the $measure guest ran to the end ($accel)" grep -q '^guest: done' "$log"
	check "bench: no oops or WARN in the $measure console" "$PROJECT/scripts/log-problems.sh" "$log"
	check "bench: the $measure guest reported runs" grep -q '^guest: bench: char ' "$log"
	check "bench: the $measure guest reported block runs" grep -q '^guest: bench: blk ' "$log"
}
bench_boot tcg
bench_boot icount
check "bench: safe_nullb's timer mode at completion_nsec 1 ms keeps >= 16 of 32 reads in flight (icount boot)" \
	grep -q '^guest: inflight: ok' "$VM_DIR/console-icount.log"

# The instruction profile: one boot per device of a pair under -icount, one
# vCPU, QEMU's plugin counting every block the guest runs (bench/guest/profile
# reads the device). The report subtracts the two boots function by function.
gcc -shared -fPIC -O2 -Wall -Werror -o "$VM_DIR/insn-profile.so" \
	"$PROJECT/bench/qemu/insn-profile.c" -lpthread ||
	{ fail "bench: the QEMU plugin bench/qemu/insn-profile.c does not build"; exit 1; }
profile_reads=20000
[ -n "$smoke" ] && profile_reads=500
profile_args=()
for dev in safe_random0 classic_random0; do
	plog=$VM_DIR/console-profile-$dev.log blocks=$VM_DIR/profile-$dev.blocks
	rm -f "$blocks"
	VM_APPEND="nokaslr safe.profile=$dev safe.profile_reads=$profile_reads" VM_ICOUNT=1 \
		VM_SMP=1 VM_PLUGIN="$VM_DIR/insn-profile.so,out=$blocks" vm_boot profile "$plog" || true
	check "bench: the instruction profile of $dev ran ($profile_reads reads)" \
		grep -q "^guest: profile: done dev=$dev reads=$profile_reads " "$plog"
	check "bench: the plugin counted the blocks of $dev's boot" test -s "$blocks"
	profile_args+=(--profile "$plog" "$blocks")
done
log=$VM_DIR/console-tcg.log

if /usr/bin/python3 "$PROJECT/bench/report.py" --log "$log" --log-icount "$VM_DIR/console-icount.log" \
	--seed "$seed" --build "$VM_BUILD" "${profile_args[@]}" \
	--tree "$TREE" --twins "$WORK/twins/bench" --accel "$wall_accel" --out "$out" \
	--min-runs "$min_runs" "${publish[@]}"; then
	pass "bench: every figure produced (sizes, lines, raw-API ledger, $min_runs+ runs per throughput case)"
else
	fail "bench: figures missing or runs failed (above)"
fi
for f in bench.json runs.csv evaluation.md size.svg size.png \
	char-throughput.svg char-throughput.png net.svg net.png block-iops.svg block-iops.png; do
	check "bench: $out/$f written" test -s "$out/$f"
done
check "bench: the instruction profile's table written" \
	grep -q "^### Where a 4 KiB read's instructions go" "$out/evaluation.md"
check "bench: bench.json is valid JSON" /usr/bin/python3 -m json.tool "$out/bench.json" /dev/null
echo "results: $out (consoles $VM_DIR/console-{tcg,icount}.log)"
