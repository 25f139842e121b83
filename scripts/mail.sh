#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make mail: the series as it would go to the lists, in work/mail/: a cover
# letter from Documentation/cover-letter.txt, To/Cc from get_maintainer.pl
# (the series' own MAINTAINERS entry included), checked with
# 'git send-email --dry-run'. Nothing is sent. REROLL=N makes it [PATCH vN].
#
# The messages are also written as one mbox, work/mail/safe.mbox, which the
# README's b4 and 'git am' steps read ('make test' runs them, scripts/mail-flow.sh).
# For that, each Subject is on one line (Debian 12's b4 cannot read a folded
# Subject from a local mbox) and the cover letter ends with the base-commit:
# trailer of format-patch --base.
#
# The evaluation's figures must have been measured on this series
# (scripts/figures-fresh.sh); MAIL_ALLOW_STALE=1 writes the mail anyway.
. "$(dirname "$0")/lib.sh"
need_tree
need_pkgs git-email perl libmailtools-perl libemail-valid-perl

if ! "$PROJECT/scripts/figures-fresh.sh"; then
	[ "${MAIL_ALLOW_STALE:-}" = 1 ] ||
		die "the evaluation's figures were not measured on this series: run 'make bench' (or MAIL_ALLOW_STALE=1 make mail to write the mail anyway)"
	warn "MAIL_ALLOW_STALE=1: writing the mail with stale figures"
fi
cd "$TREE"

out=$WORK/mail
rm -rf "$out"
mkdir -p "$out"
reroll=${REROLL:-}
[ "$reroll" != 1 ] || reroll=
cover=$PROJECT/Documentation/cover-letter.txt
[ -f "$cover" ] || die "no cover letter text at $cover"

git -c core.abbrev=12 format-patch -q --numbered --cover-letter --no-signature \
	--thread=shallow --base="$BASE_TAG" ${reroll:+-v "$reroll"} --output-directory "$out" "$BASE_TAG..HEAD"
letter=$(ls "$out"/*0000-cover-letter.patch)
# Subject: the first line of cover-letter.txt; body: the rest, then the
# shortlog and diffstat git wrote. Then every message's Subject unfolded onto
# one line (RFC 5322 allows up to 998 characters).
python3 - "$letter" "$cover" "$out"/*.patch <<'PY'
import re, sys
letter, cover, mails = sys.argv[1], sys.argv[2], sys.argv[3:]
subject, _, body = open(cover).read().partition("\n")
text = open(letter).read()
text = text.replace("*** SUBJECT HERE ***", subject.strip())
text = text.replace("*** BLURB HERE ***", body.strip("\n"))
open(letter, "w").write(text)

for path in mails:
    text = open(path).read()
    head, sep, rest = text.partition("\n\n")
    head = re.sub(r"^(Subject:.*)((?:\n[ \t].*)+)",
                  lambda m: m.group(1) + re.sub(r"\n[ \t]+", " ", m.group(2)),
                  head, count=1, flags=re.M)
    line = next(l for l in head.split("\n") if l.startswith("Subject:"))
    if len(line) > 998:
        sys.exit(f"{path}: Subject longer than 998 characters")
    open(path, "w").write(head + sep + rest)
PY
grep -q "^base-commit: $(git rev-parse "$BASE_TAG^{commit}")\$" "$letter" ||
	die "format-patch --base wrote no base-commit: trailer in $letter"
# One mbox, in order (format-patch's "From <sha> Mon Sep 17 ..." lines
# separate the messages).
cat "$out"/*.patch >"$out/safe.mbox"

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
info "the series as mail is in $out ($(ls "$out"/*.patch | wc -l) messages; all of them in $out/safe.mbox)"
