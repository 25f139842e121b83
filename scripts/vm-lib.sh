# SPDX-License-Identifier: GPL-2.0
# The test guest: kernel build, initramfs, QEMU boot, and reading the results
# back from the console. Source it after lib.sh.

. "$PROJECT/scripts/kconfig.sh"

VM_DIR=$WORK/vm
VM_BUILD=$BUILD/vm
VM_TIMEOUT=${VM_TIMEOUT:-600}

need_vm_pkgs() {
	need_pkgs qemu-system-x86 busybox-static cpio gzip gcc libc6-dev iproute2 ethtool
}

# vm_prepare: what every stage that boots a guest needs first.
vm_prepare() {
	need_tree
	need_build_pkgs
	need_vm_pkgs
}

# vm_build_kernel: the x86_64 test kernel (vm-base + fragment, sanitizers on)
# and its modules (the series' drivers are modules, loaded by the tests).
vm_build_kernel() {
	info "building the test kernel in $VM_BUILD (log $VM_BUILD/build.log)"
	configure_kernel "$VM_BUILD" || return 1
	kmake "$VM_BUILD" ARCH=x86_64 bzImage modules >"$VM_BUILD/build.log" 2>&1 ||
		{ grep -E 'error|warning' "$VM_BUILD/build.log" | head -30; return 1; }
}

# vm_twins BUILD ROOT: build the classic-C twins of the drivers
# (bench/twins/*, out-of-tree modules) against the kernel in BUILD, and
# install them under ROOT/lib/modules (modprobe finds them).
vm_twins() {
	local build=$1 root=$2 src dir
	for src in "$PROJECT"/bench/twins/*/; do
		[ -f "$src/Kbuild" ] || continue
		dir=$WORK/twins/$(basename "$build")/$(basename "$src")
		rm -rf "$dir"
		mkdir -p "$dir"
		cp -a "$src/." "$dir/"
		{ kmake "$build" ARCH=x86_64 M="$dir" modules &&
			kmake "$build" ARCH=x86_64 M="$dir" INSTALL_MOD_PATH="$root" modules_install; } \
			>"$dir/build.log" 2>&1 || { grep -E 'error|warning' "$dir/build.log" | head -20; return 1; }
		if grep -q 'warning:' "$dir/build.log"; then
			grep 'warning:' "$dir/build.log" | head -20
			return 1
		fi
	done
}

# vm_bench_programs OUT: the benchmark's guest side (bench/guest): each .c a
# static program, the rest copied as is.
vm_bench_programs() {
	local out=$1 src
	mkdir -p "$out"
	for src in "$PROJECT"/bench/guest/*; do
		case "$src" in
		*.c) gcc -static -O2 -Wall -Werror -o "$out/$(basename "$src" .c)" "$src" || return 1 ;;
		*) install -m 755 "$src" "$out/" ;;
		esac
	done
}

# vm_copy_program SRC ROOT DEST: a Debian program SRC at ROOT/DEST, with
# the libraries it links at their own paths under ROOT.
vm_copy_program() {
	local src=$1 root=$2 dest=$3 lib
	mkdir -p "$root$(dirname "$dest")"
	cp "$src" "$root$dest"
	for lib in $(ldd "$src" | grep -oE '/[^ ]+\.so[^ ]*'); do
		mkdir -p "$root$(dirname "$lib")"
		cp -L "$lib" "$root$lib"
	done
}

# vm_iproute2 ROOT: Debian's iproute2 (busybox's ip cannot add links of a
# kind) at /opt/iproute2/ip with the libraries it links, and its plugin for
# safe_loop's "peer name" (and its twin's) at /opt/iproute2/lib (IP_LIB_DIR). Tests call it by
# absolute path: busybox's sh would run its own applet for "ip".
vm_iproute2() {
	local root=$1 kind
	vm_copy_program /usr/sbin/ip "$root" /opt/iproute2/ip
	mkdir -p "$root/opt/iproute2/lib"
	for kind in safe_loop classic_loop; do
		gcc -shared -fPIC -O2 -Wall -Werror -DLINK_KIND=$kind \
			-o "$root/opt/iproute2/lib/link_$kind.so" \
			"$PROJECT/scripts/guest/iproute2/link_safe_loop.c" || return 1
	done
}

# vm_selftests OUT: the kselftests the series adds (a tools/testing/selftests
# directory named safe_*), each .c a static program, each .sh copied.
vm_selftests() {
	local out=$1 dir src
	mkdir -p "$out"
	for dir in "$TREE"/tools/testing/selftests/safe_*/; do
		[ -d "$dir" ] || continue
		for src in "$dir"*.c; do
			[ -e "$src" ] || continue
			gcc -static -O2 -Wall -Werror -idirafter "$TREE/include/uapi" \
				-o "$out/$(basename "$src" .c)" "$src" || return 1
		done
		for src in "$dir"*.sh; do
			[ -e "$src" ] && install -m 755 "$src" "$out/"
		done
	done
	return 0
}

# vm_initramfs OUT: busybox, our /init, the kernel's modules (/lib/modules), the
# series' kselftests (/selftests), the guest tests and demo scripts.
# GUEST_TESTS_EXTRA (a directory) adds more tests, e.g. to prove that a
# failing guest test fails the stage. VM_WITH_FIO=1 adds Debian's fio at
# /opt/fio/fio (the benchmark's block cases; its libraries are ~80 MB, so
# the test boots go without it).
vm_initramfs() {
	local out=$1 root
	root=$(mktemp -d)
	chmod 755 "$root"
	mkdir -p "$root"/{bin,sbin,tests,demo,proc,sys,dev,tmp,selftests,run,var}
	ln -s ../run "$root/var/run"
	cp /bin/busybox "$root/bin/busybox"
	# /lib/modules/<release> with modules.dep, for busybox modprobe.
	kmake "$VM_BUILD" ARCH=x86_64 INSTALL_MOD_PATH="$root" modules_install \
		>"$VM_BUILD/modules_install.log" 2>&1 ||
		{ cat "$VM_BUILD/modules_install.log"; rm -rf "$root"; return 1; }
	vm_twins "$VM_BUILD" "$root" || { rm -rf "$root"; return 1; }
	vm_selftests "$root/selftests" || { rm -rf "$root"; return 1; }
	vm_iproute2 "$root" || { rm -rf "$root"; return 1; }
	vm_copy_program /usr/sbin/ethtool "$root" /opt/ethtool/ethtool || { rm -rf "$root"; return 1; }
	vm_bench_programs "$root/bench" || { rm -rf "$root"; return 1; }
	if [ "${VM_WITH_FIO:-}" = 1 ]; then
		vm_copy_program /usr/bin/fio "$root" /opt/fio/fio || { rm -rf "$root"; return 1; }
	fi
	install -m 755 "$PROJECT/scripts/guest/init" "$root/init"
	install -m 755 "$PROJECT/scripts/guest/kselftest-tap" "$root/bin/kselftest-tap"
	cp -a "$PROJECT"/tests/guest/. "$root/tests/" 2>/dev/null || true
	cp -a "$PROJECT"/tests/demo/. "$root/demo/" 2>/dev/null || true
	if [ -n "${GUEST_TESTS_EXTRA:-}" ]; then
		cp -a "$GUEST_TESTS_EXTRA"/. "$root/tests/"
	fi
	(cd "$root" && find . | cpio -o -H newc -R 0:0 --quiet | gzip -1) >"$out"
	rm -rf "$root"
}

# vm_accel: "kvm" if a KVM guest really boots this kernel to user space,
# else "tcg" (nested KVM here can hang before the kernel prints anything).
vm_accel() {
	local probe=$VM_DIR/kvm-probe
	if [ "${VM_ACCEL:-}" ]; then echo "$VM_ACCEL"; return; fi
	if [ ! -s "$probe" ] || [ "$probe" -ot "$VM_BUILD/arch/x86/boot/bzImage" ]; then
		echo tcg >"$probe"
		if [ -w /dev/kvm ]; then
			timeout -k 2 30 qemu-system-x86_64 -enable-kvm -cpu max -m 1G -display none \
				-monitor none -serial stdio -nic none -no-reboot \
				-kernel "$VM_BUILD/arch/x86/boot/bzImage" -initrd "$VM_DIR/initramfs.cpio.gz" \
				-append "console=ttyS0 safe.mode=probe kunit.enable=0" \
				</dev/null >"$probe.log" 2>/dev/null || true
			grep -q '^guest: done' "$probe.log" && echo kvm >"$probe"
		fi
	fi
	cat "$probe"
}

# Two 82540EMs (e1000) on one QEMU hub, linked only to each other: nothing
# the guest sends leaves QEMU (no user, tap, bridge or socket backend).
# pci=noacpi: under TCG, routing a PCI interrupt through ACPI's link
# objects takes 24 s per device (measured); the PIIX router table is
# instant, and ACPI still describes the CPUs.
# The guest learns their addresses from safe.nic_macs= (the EEPROMs hold
# them: the tests check that the driver reads the same).
VM_NIC_MACS=(52:54:00:5a:fe:01 52:54:00:5a:fe:02)
VM_NICS=(-netdev hubport,id=e1a,hubid=0 -device "e1000,netdev=e1a,mac=${VM_NIC_MACS[0]}"
	-netdev hubport,id=e1b,hubid=0 -device "e1000,netdev=e1b,mac=${VM_NIC_MACS[1]}")

# vm_boot MODE LOG: boot the test kernel with safe.mode=MODE (and VM_APPEND),
# console to LOG; KVM if it boots here, else TCG. With VM_ICOUNT=1, TCG
# with -icount shift=0,sleep=off instead: the guest's clock counts
# instructions (one per nanosecond), whatever the host does meanwhile.
# VM_SMP sets the number of vCPUs (default 2); VM_PLUGIN="FILE.so,ARGS"
# loads a QEMU TCG plugin. The accelerator used goes to $VM_DIR/accel.
# Returns QEMU's status (124: timeout).
vm_boot() {
	local mode=$1 log=$2 accel rc
	local qemu=(qemu-system-x86_64 -machine pc -smp "${VM_SMP:-2}" -m 1G -display none -monitor none
		-serial stdio -nic none -no-reboot "${VM_NICS[@]}"
		-kernel "$VM_BUILD/arch/x86/boot/bzImage" -initrd "$VM_DIR/initramfs.cpio.gz"
		-append "console=ttyS0 panic=-1 pci=noacpi safe.mode=$mode safe.nic_macs=$(IFS=,; echo "${VM_NIC_MACS[*]}") ${VM_APPEND:-}"
		-cpu max)
	[ -z "${VM_PLUGIN:-}" ] || qemu+=(-plugin "$VM_PLUGIN")
	if [ -n "${VM_ICOUNT:-}" ]; then
		accel=icount
		qemu+=(-accel tcg -icount shift=0,sleep=off)
	else
		accel=$(vm_accel)
		if [ "$accel" = kvm ]; then qemu+=(-enable-kvm); else qemu+=(-accel tcg); fi
	fi
	info "booting the test kernel under QEMU ($accel, timeout ${VM_TIMEOUT}s)"
	echo "accel: $accel" >"$VM_DIR/accel"
	set +e
	# Line-buffered: the log shows a guest that hangs up to its last line.
	timeout -k 5 "$VM_TIMEOUT" "${qemu[@]}" </dev/null 2>&1 | stdbuf -oL tr -d '\r' >"$log"
	rc=${PIPESTATUS[0]}
	set -e
	return "$rc"
}

# vm_results MODE LOG: one TAP line per check found in the console log of a
# boot in MODE (test or demo): every KUnit test case, every guest test (a
# test boot that reported none fails), the guest having finished, and the log
# being free of sanitizer / lockdep / WARN reports.
vm_results() {
	local mode=$1 log json ktap
	log=$(realpath "$2") # kunit.py changes directory
	json=$(mktemp)
	if grep -q 'KTAP version\|TAP version' "$log"; then
		# Only the KTAP lines: a kernel message another CPU prints
		# between them (a device probed during boot) breaks the parser.
		ktap=$(mktemp)
		grep -E '^(\[ *[0-9.]+\] )? *(KTAP version|TAP version|ok |not ok |#|1\.\.)' \
			"$log" >"$ktap" || true
		python3 "$TREE/tools/testing/kunit/kunit.py" parse --json="$json" "$ktap" >/dev/null 2>&1 || true
		rm -f "$ktap"
		if [ -s "$json" ]; then
			python3 "$PROJECT/scripts/kunit-cases.py" "$json" | while read -r status name; do
				case "$status" in
				PASS) echo "ok - vm kunit: $name" ;;
				SKIP) ;;
				*) echo "not ok - vm kunit: $name ($status)" ;;
				esac
			done
		else
			echo "not ok - vm kunit: the KTAP output in the console could not be parsed"
		fi
	else
		echo "not ok - vm kunit: no KUnit output in the console"
	fi
	if [ "$mode" = test ] && ! grep -qE '^guest: (not )?ok - ' "$log"; then
		echo "not ok - vm guest: no guest test reported a result"
	fi
	sed -n 's/^guest: \(\(not \)\{0,1\}ok - .*\)/\1/p' "$log" | sed 's/^\(\(not \)\{0,1\}ok - \)/\1vm guest: /'
	if grep -q '^guest: done' "$log"; then
		echo "ok - vm: the guest ran to the end"
	else
		echo "not ok - vm: the guest did not finish (crash or timeout)"
	fi
	if "$PROJECT/scripts/log-problems.sh" "$log" >"$json.problems"; then
		echo "ok - vm: no oops, WARN, sanitizer or lockdep report in the console"
	else
		sed 's/^/# /' "$json.problems"
		echo "not ok - vm: the console reports a problem"
	fi
	rm -f "$json" "$json.problems"
}
