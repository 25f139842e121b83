#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Are the evaluation's figures fresh? 'make bench' (bench/report.py) records
# the series it measured as a line "<!-- series-sha256: HEX -->" in
# Documentation/evaluation.md and in the README's bench block (between
# "<!-- bench:begin -->" and "<!-- bench:end -->"); HEX is what
# scripts/series-sha256.sh prints for patches/ + series. Exit 0 when both
# files carry that marker for the current series; otherwise name each stale
# file, say how to regenerate (never hand-edit the figures) and exit 1.
#
# 'make check' only warns; 'make mail' refuses unless MAIL_ALLOW_STALE=1;
# 'make test' notes it in its mail stage.
. "$(dirname "$0")/lib.sh"

now=$("$PROJECT/scripts/series-sha256.sh" | awk '{ print $1; exit }')
[[ $now =~ ^[0-9a-f]{64}$ ]] || die "scripts/series-sha256.sh printed no sha256 ($now)"

# markers FILE [BEGIN END]: the HEX of every series-sha256 marker in FILE
# (only between the lines BEGIN and END when they are given), one per line.
markers() {
	local file=$1 begin=${2:-} end=${3:-}
	[ -f "$file" ] || return 0
	awk -v b="$begin" -v e="$end" '
		b == "" || index($0, b) { inside = 1 }
		inside && match($0, /<!-- series-sha256: [0-9a-f]+ -->/) {
			s = substr($0, RSTART, RLENGTH); sub(/^<!-- series-sha256: /, "", s); sub(/ -->$/, "", s); print s
		}
		e != "" && index($0, e) { inside = 0 }' "$file"
}

stale=0
# fresh_in NAME HEX...: is every marker found the current hash (and one found)?
fresh_in() {
	local name=$1 got
	shift
	if [ $# -eq 0 ]; then
		echo "stale: $name has no series-sha256 marker (it records no measured series)"
	elif got=$(printf '%s\n' "$@" | sort -u) && [ "$got" = "$now" ]; then
		return 0
	else
		echo "stale: $name was measured on series $(printf '%s\n' "$@" | sort -u | cut -c1-12 | paste -sd,), patches/ + series is now ${now:0:12}"
	fi
	stale=1
}
mapfile -t doc < <(markers "$PROJECT/Documentation/evaluation.md")
fresh_in Documentation/evaluation.md "${doc[@]}"
mapfile -t readme < <(markers "$PROJECT/README.md" '<!-- bench:begin -->' '<!-- bench:end -->')
fresh_in "README.md's bench block" "${readme[@]}"

if [ $stale -eq 0 ]; then
	echo "figures are fresh: measured on the current series (series sha256 ${now:0:12})"
	exit 0
fi
echo "regenerate the figures with 'make bench' (do not hand-edit them)"
exit 1
