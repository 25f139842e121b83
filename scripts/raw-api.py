#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Count the raw kernel operations in C files.

    raw-api.py [--list] FILE...

A raw operation is one the safe layer exists to take out of drivers: user
copies and user pointers, container_of and private-data lookups, casts,
explicit lock calls, raw allocation and freeing, raw registration, and goto
(hand-written unwinding). Comments and string literals are ignored.

Prints one line per file and category with a non-zero count
("FILE<TAB>CATEGORY<TAB>COUNT"), or with --list one line per occurrence
("FILE:LINE<TAB>CATEGORY<TAB>TEXT"). 'make check' requires zero for the
drivers in scripts/safe-drivers; 'make bench' prints the counts as the
raw-API ledger. The categories are defined here, once.
"""
import re
import sys

TYPES = (r"(?:(?:const|volatile|unsigned|signed)\s+)*"
         r"(?:(?:struct|union|enum)\s+\w+|void|char|short|int|long|bool|"
         r"[us](?:8|16|32|64)|__[us](?:8|16|32|64)|__(?:be|le)(?:16|32|64)|"
         r"\w+_t)(?:\s+(?:int|long|char))*")

CATEGORIES = [
    ("user_copy", r"\b(?:__)?(?:copy_(?:to|from)_user|get_user|put_user|"
                  r"clear_user|strncpy_from_user|copy_(?:to|from)_iter|"
                  r"memdup_user|import_ubuf|import_iovec)\b"),
    ("user_pointer", r"\b__user\b"),
    ("container_of", r"\bcontainer_of(?:_const)?\b"),
    ("private_data", r"\b(?:private_data|netdev_priv|dev_get_drvdata|"
                     r"dev_set_drvdata|file_inode)\b"),
    ("cast", r"(?<!sizeof)(?<!typeof)(?<!alignof)(?<!__same_type)"
             r"\(\s*" + TYPES + r"\s*\**\s*\)\s*(?=[\w(&*~!-])"),
    ("lock", r"\b(?:raw_)?(?:spin_(?:un)?lock|mutex_(?:un)?lock|"
             r"read_(?:un)?lock|write_(?:un)?lock|rcu_read_(?:un)?lock|"
             r"srcu_read_(?:un)?lock|down_(?:read|write)|up_(?:read|write)|"
             r"down|up|local_irq_(?:save|restore|disable|enable)|"
             r"scoped_guard|guard)(?:_\w+)?\s*\("),
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
]
COMPILED = [(name, re.compile(rx)) for name, rx in CATEGORIES]


def strip(text):
    """Blank out comments and string/char literals, keeping line breaks."""
    def keep_lines(m):
        return re.sub(r"[^\n]", " ", m.group(0))
    rx = re.compile(r'/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\\n])*"|'
                    r"'(?:\\.|[^'\\\n])*'", re.S)
    return rx.sub(keep_lines, text)


def scan(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = strip(f.read()).split("\n")
    for lineno, line in enumerate(lines, 1):
        if line.lstrip().startswith("#include"):
            continue
        for name, rx in COMPILED:
            for m in rx.finditer(line):
                yield lineno, name, m.group(0).strip()


def main(argv):
    listing = "--list" in argv
    files = [a for a in argv if a != "--list"]
    if not files:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    for path in files:
        counts = {}
        for lineno, name, text in scan(path):
            counts[name] = counts.get(name, 0) + 1
            if listing:
                print(f"{path}:{lineno}\t{name}\t{text}")
        if not listing:
            for name, _ in CATEGORIES:
                if counts.get(name):
                    print(f"{path}\t{name}\t{counts[name]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
