#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Print "STATUS suite/case[/param]" for every leaf test in kunit.py's --json
output. A suite or parameterised case that reported no test at all is
printed as failed: a test that ran nothing must not look green."""
import json
import sys


def leaves(group, path):
    name = path + [group["name"]]
    children = 0
    for sub in group.get("sub_groups", []):
        children += 1
        yield from leaves(sub, name)
    for case in group.get("test_cases", []):
        children += 1
        yield case["status"], "/".join(name + [case["name"]])
    if not children:
        yield "EMPTY", "/".join(name)


def main():
    with open(sys.argv[1]) as f:
        data = json.load(f)
    for group in data.get("sub_groups", []):
        for status, name in leaves(group, []):
            print(status, name)
    for case in data.get("test_cases", []):
        print(case["status"], case["name"])


if __name__ == "__main__":
    main()
