#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make vm-test: build the x86_64 test kernel (KASAN, UBSAN, PROVE_LOCKING,
# DEBUG_ATOMIC_SLEEP, kmemleak, DMA-API debugging), boot it under QEMU with
# two e1000 NICs linked only to each other, and count every KUnit case run
# at boot and every guest test (TAP) as a check. Fails
# on any failed test, oops, WARN, sanitizer or lockdep report, or timeout.
. "$(dirname "$0")/lib.sh"
. "$PROJECT/scripts/vm-lib.sh"
vm_prepare
results_begin vm-test

mkdir -p "$VM_DIR"
vm_build_kernel || { fail "vm: the test kernel does not build (log $VM_BUILD/build.log)"; exit 1; }
vm_initramfs "$VM_DIR/initramfs.cpio.gz" || { fail "vm: the guest programs do not build"; exit 1; }
log=$VM_DIR/console.log
rc=0
vm_boot test "$log" || rc=$?
[ $rc -ne 124 ] || fail "vm: QEMU timed out after ${VM_TIMEOUT}s (console in $log)"
cat "$VM_DIR/accel"
while IFS= read -r line; do
	case "$line" in
	'ok - '*) pass "${line#ok - }" ;;
	'not ok - '*) fail "${line#not ok - }" ;;
	'#'*) echo "$line" ;;
	esac
done < <(vm_results test "$log")
echo "console log: $log"
