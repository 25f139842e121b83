#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make kunit: every KUnit suite of the series (kunit/all.kunitconfig) under UML
# with KASAN, UBSAN and PROVE_LOCKING (kunit/uml-debug.kunitconfig), then on
# arm64 under QEMU with two vCPUs (kunit/arm64.kunitconfig). Each test case
# is one check; a sanitizer or lockdep report in a log is one more.
. "$(dirname "$0")/lib.sh"
need_tree
need_build_pkgs
need_pkgs gcc-aarch64-linux-gnu qemu-system-arm
results_begin kunit

# record_cases JSON CASES LABEL: one check per leaf test case of a kunit.py
# run, from its parsed results (a skip is not counted as a pass).
record_cases() {
	local status name
	python3 "$PROJECT/scripts/kunit-cases.py" "$1" >"$2"
	while read -r status name; do
		case "$status" in
		PASS) pass "$3: $name" ;;
		SKIP) info "skipped (not counted): $name" ;;
		*) fail "$3: $name ($status)" ;;
		esac
	done <"$2"
}

# kunit_run DIR LABEL KUNIT.PY-OPTIONS...: one kunit.py run with build dir
# DIR; each of its leaf cases is one check named LABEL: CASE, and a run
# that yields no results or fails is one more.
kunit_run() {
	local dir=$1 label=$2 rc
	shift 2
	mkdir -p "$dir"
	rm -f "$dir/results.json" "$dir/test.log"
	set +e
	# The caller's options last: its --make_options (a cross compiler)
	# override the defaults.
	(cd "$TREE" && python3 tools/testing/kunit/kunit.py run \
		--build_dir="$dir" --jobs="$JOBS" --timeout=900 \
		--make_options="CC=ccache gcc" --make_options="HOSTCC=ccache gcc" \
		--json="$dir/results.json" "$@") >"$dir/kunit.out" 2>&1
	rc=$?
	set -e
	grep -E '^\[..:..:..\] (Testing complete|=+ \[(PASSED|FAILED)\]|.*(FAILED|CRASHED))' "$dir/kunit.out" || true
	if [ -s "$dir/results.json" ]; then
		record_cases "$dir/results.json" "$dir/cases.txt" "$label"
	else
		fail "$label: kunit.py produced no results (exit $rc); see $dir/kunit.out"
		tail -30 "$dir/kunit.out"
	fi
	[ $rc -eq 0 ] || fail "$label: kunit.py exited with $rc; see $dir/kunit.out"
}

dir=$BUILD/kunit
info "kunit.py run (UML, KASAN + UBSAN + PROVE_LOCKING); build log in $dir/kunit.out"
kunit_run "$dir" kunit \
	--kunitconfig="$PROJECT/kunit/all.kunitconfig" \
	--kunitconfig="$PROJECT/kunit/uml-debug.kunitconfig"

# log_clean DIR LABEL: one check that the kernel log of a run is free of
# sanitizer, lockdep and WARN reports.
log_clean() {
	if [ ! -s "$1/test.log" ]; then
		fail "$2: no kernel log at $1/test.log"
	elif "$PROJECT/scripts/log-problems.sh" "$1/test.log"; then
		pass "$2: no sanitizer, lockdep or WARN report in the kernel log"
	else
		fail "$2: the kernel log reports a problem (lines above; log $1/test.log)"
	fi
}
log_clean "$dir" kunit

# The same suites on another architecture, as a real SMP machine: arm64
# under QEMU (TCG) with two vCPUs.
arm=$BUILD/kunit-arm64
info "kunit.py run --arch=arm64 (QEMU, -smp 2); log in $arm/kunit.out"
kunit_run "$arm" "kunit (arm64)" --arch=arm64 --cross_compile=aarch64-linux-gnu- \
	--make_options="CC=ccache aarch64-linux-gnu-gcc" --qemu_args="-smp 2" \
	--kunitconfig="$PROJECT/kunit/all.kunitconfig" \
	--kunitconfig="$PROJECT/kunit/arm64.kunitconfig"
log_clean "$arm" "kunit (arm64)"

# The README's own command for users, exactly as written there: lib/safe's
# .kunitconfig on a plain UML build (uniprocessor, no debug options). Its
# tests must hold on every config the suite builds with, not only on the
# debug one above.
plain=$BUILD/kunit-plain
info "kunit.py run --kunitconfig=lib/safe (the README's command, plain UML); log in $plain/kunit.out"
kunit_run "$plain" "kunit (README command)" --kunitconfig=lib/safe
