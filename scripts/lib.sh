# SPDX-License-Identifier: GPL-2.0
# Shared helpers for the project's scripts. Source it; do not run it.

set -euo pipefail

PROJECT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=${WORK:-$PROJECT/work}
TREE=${TREE:-$WORK/linux}
BUILD=$WORK/build
RESULTS=$WORK/results
BASE_TAG=safe-base
BASE_VERSION=6.12.117
DEBIAN_PKG=linux-source-6.12
DEBIAN_VERSION=6.12.117-1~deb12u1
SHARED_TARBALL_DIR=$(realpath -m "$PROJECT/../shared/linux")
JOBS=${JOBS:-$(nproc)}
LLVM_SUFFIX=-16

# The identity that commits in the work tree and signs the patches: a project
# role, never a person.
export GIT_AUTHOR_NAME="Safe Drivers Project"
export GIT_AUTHOR_EMAIL="safe-drivers@example.org"
export GIT_COMMITTER_NAME=$GIT_AUTHOR_NAME
export GIT_COMMITTER_EMAIL=$GIT_AUTHOR_EMAIL

info() { printf '>>> %s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# need_pkgs PKG...: install the Debian packages that are missing, or stop
# naming them when we cannot install.
need_pkgs() {
	local missing=() p
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
			missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
		die "missing Debian packages: ${missing[*]} (install them as root: apt-get install ${missing[*]})"
	fi
	info "installing ${missing[*]}"
	if [ ! -e "$WORK/.apt-updated" ]; then
		apt-get update -qq || die "apt-get update failed"
		mkdir -p "$WORK" && touch "$WORK/.apt-updated"
	fi
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
		>"$WORK/apt.log" 2>&1 || { tail -20 "$WORK/apt.log"; die "apt-get install ${missing[*]} failed"; }
}

# Packages every kernel build needs.
need_build_pkgs() {
	need_pkgs build-essential flex bison bc libelf-dev libssl-dev ccache cpio kmod python3 rsync
	export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
	ccache --max-size=8G >/dev/null
}

need_tree() {
	git -C "$TREE" rev-parse -q --verify "refs/tags/$BASE_TAG" >/dev/null 2>&1 ||
		die "no kernel work tree at $TREE: run 'make tree' (and 'make apply') first"
}

# kmake BUILD_DIR [make args...]: make in the work tree, out of tree, with ccache.
kmake() {
	local dir=$1
	shift
	make -C "$TREE" O="$dir" -j"$JOBS" CC="ccache gcc" HOSTCC="ccache gcc" "$@"
}

# kmake_llvm BUILD_DIR [make args...]: the same with Debian's clang (on make's
# command line the last assignment of CC and HOSTCC wins).
kmake_llvm() {
	local dir=$1
	shift
	kmake "$dir" LLVM=$LLVM_SUFFIX CC="ccache clang$LLVM_SUFFIX" HOSTCC="ccache clang$LLVM_SUFFIX" "$@"
}

# Files the series adds or changes (paths in the kernel tree), from the
# commits on top of the base.
series_files() {
	git -C "${1:-$TREE}" diff --name-only --diff-filter=d "$BASE_TAG" HEAD
}

# format_series OUTDIR: the tree's commits since the base as patch files, in
# a form that depends only on each commit's content, author and message (no
# commit ids, no git version), so the same series always gives the same bytes.
format_series() {
	git -C "$TREE" -c core.abbrev=12 format-patch -q --numbered --zero-commit --no-signature \
		--no-renames --output-directory "$1" "$BASE_TAG..HEAD"
}

# series_patches: the patch files 'series' names, in order, one per line
# (its blank lines and '#' comments left out).
series_patches() {
	sed 's/#.*//' "$PROJECT/series" | awk 'NF { print $1 }'
}

# tree_is_series: does the work tree hold exactly the series in patches/
# (no commit left unexported, no uncommitted change)?
tree_is_series() {
	local out rc=0
	[ -z "$(git -C "$TREE" status --porcelain --untracked-files=no)" ] || return 1
	out=$(mktemp -d)
	format_series "$out"
	diff -r -x '*.orig' "$out" "$PROJECT/patches" >/dev/null &&
		[ "$(ls "$out" | paste -sd' ')" = "$(series_patches | paste -sd' ')" ] || rc=1
	rm -rf "$out"
	return $rc
}

# ---------------------------------------------------------------------------
# Results. Each stage records one line per check in $RESULTS/<stage>.tap, as
# "ok - NAME" or "not ok - NAME"; 'make test' sums them all.

STAGE=
results_begin() {
	STAGE=$1
	mkdir -p "$RESULTS"
	: >"$RESULTS/$STAGE.tap"
	trap results_end EXIT
}

pass() {
	echo "ok - $*" >>"$RESULTS/$STAGE.tap"
	printf '  PASS  %s\n' "$*"
}

fail() {
	echo "not ok - $*" >>"$RESULTS/$STAGE.tap"
	printf '  FAIL  %s\n' "$*"
}

# check NAME CMD...: run CMD, record NAME as passed or failed.
check() {
	local name=$1
	shift
	if "$@"; then pass "$name"; else fail "$name"; fi
}

results_count() {
	local file=$1
	printf '%s %s\n' "$(grep -c '^ok ' "$file" || true)" "$(grep -c '^not ok ' "$file" || true)"
}

# On exit, a stage that stopped with an error records that as a failure, so
# an aborted stage can never look green. Exit status reflects the results.
results_end() {
	local rc=$? p f
	trap - EXIT
	if [ $rc -ne 0 ] && ! grep -q '^not ok ' "$RESULTS/$STAGE.tap"; then
		fail "$STAGE: stopped with an error (exit $rc)"
	fi
	read -r p f < <(results_count "$RESULTS/$STAGE.tap")
	echo "$STAGE: $p passed, $f failed"
	[ "$f" -eq 0 ] || exit 1
	[ "$p" -gt 0 ] || { echo "$STAGE: ran no check" >&2; exit 1; }
	exit 0
}
