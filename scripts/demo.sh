#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make demo: build the patched kernel, boot it, and show what the series
# adds at work: the layer's KUnit suites as they run at boot, then every demo
# script in tests/demo/ inside the guest.
. "$(dirname "$0")/lib.sh"
. "$PROJECT/scripts/vm-lib.sh"
vm_prepare

[ "$(git -C "$TREE" rev-list --count "$BASE_TAG..HEAD")" -gt 0 ] ||
	die "the work tree has no patch applied: run 'make apply' first"
mkdir -p "$VM_DIR"
vm_build_kernel || die "the kernel does not build (log $VM_BUILD/build.log)"
vm_initramfs "$VM_DIR/initramfs.cpio.gz" || die "the guest programs do not build"
log=$VM_DIR/demo-console.log
rc=0
vm_boot demo "$log" >/dev/null || rc=$?
cat "$VM_DIR/accel"
echo
echo "=== The safe-abstraction layer's KUnit suites, run by the booted kernel ==="
sed -n 's/^\[ *[0-9.]*\] //p' "$log" | awk '
	/^ *# Subtest: safe_/ { on = 1 }
	on && /^ *(KTAP|# |ok |not ok )/ { print }
	on && /^ok [0-9]+ safe_|^not ok [0-9]+ safe_/ { on = 0 }'
echo
echo "=== Inside the guest ==="
sed -n 's/^guest: //p' "$log"
echo
if ! grep -q '^guest: done' "$log"; then
	die "the guest did not finish (QEMU status $rc); console in $log"
fi
results=$(vm_results demo "$log")
echo "$results" | grep '^not ok' && die "the demo run reports problems (console in $log)"
echo "demo: $(echo "$results" | grep -c '^ok') checks fine in the booted kernel; console in $log"
