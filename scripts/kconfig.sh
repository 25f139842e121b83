# SPDX-License-Identifier: GPL-2.0
# configure_kernel DIR [LLVM]: write DIR/.config for the test kernel:
# tinyconfig + scripts/config/vm-base.config + kernel-config.fragment, for
# x86_64; with LLVM set, for Debian's clang. Fails, naming them, when options
# the fragments ask for did not make it into the result (a dependency missing).
# KCONFIG_FRAGMENTS (space-separated paths) replaces the two fragments, for
# the benchmark kernel. With KCONFIG_ALLOW_UNKNOWN=1 (per-patch builds of 'make check'), options the
# tree does not define yet, because a later patch adds them, are let go.
# Source it after lib.sh.

# kconfig_symbols: every CONFIG_ symbol the tree's Kconfig files define.
kconfig_symbols() {
	find "$TREE" -name 'Kconfig*' -not -path '*/.git/*' -print0 |
		xargs -0 grep -hoE '^[[:space:]]*(menu)?config[[:space:]]+[A-Za-z0-9_]+' |
		awk '{print "CONFIG_" $2}' | sort -u
}

configure_kernel() {
	local dir=$1 llvm=${2:-} mk=kmake frags missing
	[ -n "$llvm" ] && mk=kmake_llvm
	if [ -n "${KCONFIG_FRAGMENTS:-}" ]; then
		read -ra frags <<<"$KCONFIG_FRAGMENTS"
	else
		frags=("$PROJECT/scripts/config/vm-base.config" "$PROJECT/kernel-config.fragment")
	fi
	mkdir -p "$dir"
	$mk "$dir" ARCH=x86_64 tinyconfig >"$dir/config.log" 2>&1 || { cat "$dir/config.log"; return 1; }
	"$TREE/scripts/kconfig/merge_config.sh" -m -O "$dir" "$dir/.config" "${frags[@]}" \
		>>"$dir/config.log" 2>&1 || { cat "$dir/config.log"; return 1; }
	$mk "$dir" ARCH=x86_64 olddefconfig >>"$dir/config.log" 2>&1 || { cat "$dir/config.log"; return 1; }
	local known=
	[ "${KCONFIG_ALLOW_UNKNOWN:-}" = 1 ] && known=$(kconfig_symbols)
	missing=$(cat "${frags[@]}" | sed -n 's/^\(CONFIG_[A-Za-z0-9_]*=.*\)$/\1/p;s/^# \(CONFIG_[A-Za-z0-9_]*\) is not set$/\1=n/p' |
		while IFS= read -r want; do
			opt=${want%%=*}
			if [ -n "$known" ] && ! grep -qx "$opt" <<<"$known"; then
				continue
			fi
			got=$(grep -E "^$opt=|^# $opt is not set" "$dir/.config" | sed "s/^# $opt is not set/$opt=n/")
			[ "${got:-$opt=n}" = "$want" ] || echo "  $want (got ${got:-nothing})"
		done)
	if [ -n "$missing" ]; then
		echo "kernel config in $dir lacks options the fragments ask for:"
		echo "$missing"
		return 1
	fi
}
