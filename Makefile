# SPDX-License-Identifier: GPL-2.0
# The single entry point. Every target is a script in scripts/; see README.md.
#
#   make test     check, mail flow, kunit, vm-test, short bench: "N passed, N failed"
#   make demo     build the patched kernel, boot it, show the series at work
#
#   make tree     the pinned base kernel as a git repo in work/linux
#   make apply    git am patches/ (in 'series' order) onto the base
#   make export   the work tree's commits back to patches/ + series
#   make check    checkpatch, bisectable build, sparse, W=1, clang, kernel-doc
#   make kunit    KUnit under UML with KASAN, UBSAN, PROVE_LOCKING
#   make vm-test  x86_64 debug kernel under QEMU: KUnit at boot + guest tests
#   make bench    the evaluation: twins, sizes, raw-API ledger, throughput, charts
#   make mail     the series as mail + work/mail/safe.mbox (dry run; sends nothing)
#
# Variables: KERNEL_SRC=, KERNEL_TARBALL= (make tree), JOBS=, VM_TIMEOUT=,
# VM_ACCEL=tcg|kvm, GUEST_TESTS_EXTRA=dir (vm-test), BENCH_SMOKE=1 (bench),
# REROLL=N, MAIL_ALLOW_STALE=1 (mail), TEST_BUDGET_MIN=75 (test).

TARGETS := tree apply export check kunit vm-test demo bench mail test

.PHONY: $(TARGETS) help clean
help:
	@sed -n 's/^#   //p' $(firstword $(MAKEFILE_LIST))

$(TARGETS):
	@bash scripts/$@.sh

# Build directories and results; the kernel work tree (work/linux) is kept,
# since it may hold commits that were not exported.
clean:
	rm -rf work/build work/results work/vm work/check-logs work/mail work/mail-flow
