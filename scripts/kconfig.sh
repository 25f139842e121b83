# SPDX-License-Identifier: GPL-2.0
# configure_kernel DIR [LLVM]: write DIR/.config for the test kernel:
# tinyconfig + scripts/config/vm-base.config + kernel-config.fragment, for
# x86_64; with LLVM set, for Debian's clang. Fails, naming them, when options
# the fragments ask for did not make it into the result (a dependency missing).
# Source it after lib.sh.

configure_kernel() {
	local dir=$1 llvm=${2:-} mk=kmake frags missing
	[ -n "$llvm" ] && mk=kmake_llvm
	frags=("$PROJECT/scripts/config/vm-base.config" "$PROJECT/kernel-config.fragment")
	mkdir -p "$dir"
	$mk "$dir" ARCH=x86_64 tinyconfig >"$dir/config.log" 2>&1 || { cat "$dir/config.log"; return 1; }
	"$TREE/scripts/kconfig/merge_config.sh" -m -O "$dir" "$dir/.config" "${frags[@]}" \
		>>"$dir/config.log" 2>&1 || { cat "$dir/config.log"; return 1; }
	$mk "$dir" ARCH=x86_64 olddefconfig >>"$dir/config.log" 2>&1 || { cat "$dir/config.log"; return 1; }
	missing=$(cat "${frags[@]}" | sed -n 's/^\(CONFIG_[A-Za-z0-9_]*=.*\)$/\1/p;s/^# \(CONFIG_[A-Za-z0-9_]*\) is not set$/\1=n/p' |
		while IFS= read -r want; do
			opt=${want%%=*}
			got=$(grep -E "^$opt=|^# $opt is not set" "$dir/.config" | sed "s/^# $opt is not set/$opt=n/")
			[ "${got:-$opt=n}" = "$want" ] || echo "  $want (got ${got:-nothing})"
		done)
	if [ -n "$missing" ]; then
		echo "kernel config in $dir lacks options the fragments ask for:"
		echo "$missing"
		return 1
	fi
}
