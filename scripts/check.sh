#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make check: static checks of the series as it stands in patches/ + series,
# applied afresh onto the base in a separate worktree ($WORK/check-tree):
#   - checkpatch.pl --strict on every patch (exceptions: scripts/checkpatch-exceptions)
#   - every patch builds on its own (bisectable), with -Werror
#   - sparse (C=2), W=1, a clang-16 build with -Wthread-safety and W=1
#     builds for i386 and arm64 (scripts/config/cross.config) of the
#     directories the series touches: no warning in the series' files
#   - kernel-doc -Wall on every file of the series: no warning
#   - MAINTAINERS.snippet is the entry the series adds, and get_maintainer.pl
#     finds it for the series' files
#   - drivers in scripts/safe-drivers hold no raw kernel operation
#     (scripts/raw-api.py), and every driver the series adds is listed
#   - the log scanner that the boot stages rely on catches what it must
. "$(dirname "$0")/lib.sh"
. "$PROJECT/scripts/vm-lib.sh"
need_tree
need_build_pkgs
need_pkgs sparse clang-16 lld-16 llvm-16 gcc-aarch64-linux-gnu perl python3-ply python3-git \
	python3-sphinx python3-sphinx-rtd-theme python3-yaml graphviz
results_begin check

ct=$WORK/check-tree
bdir=$BUILD/check
cdir=$BUILD/clang
logs=$WORK/check-logs
rm -rf "$logs"
mkdir -p "$logs"

# --- the series, applied afresh -------------------------------------------
if [ ! -e "$ct/.git" ]; then
	git -C "$TREE" worktree prune
	git -C "$TREE" worktree add -q --detach "$ct" "$BASE_TAG"
fi
git -C "$ct" am --abort >/dev/null 2>&1 || true
git -C "$ct" checkout -q --detach -f "$BASE_TAG"
mapfile -t patches < <(series_patches | sed "s|^|$PROJECT/patches/|")
[ ${#patches[@]} -gt 0 ] || die "series lists no patch"
if git -C "$ct" am -q "${patches[@]}" >"$logs/am.log" 2>&1; then
	pass "series: ${#patches[@]} patches apply on $BASE_TAG"
else
	cat "$logs/am.log"
	git -C "$ct" am --abort || true
	fail "series: patches do not apply on $BASE_TAG (see above; 'make apply' names the hunk)"
	exit 1
fi
mapfile -t commits < <(git -C "$ct" rev-list --reverse "$BASE_TAG..HEAD")

# --- checkpatch -----------------------------------------------------------
# excused TYPE PATH: is this checkpatch report type excused for this file?
excused() {
	local type glob _
	while read -r type glob _; do
		case "$type" in '' | '#'*) continue ;; esac
		# shellcheck disable=SC2053 # glob match on purpose
		[ "$type" = "$1" ] && [[ $2 == $glob ]] && return 0
	done <"$PROJECT/scripts/checkpatch-exceptions"
	return 1
}
for p in "${patches[@]}"; do
	name=$(basename "$p")
	out=$logs/checkpatch-$name.log
	# Debian's python3 first: checkpatch's SPDX check needs its python3-ply.
	(cd "$ct" && PATH=/usr/bin:$PATH ./scripts/checkpatch.pl --strict --showfile \
		--show-types "$p") >"$out" 2>&1 || true
	reports=()
	while IFS= read -r line; do
		if [[ $line =~ ^([^:]*):[0-9]+:\ (ERROR|WARNING|CHECK):([A-Z_]+): ]] &&
			excused "${BASH_REMATCH[3]}" "${BASH_REMATCH[1]}"; then
			echo "  excused: $line"
			continue
		fi
		reports+=("$line")
	done < <(grep -E ': (ERROR|WARNING|CHECK):' "$out")
	if [ ${#reports[@]} -eq 0 ] && grep -q '^total: ' "$out" && ! grep -q '^Traceback' "$out"; then
		pass "checkpatch --strict: $name"
	else
		printf '%s\n' "${reports[@]}" | head -40
		grep -E '^Traceback|Error' "$out" | head -5 || true
		fail "checkpatch --strict: $name (log $out)"
	fi
done

# --- each patch builds on its own -----------------------------------------
# Built at each patch: the directories holding a C file, Makefile or Kbuild
# file that the series has touched so far (a Makefile edit in lib/ rebuilds
# lib/). Kconfig edits are checked by olddefconfig, with no warning allowed.
build_dirs_at() {
	git -C "$ct" diff --name-only --diff-filter=d "$BASE_TAG" "$1" |
		grep -E '\.c$|/Makefile$|/Kbuild$' | grep -v '^tools/' |
		xargs -r -n1 dirname | sed 's|$|/|' | outermost
}
# outermost: the directories (sorted, one a line, ending in /) without
# those inside another of them. Building a directory builds what is
# inside it; naming both, kbuild descends only towards the inner one and
# the outer one's modules.order misses its other subdirectories.
outermost() {
	sort -u | awk '{ for (d in kept) if (index($0, d) == 1) next; kept[$0]; print }'
}
# Directories holding the series' own kernel C files: sparse, W=1 and clang
# check these. Selftests (tools/) are user programs: 'make vm-test' builds
# them with -Wall -Werror.
source_dirs() {
	git -C "$ct" diff --name-only --diff-filter=d "$BASE_TAG" HEAD |
		grep -E '\.c$' | grep -v '^tools/' | xargs -r -n1 dirname | sed 's|$|/|' | outermost
}

bisect_ok=1
for i in "${!commits[@]}"; do
	c=${commits[$i]}
	name="patch $((i + 1))/${#commits[@]} ($(git -C "$ct" log -1 --format=%s "$c"))"
	git -C "$ct" checkout -q --detach "$c"
	out=$logs/build-$((i + 1)).log
	# The full configuration at every patch: options a patch adds (a new
	# driver) are switched on as soon as they exist.
	TREE=$ct KCONFIG_ALLOW_UNKNOWN=1 configure_kernel "$bdir" >"$out" 2>&1 ||
		{ cat "$out"; fail "build: kernel config for $name"; bisect_ok=0; continue; }
	if [ -n "$(grep -hE 'warning:|error:' "$bdir/config.log" "$out" 2>/dev/null | grep -v 'merge_config' || true)" ]; then
		grep -E 'warning:|error:' "$out"
		fail "Kconfig: $name"
		bisect_ok=0
		continue
	fi
	mapfile -t dirs < <(build_dirs_at "$c")
	if [ ${#dirs[@]} -eq 0 ]; then
		pass "build: $name (no C or Makefile change)"
		continue
	fi
	if TREE=$ct kmake "$bdir" ARCH=x86_64 KCFLAGS=-Werror "${dirs[@]}" >>"$out" 2>&1; then
		pass "build: $name (${dirs[*]})"
	else
		grep -E 'error|warning' "$out" | head -30
		fail "build: $name (${dirs[*]}; log $out)"
		bisect_ok=0
	fi
done
git -C "$ct" checkout -q --detach "${commits[-1]}"
mapfile -t srcdirs < <(source_dirs)
mapfile -t files < <(git -C "$ct" diff --name-only --diff-filter=d "$BASE_TAG" HEAD)

# --- sparse, W=1, clang ----------------------------------------------------
# warnings_in LOG: the compiler/checker diagnostics in a build log.
warnings_in() { grep -E '(warning|error):' "$1" || true; }
# forget_objects DIR: drop the series' objects from a build dir, so that the
# next build compiles (and so checks) every one of them again.
forget_objects() {
	local f
	for f in "${files[@]}"; do
		case "$f" in *.c) rm -f "$1/${f%.c}.o" ;; esac
	done
}

# series_warnings LOG: the diagnostics in a build log that name a file of
# the series (the rest of a directory may warn on another architecture).
series_warnings() {
	warnings_in "$1" | grep -F -f <(printf '%s:\n' "${files[@]}") || true
}
# cross_configure DIR ARCH [CROSS_COMPILE=...]: tinyconfig for ARCH with
# scripts/config/cross.config; fails when an option of it did not stick.
cross_configure() {
	local dir=$1 arch=$2 opt
	shift 2
	mkdir -p "$dir"
	TREE=$ct kmake "$dir" ARCH="$arch" "$@" tinyconfig &&
		"$ct/scripts/kconfig/merge_config.sh" -m -O "$dir" "$dir/.config" \
			"$PROJECT/scripts/config/cross.config" &&
		TREE=$ct kmake "$dir" ARCH="$arch" "$@" olddefconfig || return 1
	for opt in $(grep -o '^CONFIG_[A-Z0-9_]*=.*' "$PROJECT/scripts/config/cross.config"); do
		grep -qx "$opt" "$dir/.config" || { echo "$arch config lacks $opt"; return 1; }
	done
}

if [ ${#srcdirs[@]} -gt 0 ] && [ $bisect_ok -eq 1 ]; then
	out=$logs/sparse.log
	TREE=$ct kmake "$bdir" ARCH=x86_64 C=2 "${srcdirs[@]}" >"$out" 2>&1 || true
	checked=$(grep -cE "^  CHECK +$ct/($(printf '%s\n' "${files[@]}" | grep '\.c$' | paste -sd'|'))\$" "$out" || true)
	w=$(series_warnings "$out")
	if [ "$checked" -gt 0 ] && [ -z "$w" ]; then
		pass "sparse C=2: $checked files in ${srcdirs[*]}, no warning"
	else
		echo "$w"
		fail "sparse C=2: ${srcdirs[*]} ($checked files checked; log $out)"
	fi

	out=$logs/w1.log
	forget_objects "$bdir"
	TREE=$ct kmake "$bdir" ARCH=x86_64 W=1 "${srcdirs[@]}" >"$out" 2>&1 || true
	w=$(series_warnings "$out")
	if grep -q '^  CC ' "$out" && [ -z "$w" ]; then
		pass "W=1: ${srcdirs[*]}, no warning"
	else
		echo "$w"
		fail "W=1: ${srcdirs[*]} (log $out)"
	fi

	# The layer's own size (its code outside the KUnit suites), as built here:
	# x86_64 with the sanitizers of the test config, so an upper bound.
	mapfile -t layer < <(ls "$bdir"/lib/safe/*.o 2>/dev/null | grep -v '_kunit\.o$\|built-in\|\.mod\.o$')
	if [ ${#layer[@]} -gt 0 ]; then
		size -t "${layer[@]}" | awk 'END { printf "  layer size (lib/safe, x86_64 test config with KASAN/UBSAN): text %d, data %d, bss %d bytes\n", $1, $2, $3 }' |
			tee "$RESULTS/layer-size.txt"
	fi

	out=$logs/clang.log
	forget_objects "$cdir"
	if TREE=$ct configure_kernel "$cdir" llvm >"$out" 2>&1 &&
		TREE=$ct kmake_llvm "$cdir" ARCH=x86_64 KCFLAGS=-Wthread-safety "${srcdirs[@]}" >>"$out" 2>&1 &&
		grep -q '^  CC ' "$out" && [ -z "$(series_warnings "$out")" ]; then
		pass "clang-16 -Wthread-safety: ${srcdirs[*]}, no warning"
	else
		series_warnings "$out" | head -30
		fail "clang-16 -Wthread-safety: ${srcdirs[*]} (log $out)"
	fi

	# The 32-bit and the other 64-bit architecture that build bots try:
	# tinyconfig + scripts/config/cross.config, the series' directories at
	# W=1; a warning that names a file of the series fails.
	for arch in i386 arm64; do
		out=$logs/$arch.log
		cross=()
		[ $arch = arm64 ] && cross=(CROSS_COMPILE=aarch64-linux-gnu- "CC=ccache aarch64-linux-gnu-gcc")
		if cross_configure "$BUILD/$arch" $arch "${cross[@]}" >"$out" 2>&1 &&
			forget_objects "$BUILD/$arch" &&
			TREE=$ct kmake "$BUILD/$arch" ARCH=$arch "${cross[@]}" W=1 "${srcdirs[@]}" >>"$out" 2>&1 &&
			grep -q '^  CC ' "$out" && [ -z "$(series_warnings "$out")" ]; then
			pass "$arch build, W=1: ${srcdirs[*]}, no warning in the series' files"
		else
			series_warnings "$out" | head -30
			tail -5 "$out"
			fail "$arch build, W=1: ${srcdirs[*]} (log $out)"
		fi
	done
else
	fail "sparse, W=1 and clang not run: a patch does not build"
fi

# --- compile-fail suite ----------------------------------------------------
# Each tests/compile-fail/*.c holds N misuses (N from a " * Misuses: N"
# header, 1 without one) and their corrected twin: misuse k is built with
# -DMISUSE=k ("#if MISUSE" or "#if MISUSE == k" in the file), the twin with
# -DMISUSE=0 (the kernel builds with -Wundef, so MISUSE is always defined).
# Each misuse must be rejected by the named checker with the expected
# diagnostic; the twin must build with no diagnostic at all. Built as
# external objects against the check (gcc, sparse) and clang build dirs.
cf_build() { # checker case-dir object extra-kcflags
	local checker=$1 dir=$2 obj=$3 flags=$4
	case "$checker" in
	gcc) TREE=$ct kmake "$bdir" ARCH=x86_64 M="$dir" KCFLAGS="-Werror $flags" "$obj" ;;
	sparse) TREE=$ct kmake "$bdir" ARCH=x86_64 M="$dir" C=2 KCFLAGS="$flags" "$obj" ;;
	clang) TREE=$ct kmake_llvm "$cdir" ARCH=x86_64 M="$dir" \
		KCFLAGS="-Wthread-safety -Werror $flags" "$obj" ;;
	esac
}
for src in "$PROJECT"/tests/compile-fail/*.c; do
	name=$(basename "$src" .c)
	checker=$(sed -n 's/^ \* Checker: *//p' "$src")
	expect=$(sed -n 's/^ \* Expect: *//p' "$src")
	misuses=$(sed -n 's/^ \* Misuses: *\(.*[^ ]\) *$/\1/p' "$src")
	dir=$WORK/compile-fail/$name
	rm -rf "$dir"
	mkdir -p "$dir"
	cp "$src" "$dir/"
	echo "obj-m := $name.o" >"$dir/Kbuild"
	if [ -z "$checker" ] || [ -z "$expect" ] || [ $bisect_ok -eq 0 ]; then
		fail "compile-fail $name: no Checker:/Expect: header, or the series does not build"
		continue
	fi
	if ! [[ ${misuses:=1} =~ ^[1-9][0-9]*$ ]]; then
		fail "compile-fail $name: the Misuses: header is not a number >= 1 ($misuses)"
		continue
	fi
	for k in $(seq 1 "$misuses"); do
		label=$name
		[ "$misuses" -eq 1 ] || label=$name#$k
		log=$dir/misuse-$k.log
		rm -f "$dir/$name.o"
		rc=0
		cf_build "$checker" "$dir" "$name.o" "-DMISUSE=$k" >"$log" 2>&1 || rc=$?
		if grep -qE -- "$expect" "$log" && { [ "$checker" = sparse ] || [ $rc -ne 0 ]; }; then
			pass "compile-fail $label: $checker rejects the misuse ($expect)"
		else
			grep -E 'warning:|error:' "$log" | head -5 || true
			fail "compile-fail $label: $checker did not reject the misuse with /$expect/ (log $log)"
		fi
	done
	rm -f "$dir/$name.o"
	rc=0
	cf_build "$checker" "$dir" "$name.o" -DMISUSE=0 >"$dir/twin.log" 2>&1 || rc=$?
	if [ $rc -eq 0 ] && [ -f "$dir/$name.o" ] && [ -z "$(warnings_in "$dir/twin.log")" ]; then
		pass "compile-fail $name: the corrected twin builds cleanly"
	else
		warnings_in "$dir/twin.log" | head -5
		fail "compile-fail $name: the corrected twin does not build cleanly (log $dir/twin.log)"
	fi
done

# --- kernel-doc -----------------------------------------------------------
for f in "${files[@]}"; do
	case "$f" in *.c | *.h) ;; *) continue ;; esac
	out=$(cd "$ct" && ./scripts/kernel-doc -none -Wall "$f" 2>&1)
	if [ -z "$out" ]; then
		pass "kernel-doc -Wall: $f"
	else
		echo "$out"
		fail "kernel-doc -Wall: $f"
	fi
done
# Every kernel-doc directive in the series' .rst files names a file that exists
# and yields documentation.
for f in "${files[@]}"; do
	case "$f" in *.rst) ;; *) continue ;; esac
	while read -r src; do
		# Not piped into grep -q: kernel-doc would die of SIGPIPE (pipefail).
		doc=$([ -f "$ct/$src" ] && cd "$ct" && ./scripts/kernel-doc -rst "$src" 2>/dev/null)
		if grep -q '^\.\. c:' <<<"$doc"; then
			pass "docs: $f documents $src"
		else
			fail "docs: $f names $src, which has no kernel-doc"
		fi
	done < <(sed -n 's/^\.\. kernel-doc:: *//p' "$ct/$f")
done

# The series' documentation section builds with Sphinx, warnings as errors.
# Debian's python3 first: its Sphinx is the one installed.
# The directories of the pages the series adds (not of index pages it edits).
docdirs=$(git -C "$ct" diff --name-only --diff-filter=A "$BASE_TAG" HEAD |
	sed -n 's|^Documentation/\(.*\)/[^/]*\.rst$|\1|p' | sort -u)
for d in $docdirs; do
	out=$logs/htmldocs-${d//\//-}.log
	if (cd "$ct" && PATH=/usr/bin:$PATH make O="$BUILD/docs" SPHINXDIRS="$d" \
		SPHINXOPTS="-W --keep-going" htmldocs) >"$out" 2>&1; then
		pass "htmldocs: Documentation/$d builds with no warning"
	else
		grep -iE 'warning|error' "$out" | head -10 || true
		fail "htmldocs: Documentation/$d (log $out)"
	fi
done

# --- MAINTAINERS ----------------------------------------------------------
entry_title=$(head -1 "$PROJECT/MAINTAINERS.snippet")
if awk -v t="$entry_title" '$0 == t {p = 1} p && /^$/ {exit} p' "$ct/MAINTAINERS" |
	diff -u "$PROJECT/MAINTAINERS.snippet" - >"$logs/maintainers.diff"; then
	pass "MAINTAINERS: the series adds MAINTAINERS.snippet as is"
else
	cat "$logs/maintainers.diff"
	fail "MAINTAINERS: the entry in the series differs from MAINTAINERS.snippet"
fi
for f in "${files[@]}"; do
	case "$f" in lib/safe/* | include/linux/safe/* | Documentation/driver-api/safe/*) ;; *) continue ;; esac
	if (cd "$ct" && ./scripts/get_maintainer.pl --no-git --no-rolestats -f "$f" 2>/dev/null) |
		grep -qF "$(sed -n 's/^M:\t//p' "$PROJECT/MAINTAINERS.snippet" | head -1)"; then
		pass "get_maintainer.pl: $f"
	else
		fail "get_maintainer.pl does not name the entry's maintainer for $f"
	fi
done

# --- drivers built only on the layer ---------------------------------------
# No raw kernel operation in them (scripts/raw-api.py defines the categories),
# and no driver the series adds escapes the rule by not being listed. Their
# escape hatches (ACCESS_PRIVATE, safe_span_from_raw, __force, union, the
# layer's internal names: Rust's `unsafe`) are allowed, each justified by a
# "Sound:" comment (Rust's SAFETY comment), as raw-api.py defines it. Their
# scoped locks are counted (scoped_lock) but are no raw operation when they
# are the layer's own (scoped_safe_*); a cleanup.h guard() would hold a raw
# kernel lock, and is one.
raw_api() { /usr/bin/python3 "$PROJECT/scripts/raw-api.py" "$@"; }
show_raw() { sed "s|^$ct/||; s/^/    /"; } # raw-api.py's lines, for the log
hatch=$'\tescape_hatch\t'
safe_scope=$'\tscoped_lock\tscoped_safe_'
mapfile -t safe_drivers < <(grep -v '^#' "$PROJECT/scripts/safe-drivers" | grep .)
for f in "${safe_drivers[@]}"; do
	if [ ! -f "$ct/$f" ]; then
		fail "raw-API rule: $f (listed in scripts/safe-drivers) is not in the series"
		continue
	fi
	ok=1
	raw=$(raw_api --list "$ct/$f") || ok=0
	unsound=$(raw_api --unsound "$ct/$f") || ok=0
	raw=$(grep -vF -e "$hatch" -e "$safe_scope" <<<"$raw" || true)
	unsound=$(grep -F "$hatch" <<<"$unsound" || true)
	sound=$(raw_api "$ct/$f" | awk -F'\t' '$2 == "escape_hatch" {sub(/^justified=/, "", $4); n += $4} END {print n + 0}') || ok=0
	if [ $ok -eq 1 ] && [ -z "$raw" ] && [ -z "$unsound" ]; then
		pass "raw-API rule: $f has no raw copy, cast, container_of, private data, lock or guard(), alloc/free, registration or goto; $sound escape hatches, each with a Sound: comment"
	else
		[ -z "$raw" ] || { echo "  raw kernel operations:"; show_raw <<<"$raw"; }
		[ -z "$unsound" ] || { echo "  escape hatches without a Sound: comment:"; show_raw <<<"$unsound"; }
		fail "raw-API rule: $f uses raw kernel operations or unjustified escape hatches (above)"
	fi
done
# A driver's KUnit suite (*_kunit.c) is test code, as the layer's are.
for f in $(printf '%s\n' "${files[@]}" | grep -E '^drivers/.*\.c$' | grep -v '_kunit\.c$'); do
	check "raw-API rule: $f, added by the series, is listed in scripts/safe-drivers" \
		grep -qxF "$f" "$PROJECT/scripts/safe-drivers"
done
# The layer itself (lib/safe/*.c but its KUnit suites, include/linux/safe/*.h)
# may use every raw operation and escape hatch it exists to wrap, but each
# one with a Sound: comment saying why it is sound (--layer: its own
# internal names are no escape hatch there).
layer_src=()
for f in "$ct"/lib/safe/*.c "$ct"/include/linux/safe/*.h; do
	case "$f" in *_kunit.c) continue ;; esac
	[ -f "$f" ] && layer_src+=("${f#"$ct"/}")
done
[ ${#layer_src[@]} -gt 0 ] || fail "raw-API rule: no lib/safe/*.c or include/linux/safe/*.h in the series"
for f in "${layer_src[@]}"; do
	if unsound=$(raw_api --layer --unsound "$ct/$f") && [ -z "$unsound" ]; then
		pass "raw-API rule: $f (the layer) has a Sound: comment for each raw operation and escape hatch"
	else
		show_raw <<<"$unsound"
		fail "raw-API rule: $f (the layer): $(grep -c . <<<"$unsound") raw operations or escape hatches without a Sound: comment (above)"
	fi
done
# The scanner itself: it finds each category in the fixture, and nothing in
# comments or strings; the layer's own names are no escape hatch in --layer.
fixture=$PROJECT/scripts/tests/raw-api/every-category.c
found=$(raw_api "$fixture" | cut -f2 | sort | tr '\n' ' ')
want="alloc cast container_of escape_hatch free goto lock private_data registration scoped_lock user_copy user_pointer "
check "raw-API scanner finds every category in its fixture (got: $found)" [ "$found" = "$want" ]
check "raw-API scanner ignores comments, strings, sizeof() and a macro's name where it is defined" \
	[ "$(raw_api "$fixture" | awk -F'\t' '{n += $3} END {print n}')" = 20 ]
check "raw-API scanner counts the layer's internal names and hand-made values in drivers, not in the layer" \
	[ "$(raw_api "$fixture" | grep -F "$hatch" | cut -f3)/$(raw_api --layer "$fixture" | grep -F "$hatch" | cut -f3)" = 8/4 ]
# Sound: comments: --unsound lists exactly the fixture's unjustified lines.
fixture=$PROJECT/scripts/tests/raw-api/sound.c
want=$(sed -n 's/^ \* Unjustified: *//p' "$fixture")
found=$(raw_api --unsound "$fixture" | cut -f1 | sed 's/.*://' | paste -sd' ')
check "raw-API scanner: --unsound lists the unjustified lines of its fixture (got: $found; want: $want)" \
	test -n "$want" -a "$found" = "$want"

# --- the log scanner ------------------------------------------------------
for log in "$PROJECT"/scripts/tests/log-problems/*.log; do
	name=$(basename "$log")
	expect=clean
	case "$name" in bad-*) expect=problem ;; esac
	got=clean
	"$PROJECT/scripts/log-problems.sh" "$log" >/dev/null || got=problem
	check "log scanner: $name is $expect" [ "$got" = "$expect" ]
done

# --- the harness's readers of guest output -----------------------------------
# reader_verdict READER FIXTURE RESULTS MIN: a clean fixture's TAP results
# hold at least MIN passes and no failure; a bad-* fixture's at least one
# failure.
reader_verdict() {
	local reader=$1 name=$2 res=$3 min=$4 nfail nok
	nfail=$(grep -c '^not ok ' <<<"$res" || true)
	nok=$(grep -c '^ok ' <<<"$res" || true)
	case "$name" in
	bad-*) check "$reader: $name yields a failure" [ "$nfail" -gt 0 ] ;;
	*) check "$reader: $name yields $nok checks, no failure" test "$nfail" -eq 0 -a "$nok" -ge "$min" ;;
	esac
}
# A kselftest's own TAP, turned into guest lines: a failure, a skip and
# fewer results than planned are each a failure.
for tap in "$PROJECT"/scripts/tests/kselftest-tap/*.tap; do
	reader_verdict "kselftest reader" "$(basename "$tap")" \
		"$(sh "$PROJECT/scripts/guest/kselftest-tap" fixture cat "$tap")" 1
done
# A guest's console: a failed KUnit case or guest test, a report, or no end
# marker are each a failure.
for log in "$PROJECT"/scripts/tests/vm-results/*.log; do
	reader_verdict "console reader" "$(basename "$log")" "$(TREE=$ct vm_results test "$log")" 5
done

# --- the evaluation's figures (a warning, not a check) ----------------------
# Documentation/evaluation.md and the README's bench block record the series
# they measured; scripts/figures-fresh.sh compares that with patches/.
# 'make mail' refuses stale figures; 'make bench' regenerates them.
"$PROJECT/scripts/figures-fresh.sh" ||
	warn "the evaluation's figures are stale (above): run 'make bench' before 'make mail'"
