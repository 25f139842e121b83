#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# log-problems.sh LOG: print every line of a kernel log that reports a bug,
# a warning, a sanitizer or lockdep finding, or a leak; exit 0 if there is
# none, 1 otherwise. One list, used by every stage that boots a kernel.
log=$1
[ -r "$log" ] || { echo "log-problems: cannot read $log" >&2; exit 2; }
patterns=(
	'BUG:'                             # KASAN, sleeping in atomic, bad page, ...
	'WARNING:'                         # WARN_ON, lockdep "WARNING: possible ..."
	'UBSAN:'
	'Oops'
	'general protection fault'
	'Kernel panic'
	'kernel BUG at'
	'Call Trace:'
	'INFO: task .* blocked'
	'suspicious RCU usage'
	'inconsistent lock state'
	'possible (circular|recursive) locking'
	'new suspected memory leaks'
	'unreferenced object 0x'
	'kfence: '
	'refcount_t: '
	'list_(add|del) corruption'
)
regex=$(IFS='|'; echo "${patterns[*]}")
if grep -En -- "$regex" "$log"; then
	exit 1
fi
exit 0
