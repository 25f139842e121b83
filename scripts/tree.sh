#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make tree: the pinned base kernel as a git repo in $TREE, first commit = the
# untouched base, tagged $BASE_TAG. Sources, first that exists:
#   KERNEL_SRC=/path       a kernel tree of the user's (git or plain); must be 6.12.117
#   KERNEL_TARBALL=/path   a tarball of such a tree
#   ../shared/linux/       the project's pinned Debian tarball (checked against SHA256SUMS)
#   apt-get install linux-source-6.12   (the version is checked against the pin)
. "$(dirname "$0")/lib.sh"

if git -C "$TREE" rev-parse -q --verify "refs/tags/$BASE_TAG" >/dev/null 2>&1; then
	info "kernel tree already set up at $TREE"
	cat "$WORK/BASE" 2>/dev/null || true
	exit 0
fi
[ -e "$TREE" ] && die "$TREE exists but is not a work tree made by 'make tree': remove it and run again"

need_pkgs git xz-utils tar
staging=$WORK/staging
rm -rf "$staging"
mkdir -p "$staging"

tree_version() {
	awk -F' *= *' '/^VERSION/{v=$2} /^PATCHLEVEL/{p=$2} /^SUBLEVEL/{s=$2}
		/^EXTRAVERSION/{e=$2; print v "." p "." s e; exit}' "$1/Makefile"
}

from_tarball() {
	info "extracting $1"
	tar -C "$staging" -xf "$1"
	local top
	top=$(find "$staging" -mindepth 1 -maxdepth 1 -type d)
	[ "$(echo "$top" | wc -l)" -eq 1 ] || die "$1 does not hold one top directory"
	mv "$top" "$staging/linux"
}

if [ -n "${KERNEL_SRC:-}" ]; then
	[ -f "$KERNEL_SRC/Makefile" ] || die "KERNEL_SRC=$KERNEL_SRC has no kernel Makefile"
	if git -C "$KERNEL_SRC" rev-parse --git-dir >/dev/null 2>&1; then
		[ -z "$(git -C "$KERNEL_SRC" status --porcelain --untracked-files=no)" ] ||
			warn "KERNEL_SRC has uncommitted changes: only its HEAD commit is used"
		desc=$(git -C "$KERNEL_SRC" describe --always --tags HEAD 2>/dev/null)
		info "copying HEAD ($desc) of the git tree $KERNEL_SRC"
		mkdir -p "$staging/linux"
		git -C "$KERNEL_SRC" archive HEAD | tar -C "$staging/linux" -x
		source_desc="KERNEL_SRC=$KERNEL_SRC (git, HEAD $desc)"
	else
		[ -e "$KERNEL_SRC/.config" ] || [ -e "$KERNEL_SRC/vmlinux" ] &&
			die "KERNEL_SRC=$KERNEL_SRC has build output in it: run 'make mrproper' there first"
		info "copying $KERNEL_SRC"
		cp -a "$KERNEL_SRC" "$staging/linux"
		source_desc="KERNEL_SRC=$KERNEL_SRC (plain directory)"
	fi
	v=$(tree_version "$staging/linux")
	[ "$v" = "$BASE_VERSION" ] ||
		die "KERNEL_SRC is Linux $v, the series is for $BASE_VERSION (ALLOW is not offered: rebase the series instead)"
	warn "using your tree: Linux $v. The series is tested on Debian's $DEBIAN_PKG $DEBIAN_VERSION, which carries Debian's patches on top of $BASE_VERSION."
elif [ -n "${KERNEL_TARBALL:-}" ]; then
	[ -f "$KERNEL_TARBALL" ] || die "KERNEL_TARBALL=$KERNEL_TARBALL does not exist"
	from_tarball "$KERNEL_TARBALL"
	sum=$(sha256sum "$KERNEL_TARBALL" | cut -d' ' -f1)
	source_desc="KERNEL_TARBALL=$KERNEL_TARBALL (sha256 $sum)"
	if grep -q "^$sum " "$SHARED_TARBALL_DIR/SHA256SUMS" 2>/dev/null; then
		source_desc="$source_desc, matches the pinned tarball"
	else
		warn "KERNEL_TARBALL is not the pinned tarball (its sha256 is not in $SHARED_TARBALL_DIR/SHA256SUMS)"
	fi
elif [ -f "$SHARED_TARBALL_DIR/SHA256SUMS" ]; then
	info "checking $SHARED_TARBALL_DIR against SHA256SUMS"
	(cd "$SHARED_TARBALL_DIR" && sha256sum --quiet -c SHA256SUMS) ||
		die "the pinned tarball in $SHARED_TARBALL_DIR does not match SHA256SUMS"
	tarball=$SHARED_TARBALL_DIR/$(awk '{print $2; exit}' "$SHARED_TARBALL_DIR/SHA256SUMS")
	from_tarball "$tarball"
	source_desc="pinned tarball $tarball (sha256 $(awk '{print $1; exit}' "$SHARED_TARBALL_DIR/SHA256SUMS"), $DEBIAN_PKG $DEBIAN_VERSION)"
else
	need_pkgs "$DEBIAN_PKG"
	got=$(dpkg-query -W -f='${Version}' "$DEBIAN_PKG")
	if [ "$got" != "$DEBIAN_VERSION" ]; then
		warn "=================================================================="
		warn "$DEBIAN_PKG is version $got, NOT the pinned $DEBIAN_VERSION."
		warn "This is a different base: patches may not apply, results differ."
		warn "=================================================================="
	fi
	from_tarball "/usr/src/$DEBIAN_PKG.tar.xz"
	source_desc="Debian package $DEBIAN_PKG $got (/usr/src/$DEBIAN_PKG.tar.xz)"
fi

v=$(tree_version "$staging/linux")
[ "$v" = "$BASE_VERSION" ] || warn "the base tree is Linux $v, not $BASE_VERSION"

info "committing the untouched base (a minute or so)"
cd "$staging/linux"
git init -q -b base
git config user.name "$GIT_AUTHOR_NAME"
git config user.email "$GIT_AUTHOR_EMAIL"
git config gc.auto 0
git config am.threeWay true
# Debian's top-level .gitignore ignores everything ("/*"): add with -f.
git add -f -A
# Fixed dates make the base commit the same on every machine for the same input.
GIT_AUTHOR_DATE="2025-01-01T00:00:00Z" GIT_COMMITTER_DATE="2025-01-01T00:00:00Z" \
	git commit -q --no-verify -m "Linux $v base" -m "Source: $source_desc"
git tag -a "$BASE_TAG" -m "untouched base: $source_desc"
git checkout -q -b series
# Drop Debian's "ignore everything" rule in the work tree only, so new files
# under lib/ or drivers/ show up; skip-worktree keeps it out of every commit.
sed -i '/^# Debian packaging/,$d' .gitignore
git update-index --skip-worktree .gitignore
cd - >/dev/null
mv "$staging/linux" "$TREE"
rmdir "$staging"
printf 'base: Linux %s from %s\n' "$v" "$source_desc" >"$WORK/BASE"
info "kernel tree ready at $TREE (branch 'series' on tag $BASE_TAG)"
cat "$WORK/BASE"
