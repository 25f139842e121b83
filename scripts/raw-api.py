#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Count the raw kernel operations and escape hatches in C files.

    raw-api.py [--layer] [--list | --unsound] FILE...

A raw operation is one the safe layer exists to take out of drivers: user
copies and user pointers, container_of and private-data lookups, casts,
explicit lock calls, raw allocation and freeing, raw registration, and goto
(hand-written unwinding). An escape hatch (category escape_hatch) is the
layer's equivalent of Rust's `unsafe`: ACCESS_PRIVATE(), safe_span_from_raw(),
__force, the keyword union (type punning) and, in drivers, naming a
layer-internal symbol (an identifier starting with __safe_ or __SAFE_, or a
hand-made class type table, struct safe_*_type) or making by hand a value
the layer hands out (a compound literal or an initialized declaration of a
struct safe_* other than a driver's ..._driver and ..._ops tables: a span,
a bus address, a proof). --layer says the files are
lib/safe itself, which uses its own internals: layer-internal names are then
not counted, everything else is. A lock held for one scope (cleanup.h's
guard() and scoped_guard(), the layer's scoped_safe_lock() family) is
counted in every file alike as scoped_lock, apart from the explicit lock
calls (lock); it is not a raw operation. Comments, string literals and a
macro's own name in its #define are ignored.

An occurrence of any category is justified, as Rust's `unsafe` is by a
SAFETY comment, by a comment holding "Sound:" either on the occurrence's
line or as the nearest comment above it in the same paragraph: walking up
from its line through non-blank lines (a line holding only a macro's "\\"
counts as blank), the first line that holds a comment decides (a kernel-doc
block directly above a function is such a comment); a blank line first
means not justified.

Prints one line per file and category with a non-zero count
("FILE<TAB>CATEGORY<TAB>COUNT"; for escape_hatch a fourth field,
"justified=N", counts those justified), or with --list one line per
occurrence ("FILE:LINE<TAB>CATEGORY<TAB>TEXT"), or with --unsound the same
lines for the occurrences that are not justified. 'make check' requires the
drivers in scripts/safe-drivers to have no raw operation (nor a cleanup.h
guard: their scoped locks are the layer's) and only justified escape
hatches, and lib/safe (--layer --unsound) to print nothing; 'make bench'
prints the counts as the raw-API ledger. The categories are defined
here, once.
"""
import re
import sys

TYPES = (r"(?:(?:const|volatile|unsigned|signed)\s+)*"
         r"(?:(?:struct|union|enum)\s+\w+|void|char|short|int|long|bool|"
         r"[us](?:8|16|32|64)|__[us](?:8|16|32|64)|__(?:be|le)(?:16|32|64)|"
         r"\w+_t)(?:\s+(?:int|long|char))*")

# Naming the layer's internals: counted as an escape hatch in drivers, not in
# the layer itself (--layer).
# A value of a layer type made by hand: a compound literal, or a declaration
# with an initializer, of a struct safe_* other than the tables a driver
# fills in (its ..._driver and ..._ops). The layer hands such values out
# (spans, bus addresses, the proofs of a hand-off); one a driver makes
# names their private members in an initializer, which sparse's __private
# does not see.
MADE_BY_HAND = (r"\(\s*struct\s+safe_\w+\s*\)\s*\{|"
                r"\bstruct\s+safe_\w+(?<!_driver)(?<!_ops)(?<!_type)\s+\w+"
                r"\s*(?:\[[^\]]*\])?\s*=\s*\{")
LAYER_INTERNAL = (r"\b__(?:safe|SAFE)_(?!must_hold\b)\w*|\bstruct\s+safe_\w+_type\b|"
                  + MADE_BY_HAND)

CATEGORIES = [
    ("user_copy", r"\b(?:__)?(?:copy_(?:to|from)_user|get_user|put_user|"
                  r"clear_user|strncpy_from_user|copy_(?:to|from)_iter|"
                  r"memdup_user|import_ubuf|import_iovec)\b"),
    ("user_pointer", r"\b__user\b"),
    ("container_of", r"\bcontainer_of(?:_const)?\b"),
    ("private_data", r"\b(?:private_data|netdev_priv|dev_get_drvdata|"
                     r"dev_set_drvdata|file_inode)\b"),
    # (void) discards a value: it converts nothing that is then used.
    ("cast", r"(?<!sizeof)(?<!typeof)(?<!alignof)(?<!__same_type)"
             r"\((?!\s*void\s*\))\s*" + TYPES + r"\s*\**\s*\)\s*(?=[\w(&*~!-])"),
    ("lock", r"\b(?:raw_)?(?:spin_(?:un)?lock|mutex_(?:un)?lock|"
             r"read_(?:un)?lock|write_(?:un)?lock|rcu_read_(?:un)?lock|"
             r"srcu_read_(?:un)?lock|down_(?:read|write)|up_(?:read|write)|"
             r"down|up|local_irq_(?:save|restore|disable|enable))"
             r"(?:_\w+)?\s*\("),
    # A lock held for one scope, whatever the spelling: cleanup.h's guards
    # and the layer's scoped safe locks. Counted in every file alike, apart
    # from the explicit lock calls above; not a raw operation.
    ("scoped_lock", r"\b(?:scoped_guard|guard|scoped_safe_lock|"
                    r"scoped_safe_lock_nested|scoped_safe_trylock|"
                    r"scoped_safe_lock_interruptible)\s*\("),
    ("alloc", r"\b(?:k[mzc]alloc|kv[mzc]alloc|kmalloc_array|kcalloc|"
              r"vmalloc|vzalloc|kmem_cache_alloc|kstrdup|kmemdup|"
              r"alloc_netdev(?:_mqs)?|alloc_etherdev|alloc_skb|"
              r"netdev_alloc_skb|__get_free_pages?)\s*\("),
    ("free", r"\b(?:kv?free(?:_sensitive)?|vfree|kmem_cache_free|"
             r"(?:dev_)?kfree_skb(?:_any|_irq)?|dev_consume_skb_any|"
             r"consume_skb|free_netdev|free_pages?|put_device)\s*\("),
    ("registration", r"\b(?:misc_(?:de)?register|(?:un)?register_chrdev|"
                     r"cdev_(?:add|del)|(?:un)?register_netdevi?c?e?|"
                     r"rtnl_link_(?:un)?register|class_(?:un)?register|"
                     r"device_(?:create|destroy)|blk_mq_alloc_tag_set)\s*\("),
    ("goto", r"\bgoto\b"),
    ("escape_hatch", r"\bACCESS_PRIVATE\s*\(|\bsafe_span_from_raw\s*\(|"
                     r"\b__force\b|\bunion\b|" + LAYER_INTERNAL),
]
COMPILED = [(name, re.compile(rx)) for name, rx in CATEGORIES]
LAYER_INTERNAL_RX = re.compile(LAYER_INTERNAL)
SOUND = re.compile(r"\bSound:")
DEFINED = re.compile(r"\s*#\s*define\s+$")  # what precedes a macro's own name
TOKENS = re.compile(r'/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\\n])*"|'
                    r"'(?:\\.|[^'\\\n])*'", re.S)


def strip(text):
    """Blank out comments and string/char literals, keeping line breaks."""
    def keep_lines(m):
        return re.sub(r"[^\n]", " ", m.group(0))
    return TOKENS.sub(keep_lines, text)


def comments_by_line(text):
    """For each line number, the texts of the comments on it, in order."""
    on = {}
    for m in TOKENS.finditer(text):
        if not m.group(0).startswith("/"):
            continue  # a string or char literal
        first = text.count("\n", 0, m.start()) + 1
        last = first + m.group(0).count("\n")
        for lineno in range(first, last + 1):
            on.setdefault(lineno, []).append(m.group(0))
    return on


def is_justified(lineno, lines, on):
    """Is the occurrence on line LINENO justified by a Sound: comment?"""
    if any(SOUND.search(c) for c in on.get(lineno, [])):
        return True
    for above in range(lineno - 1, 0, -1):
        if lines[above - 1].strip() in ("", "\\"):
            return False  # the paragraph ends before any comment
        if above in on:
            return bool(SOUND.search(on[above][-1]))  # the nearest comment
    return False


def occurrences(path, layer=False):
    """(line, category, text, justified) for each occurrence in PATH."""
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    lines = text.split("\n")
    on = comments_by_line(text)
    for lineno, line in enumerate(strip(text).split("\n"), 1):
        if line.lstrip().startswith("#include"):
            continue
        for name, rx in COMPILED:
            for m in rx.finditer(line):
                if DEFINED.fullmatch(line[:m.start()]):
                    continue  # a macro's name where it is defined: no use
                found = m.group(0).strip()
                if layer and name == "escape_hatch" and \
                        LAYER_INTERNAL_RX.fullmatch(found):
                    continue
                yield lineno, name, found, is_justified(lineno, lines, on)


def main(argv):
    opts = {"--list", "--unsound", "--layer"}
    listing, unsound = "--list" in argv, "--unsound" in argv
    layer = "--layer" in argv
    files = [a for a in argv if a not in opts]
    bad = [a for a in files if a.startswith("--")]
    if not files or bad or (listing and unsound):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    for path in files:
        counts, justified = {}, {}
        for lineno, name, text, ok in occurrences(path, layer):
            counts[name] = counts.get(name, 0) + 1
            justified[name] = justified.get(name, 0) + ok
            if listing or (unsound and not ok):
                print(f"{path}:{lineno}\t{name}\t{text}")
        if listing or unsound:
            continue
        for name, _ in CATEGORIES:
            if not counts.get(name):
                continue
            if name == "escape_hatch":
                print(f"{path}\t{name}\t{counts[name]}\tjustified={justified[name]}")
            else:
                print(f"{path}\t{name}\t{counts[name]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
