#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The identity of the series as it stands in patches/ + series: the sha256 of
# the bytes of every patch that series names (its lines but '#' comments), in
# series order, concatenated. The evaluation records it as
# "<!-- series-sha256: HEX -->" (scripts/figures-fresh.sh compares).
. "$(dirname "$0")/lib.sh"
series_patches | sed "s|^|$PROJECT/patches/|" | xargs -r cat | sha256sum | cut -d' ' -f1
