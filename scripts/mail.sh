#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make mail: the series as it would go to the lists, in work/mail/: a cover
# letter from Documentation/cover-letter.txt, To/Cc from get_maintainer.pl
# (the series' own MAINTAINERS entry included), checked with
# 'git send-email --dry-run'. Nothing is sent. REROLL=N makes it [PATCH vN].
. "$(dirname "$0")/lib.sh"
need_tree
need_pkgs git-email perl libmailtools-perl libemail-valid-perl
cd "$TREE"

out=$WORK/mail
rm -rf "$out"
mkdir -p "$out"
reroll=${REROLL:-}
[ "$reroll" != 1 ] || reroll=
cover=$PROJECT/Documentation/cover-letter.txt
[ -f "$cover" ] || die "no cover letter text at $cover"

git -c core.abbrev=12 format-patch -q --numbered --cover-letter --no-signature \
	--thread=shallow ${reroll:+-v "$reroll"} --output-directory "$out" "$BASE_TAG..HEAD"
letter=$(ls "$out"/*0000-cover-letter.patch)
# Subject: the first line of cover-letter.txt; body: the rest, then the
# shortlog and diffstat git wrote.
python3 - "$letter" "$cover" <<'PY'
import sys
letter, cover = sys.argv[1], sys.argv[2]
subject, _, body = open(cover).read().partition("\n")
text = open(letter).read()
text = text.replace("*** SUBJECT HERE ***", subject.strip())
text = text.replace("*** BLURB HERE ***", body.strip("\n"))
open(letter, "w").write(text)
PY

# Addresses: maintainers are To, lists are Cc.
addrs=$(./scripts/get_maintainer.pl --no-git --no-git-fallback --no-rolestats --separator $'\n' \
	"$out"/*.patch 2>/dev/null | grep -v cover-letter || true)
to=$(echo "$addrs" | grep -v -i 'vger\|lists\.' | sort -u)
cc=$(echo "$addrs" | grep -i 'vger\|lists\.' | sort -u)
[ -n "$to" ] || die "get_maintainer.pl names no maintainer for the series"
args=()
while IFS= read -r a; do [ -n "$a" ] && args+=(--to "$a"); done <<<"$to"
while IFS= read -r a; do [ -n "$a" ] && args+=(--cc "$a"); done <<<"$cc"

info "dry run of git send-email (nothing is sent)"
git send-email --dry-run --confirm=never --no-validate --suppress-cc=self \
	--from "$GIT_AUTHOR_NAME <$GIT_AUTHOR_EMAIL>" "${args[@]}" "$out"/*.patch \
	>"$out/send-email.log" 2>&1 || { cat "$out/send-email.log"; die "git send-email --dry-run failed"; }
awk '/^(To|Cc|Subject):/ { p = 1; print "  " $0; next }
	p && /^[ \t]/ { print "  " $0; next } { p = 0 }' "$out/send-email.log"
info "the series as mail is in $out ($(ls "$out"/*.patch | wc -l) messages)"
