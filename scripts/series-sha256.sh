#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The identity of the series as it stands in patches/ + series: the sha256 of
# the bytes of every patch that series names (its lines but '#' comments), in
# series order, concatenated. The evaluation records it as
# "<!-- series-sha256: HEX -->" (scripts/figures-fresh.sh compares).
set -euo pipefail
cd "$(dirname "$0")/.."
sed '/^#/d' series | while read -r p _; do
	[ -z "$p" ] || cat "patches/$p"
done | sha256sum | cut -d' ' -f1
