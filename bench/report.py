#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Turn the benchmark boots into figures: CSV, JSON, a Markdown page, charts.

    report.py --log CONSOLE [--log-icount CONSOLE] [--seed N] --build KBUILD
              --tree KSRC --twins TWINDIR --accel tcg|kvm --out DIR
              [--min-runs N] [--doc PAGE] [--charts DIR] [--readme README]
              [--profile CONSOLE BLOCKS --profile CONSOLE BLOCKS]

--log is the console of the wall-clock boot (QEMU with --accel), which runs
every case; --log-icount, if given, that of a boot under QEMU's -icount
(guest time counts instructions), which runs the single-stream cases. Each
guest line "guest: bench: CASE KEY=VALUE ... rep=R METRIC=X" is one run;
rep=0 is a warm-up, kept in DIR/runs.csv and left out of every statistic.
Per case: the median of the runs with a 95% bootstrap percentile interval;
per comparison: the ratio of the medians with its interval (both groups
resampled apart); for the block devices also the geometric mean of the IOPS
ratios over the configurations, with its interval (every group resampled
apart). Ratios are only formed within one boot. --min-runs is the
number of runs (warm-up not counted) each case must have; --seed, the seed
of the run order the host gave the guests, which each log's info line must
carry (a log of another run is a problem). --profile, given twice: the
console and the block counts (bench/qemu/insn-profile.c) of the two
instruction-profile boots (bench/guest/profile), the driver's first; the
page then shows, per read, the instructions of each function in either
boot and their difference.

Also measures sizes (size(1), nm(1)) in the benchmark kernel's build
directory and the twins' builds, counts lines, raw kernel operations and
escape hatches (scripts/raw-api.py) in the sources, and records the series
measured (scripts/series-sha256.sh). Writes DIR/runs.csv, DIR/bench.json,
DIR/evaluation.md and the charts (gnuplot, SVG and PNG). --doc writes the page there too, --charts copies the charts and
runs.csv there, --readme rewrites the summary between README's bench
markers. Prints the problems it found (missing runs, failed runs, missing
objects) on stderr and exits 1 if there were any.
"""
import argparse
import bisect
import csv
import glob
import importlib.util
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
from collections import Counter, namedtuple

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.dirname(HERE)
spec = importlib.util.spec_from_file_location(
    "raw_api", os.path.join(PROJECT, "scripts", "raw-api.py"))
raw_api = importlib.util.module_from_spec(spec)
spec.loader.exec_module(raw_api)

problems = []


def problem(msg):
    problems.append(msg)
    print("report: " + msg, file=sys.stderr)


# --- the guest's log ------------------------------------------------------

PREFIX = "guest: bench: "
# Per case: the key naming what was measured, the keys of its parameters
# and its metrics.
CASES = {
    "char": ("dev", ("bs", "readers"), ("mbps",)),
    "sem": ("drv", ("mode",), ("ops",)),
    "net-frames": ("dev", ("size",), ("fps",)),
    "net-ping": ("kind", (), ("p50", "p99")),
    "net-udp": ("kind", (), ("pps",)),
    "net-tcp": ("kind", (), ("mbps",)),
    "blk": ("drv", ("bs", "rw", "jobs", "engine"), ("iops", "p50", "p99")),
}
FRAME_DEVS = {"sl_lone": "safe_loop", "cl_lone": "classic_loop"}
Run = namedtuple("Run", "measure case subject params rep warmup seq metric value")
RUN_FIELDS = Run._fields


def key_values(text):
    """{KEY: VALUE} of "KEY=VALUE ..." text, or None if a word is no pair."""
    pairs = [w.split("=", 1) for w in text.split()]
    return dict(pairs) if all(len(p) == 2 for p in pairs) else None


def case_runs(case, fields, measure, seq):
    """The runs one result line reports (one per metric), or None."""
    subject_key, param_keys, metrics = CASES[case]
    try:
        rep = int(fields["rep"])
        subject = FRAME_DEVS.get(fields[subject_key], fields[subject_key])
        params = " ".join(f"{k}={fields[k]}" for k in param_keys)
        return [Run(measure, case, subject, params, rep, int(rep == 0), seq,
                    m, float(fields[m])) for m in metrics]
    except (KeyError, ValueError):
        return None


def guest_lines(path, prefix):
    """(WORD, REST, LINE) of each console line "PREFIX WORD REST"."""
    with open(path, errors="replace") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if line.startswith(prefix):
                word, _, rest = line[len(prefix):].partition(" ")
                yield word, rest, line


def parse_log(path, measure):
    """The runs of one boot's console log and its info line's fields."""
    runs, info, seq = [], None, 0
    for case, rest, line in guest_lines(path, PREFIX):
        if case == "info":
            fields = key_values(rest)
            if info is None:
                info = fields
            elif fields != info:
                problem(f"{path}: two different info lines")
            continue
        seq += 1
        if case == "error":
            problem(f"guest ({measure}): {line[len(PREFIX):]}")
            continue
        fields = key_values(rest)
        found = case_runs(case, fields, measure, seq) if \
            case in CASES and fields else None
        if found is None:
            problem(f"{path}: unreadable result line: {line}")
        else:
            runs += found
    if info is None:
        problem(f"{path}: no 'bench: info' line")
    return runs, info or {}


# --- statistics -----------------------------------------------------------

RESAMPLES = 10000
SEED = 12       # the bootstrap's: the same runs always give the same interval
NO_DIFF = "no measurable difference"
ONE_RUN = "n/a (1 run)"


def percentile(ordered, q):
    return ordered[round(q * (len(ordered) - 1))]


def bootstrap(stat, *groups):
    """95% percentile interval of STAT(*GROUPS) over resamples of each group
    drawn apart; None when a group has fewer than two runs."""
    if min(len(g) for g in groups) < 2:
        return None
    rng = random.Random(SEED)
    values = sorted(stat(*(rng.choices(g, k=len(g)) for g in groups))
                    for _ in range(RESAMPLES))
    return [percentile(values, 0.025), percentile(values, 0.975)]


def rounded(ci):
    return ci and [round(x, 4) for x in ci]


def median_summary(values):
    return {"median": round(statistics.median(values), 4),
            "ci": rounded(bootstrap(statistics.median, values)),
            "runs": len(values)}


def ratio_of_medians(a, b):
    return statistics.median(a) / statistics.median(b)


def geomean_of_ratios(*groups):
    """The geometric mean of A / B of the medians over GROUPS = A1, B1, A2,
    B2, ..."""
    return statistics.geometric_mean(
        ratio_of_medians(a, b) for a, b in zip(groups[::2], groups[1::2]))


def verdict(ci):
    """Whether a ratio with the interval CI differs from 1."""
    return ONE_RUN if ci is None else \
        NO_DIFF if ci[0] <= 1.0 <= ci[1] else "measurable"


def ratio_summary(a, b):
    """A / B of the medians: its interval, and whether it differs from 1."""
    if statistics.median(b) == 0:
        return None
    ci = bootstrap(ratio_of_medians, a, b)
    return {"ratio": round(ratio_of_medians(a, b), 4), "ci": rounded(ci),
            "verdict": verdict(ci)}


# --- what the throughput cases compare ------------------------------------

# A table compares SUBJECTS (the series' driver first, its twin second) on
# ROWS. A row: CASE's runs with PARAMS, METRIC of each subject; HIGHER: a
# higher value is better (ratios are turned so that >1 is better); SINGLE:
# one stream of work (runs under icount too).
Row = namedtuple("Row", "label case params metric higher single")
Table = namedtuple("Table", "key title about driver subjects ratios rows")
TABLES = [
    Table("char", "Character device reads",
          "Block size x readers: that many processes each read the device "
          "in block-sized read() calls for a set time "
          "(bench/guest/readbench.c); MB/s is 10^6 bytes read per second by "
          "all of them. The twin with the generic ChaCha (no SIMD) shows "
          "what SIMD buys; /dev/zero is the copy-out limit.",
          "safe_random",
          [("safe_random0", "safe_random"), ("classic_random0", "classic twin"),
           ("classic_random0-generic", "twin, generic ChaCha"),
           ("urandom", "/dev/urandom"), ("zero", "/dev/zero")],
          [("safe/twin", "safe_random0", "classic_random0"),
           ("safe/urandom", "safe_random0", "urandom"),
           ("twin SIMD/generic", "classic_random0", "classic_random0-generic")],
          [Row(f"read MB/s, {bs // 1024} KiB x{n}", "char",
               f"bs={bs} readers={n}", "mbps", True, n == 1)
           for bs in (4096, 65536, 1048576) for n in (1, 2)]),
    Table("sem", "Semaphore device",
          "Instances 0 and 1 (bench/guest/sembench.c): one process posting a "
          "unit and taking it back (1-byte write, 1-byte read; nothing "
          "sleeps), and two processes handing a unit back and forth through "
          "the two instances (each round trip two sleeps on the wait queue "
          "and two wake-ups).", "safe_sem",
          [("safe_sem", "safe_sem"), ("classic_sem", "classic twin")],
          [("safe/twin", "safe_sem", "classic_sem")],
          [Row("post + take, no sleep (cycles/s)", "sem", "mode=cycle", "ops",
               True, True),
           Row("hand-off between two processes (round trips/s)", "sem",
               "mode=pingpong", "ops", True, False)]),
    Table("loopback", "Network, loopback mode",
          "AF_PACKET frames sent and received back on the device, one in "
          "flight; mainline: lo.", "safe_loop",
          [("safe_loop", "safe_loop"), ("classic_loop", "classic twin"),
           ("lo", "lo (mainline)")],
          [("safe/twin", "safe_loop", "classic_loop"),
           ("safe/mainline", "safe_loop", "lo"),
           ("twin/mainline", "classic_loop", "lo")],
          [Row(f"frames/s, {n} B", "net-frames", f"size={n}", "fps", True, True)
           for n in (64, 1500)]),
    Table("pair", "Network, pair mode",
          "Between two namespaces; mainline: veth. UDP request/response round "
          "trips (64 B), UDP packets/s received from a sender blasting 64-byte "
          "datagrams, TCP bulk throughput.", "safe_loop",
          [("safe_loop", "safe_loop"), ("classic_loop", "classic twin"),
           ("veth", "veth (mainline)")],
          [("safe/twin", "safe_loop", "classic_loop"),
           ("safe/mainline", "safe_loop", "veth"),
           ("twin/mainline", "classic_loop", "veth")],
          [Row("ping-pong p50 (us)", "net-ping", "", "p50", False, False),
           Row("ping-pong p99 (us)", "net-ping", "", "p99", False, False),
           Row("UDP packets/s", "net-udp", "", "pps", True, False),
           Row("TCP MB/s", "net-tcp", "", "mbps", True, False)]),
]


def blk_label(params):
    """A block configuration's label: "4 KiB randread x1 psync"."""
    p = key_values(params)
    return f"{int(p['bs']) // 1024} KiB {p['rw']} x{p['jobs']} {p['engine']}"


# The block devices, a table of its own (block_md): per configuration, a row
# for each metric. safe_nullb has no classic twin; null_blk is its mainline
# counterpart.
BLK_PARAMS = [(f"bs={bs} rw={rw} jobs={jobs} engine={engine}", jobs == 1)
              for bs in (4096, 65536) for rw in ("randread", "randwrite")
              for jobs in (1, 2) for engine in ("psync", "libaio", "io_uring")]
BLK_METRICS = [("iops", "IOPS", True), ("p50", "p50 (us)", False),
               ("p99", "p99 (us)", False)]
BLOCK = Table(
    "blk", "Block devices (safe_nullb vs null_blk)",
    "fio (bench/guest/run) on a safe_nullb disk and on a null_blk disk, both "
    "made through configfs with the same settings: direct random reads or "
    "writes of 4 KiB or 64 KiB blocks by 1 or 2 jobs with the psync, libaio "
    "or io_uring engine, for a set time. IOPS counts the I/Os of all jobs per "
    "second; p50 and p99 are percentiles of fio's completion latency in "
    "microseconds (under icount, thousands of instructions). safe_nullb has "
    "no classic twin: mainline's null_blk is its counterpart.", "safe_nullb",
    [("safe_nullb", "safe_nullb"), ("null_blk", "null_blk (mainline)")],
    [("safe/null", "safe_nullb", "null_blk")],
    [Row(f"{blk_label(params)}: {label}", "blk", params, metric, higher, single)
     for params, single in BLK_PARAMS for metric, label, higher in BLK_METRICS])
# The goal for safe_nullb: the geometric mean of its IOPS ratios at least
# GOAL_GEOMEAN, and no configuration whose ratio's interval lies wholly
# below GOAL_FLOOR.
GOAL_GEOMEAN = 0.98
GOAL_FLOOR = 0.95

Measure = namedtuple("Measure", "key label meaning single_only")
TCG_MEANING = (
    "wall-clock time in a QEMU TCG guest (KVM is probed first and used when "
    "a KVM guest boots; here it did not). TCG emulates every instruction: "
    "SIMD code such as the AVX2 ChaCha is distorted against scalar code, and "
    "the host's load adds noise. Absolute figures say little; the ratios "
    "within the boot are the result.")
KVM_MEANING = "wall-clock time in a KVM guest: the host's CPU runs the guest."
ICOUNT_MEANING = (
    "QEMU `-icount shift=0,sleep=off`: guest time advances 1 ns per "
    "instruction executed, so a figure is an instruction count, deterministic "
    "and free of host noise, not CPU time: one AVX2 instruction counts as one "
    "scalar instruction, and cache misses cost nothing. MB/s here is MB per "
    "10^9 guest instructions (likewise frames/s and operations/s). "
    "Single-stream cases only: QEMU 7.2 disables multi-threaded TCG under "
    "icount, so vCPUs run in turn and a case with two runnable tasks would "
    "measure that serialisation.")


def wall_measure(accel):
    if accel == "kvm":
        return Measure("kvm", "wall-clock, KVM", KVM_MEANING, False)
    return Measure("tcg", "wall-clock, QEMU TCG", TCG_MEANING, False)


ICOUNT = Measure("icount", "instruction count, QEMU icount", ICOUNT_MEANING, True)


def rows_of(table, measure):
    return [r for r in table.rows if r.single or not measure.single_only]


def run_values(runs):
    """{(case, subject, params, metric): the values of its runs}, warm-ups
    left out."""
    values = {}
    for r in runs:
        if not r.warmup:
            values.setdefault((r.case, r.subject, r.params, r.metric),
                              []).append(r.value)
    return values


def measure_results(values, measure, min_runs):
    """Per table and row: each subject's summary and each ratio's. A case
    that did not run at all in the boot is one problem, and its rows are
    left out."""
    ran = {case for case, _, _, _ in values}
    out, missing = {}, []
    for t in TABLES + [BLOCK]:
        out[t.key] = {}
        for row in rows_of(t, measure):
            if row.case not in ran:
                missing.append(row.case)
                continue
            got = {s: values.get((row.case, s, row.params, row.metric), [])
                   for s, _ in t.subjects}
            for s, v in got.items():
                if len(v) < min_runs:
                    problem(f"{measure.key}: {t.key} {row.label} {s}: "
                            f"{len(v)} runs, expected {min_runs}")
            ratios = {}
            for name, a, b in t.ratios:
                num, den = (a, b) if row.higher else (b, a)
                if got[a] and got[b]:
                    ratios[name] = ratio_summary(got[num], got[den])
            out[t.key][row.label] = {
                "case": row.case, "params": row.params, "metric": row.metric,
                "subjects": {s: median_summary(v) for s, v in got.items() if v},
                "ratios": {k: v for k, v in ratios.items() if v}}
    for case in dict.fromkeys(missing):
        problem(f"{measure.key}: no {case} runs: the case did not run")
    return out


def goal_summary(cases):
    """CASES: {label: (ratio, A's runs, B's runs)}, each ratio A / B of the
    medians as ratio_summary() made it (turned so that above 1 is better).
    Over them: the geometric mean of the ratios with its interval (the runs
    of every case resampled), the range of their ratios, the cases whose
    ratio's interval lies wholly below GOAL_FLOOR, and whether the goal is
    met (None: not judged, a case has one run); None if there is no case."""
    if not cases:
        return None
    groups = [g for _, a, b in cases.values() for g in (a, b)]
    gm, ci = geomean_of_ratios(*groups), bootstrap(geomean_of_ratios, *groups)
    below = [label for label, (r, _, _) in cases.items()
             if r["ci"] and r["ci"][1] < GOAL_FLOOR]
    ratios = [r["ratio"] for r, _, _ in cases.values()]
    return {"ratio": round(gm, 4), "ci": rounded(ci), "verdict": verdict(ci),
            "configs": len(cases), "range": [min(ratios), max(ratios)],
            "below": below,
            "goal_met": None if ci is None else
            gm >= GOAL_GEOMEAN and not below}


def block_summary(values, rows):
    """The goal summary of safe_nullb's IOPS against null_blk's, over the
    block configurations where both ran."""
    return goal_summary({
        blk_label(row["params"]): (
            row["ratios"]["safe/null"],
            values[("blk", "safe_nullb", row["params"], "iops")],
            values[("blk", "null_blk", row["params"], "iops")])
        for row in rows.values()
        if row["metric"] == "iops" and "safe/null" in row["ratios"]})


# The network tables whose cases make up safe_loop's parity, and the ratios
# of theirs it is judged by (True) or shown beside (False: twin/mainline,
# the difference of design between the twin and lo or veth).
NET_TABLES = ("loopback", "pair")
NET_PARITY = {"safe/twin": True, "safe/mainline": True, "twin/mainline": False}


def net_summary(values, tables):
    """Per ratio of NET_PARITY, the goal summary over the network cases of
    the measure where both sides ran (each case's runs turned as its ratio
    is: for a latency, B over A)."""
    cases = {name: {} for name in NET_PARITY}
    for t in (t for t in TABLES if t.key in NET_TABLES):
        for name, a, b in (r for r in t.ratios if r[0] in NET_PARITY):
            for row in t.rows:
                got = tables[t.key].get(row.label)
                if not got or name not in got["ratios"]:
                    continue
                runs = [values[(row.case, s, row.params, row.metric)]
                        for s in (a, b)]
                cases[name][f"{row.label} ({t.key})"] = (
                    got["ratios"][name], *(runs if row.higher else runs[::-1]))
    return {name: goal_summary(c) for name, c in cases.items()}


# --- sizes ----------------------------------------------------------------

# The drivers compared: each of the series with its classic-C twin
# (bench/twins/; None if it has none) and its mainline counterparts: their
# object in the build, what each one is, and the device that stands for it
# in TABLES (or BLOCK).
Driver = namedtuple("Driver", "name dir twin mainline")
Mainline = namedtuple("Mainline", "name obj note device")
DRIVERS = [
    Driver("safe_random", "drivers/char", "classic_random",
           [Mainline("random.c", "drivers/char/random.o",
                     "scope: the entropy subsystem that safe_random draws its "
                     "seed from, not a like-for-like driver", "urandom")]),
    Driver("safe_sem", "drivers/char", "classic_sem", []),
    Driver("safe_loop", "drivers/net", "classic_loop",
           [Mainline("loopback.c", "drivers/net/loopback.o",
                     "lo: loopback mode's real counterpart", "lo"),
            Mainline("veth.c", "drivers/net/veth.ko",
                     "scope: pair mode's counterpart, with XDP, NAPI and "
                     "multiqueue that safe_loop has not", "veth")]),
    Driver("safe_nullb", "drivers/block", None,
           [Mainline("null_blk/main.c", "drivers/block/null_blk/main.o",
                     "scope: null_blk's main.c has zoned, badblocks, cache, "
                     "throttling, fault injection and more beyond the core "
                     "safe_nullb covers", "null_blk")]),
    Driver("safe_e1000", "drivers/net/ethernet/intel/safe_e1000", None,
           [Mainline("e1000_main.c", "drivers/net/ethernet/intel/e1000/e1000_main.o",
                     "scope: the core of a driver for the whole 8254x family "
                     "(e1000_hw.c, e1000_ethtool.c and e1000_param.c not "
                     "counted), with the offloads, VLAN, jumbo frames and "
                     "interrupt moderation safe_e1000 has not yet; not yet "
                     "benchmarked against it", "e1000")])]
# One thing measured: KIND is "series", "twin" or "mainline".
Subject = namedtuple("Subject", "name kind obj src note")


def subjects(build, tree, twins):
    out = []
    for d in DRIVERS:
        out.append(Subject(d.name, "series", f"{build}/{d.dir}/{d.name}.ko",
                           f"{tree}/{d.dir}/{d.name}.c", ""))
        if d.twin:
            out.append(Subject(d.twin, "twin", f"{twins}/{d.twin}/{d.twin}.ko",
                               f"{HERE}/twins/{d.twin}/{d.twin}.c",
                               "classic-C twin"))
        out += [Subject(m.name, "mainline", f"{build}/{m.obj}",
                        f"{tree}/{os.path.splitext(m.obj)[0]}.c", m.note)
                for m in d.mainline]
    return out


def size_of(path):
    """text, data, bss and their total in bytes, or None."""
    if not os.path.exists(path):
        problem(f"no object {path}")
        return None
    out = subprocess.run(["size", path], capture_output=True, text=True,
                         check=True).stdout.splitlines()[-1].split()
    text, data, bss = int(out[0]), int(out[1]), int(out[2])
    return {"text": text, "data": data, "bss": bss, "total": text + data + bss}


def add_sizes(sizes):
    return {k: sum(s[k] for s in sizes) for k in ("text", "data", "bss", "total")}


def symbols(path, *flags):
    out = subprocess.run(["nm", *flags, path], capture_output=True, text=True,
                         check=True).stdout
    return {line.split()[-1] for line in out.splitlines() if line.strip()}


def layer_objects(build):
    """{lib/safe object: (symbols it defines, symbols it needs)}."""
    objs = [o for o in sorted(glob.glob(f"{build}/lib/safe/*.o"))
            if not o.endswith("_kunit.o")]
    if not objs:
        problem(f"no lib/safe object in {build}")
    return {o: (symbols(o, "-g", "--defined-only"), symbols(o, "-u"))
            for o in objs}


def pulled_in(obj, layer):
    """The lib/safe objects OBJ needs: those defining a symbol it leaves
    undefined, and transitively what they need in turn."""
    need, found = symbols(obj, "-u"), []
    while True:
        new = [o for o, (defs, _) in layer.items()
               if o not in found and defs & need]
        if not new:
            return found
        found += new
        for o in new:
            need |= layer[o][1]


def sizes(subjs, layer):
    """Per subject: its own size, the lib/safe objects it pulls in, and its
    size with them."""
    out = {}
    for s in subjs:
        alone = size_of(s.obj)
        if not alone:
            continue
        objs = sorted(pulled_in(s.obj, layer))
        out[s.name] = {"alone": alone,
                       "objects": [os.path.basename(o) for o in objs],
                       "with_layer": add_sizes([alone] + [size_of(o) for o in objs])}
    return out


def layer_sizes(layer, size_table, subjs):
    """Per lib/safe object: its size, which of the series' drivers pull it
    in, and whether it is shared (two or more do)."""
    users = {os.path.basename(o): [] for o in layer}
    for s in subjs:
        if s.kind == "series" and s.name in size_table:
            for o in size_table[s.name]["objects"]:
                users[o].append(s.name)
    out = {}
    for o in layer:
        name = os.path.basename(o)
        out[name] = {"size": size_of(o), "users": users[name],
                     "shared": len(users[name]) >= 2}
    return out


# --- sources: lines and the raw-API ledger --------------------------------

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)


def series_headers(path, tree):
    """The headers of the layer that PATH includes directly:
    <linux/safe/*.h> and, from lib/safe, its own "*.h"."""
    with open(path, errors="replace") as f:
        text = f.read()
    out = []
    for kind, name in INCLUDE.findall(text):
        if kind == "<" and name.startswith("linux/safe/"):
            out.append(os.path.join(tree, "include", name))
        elif kind == '"' and os.path.dirname(path) == os.path.join(tree, "lib/safe"):
            out.append(os.path.join(tree, "lib/safe", name))
    return [h for h in out if os.path.exists(h)]


def layer_sources(subj, objects, tree):
    """The layer's source files a driver pulls in: the .c of each lib/safe
    object it needs, and the layer's headers that it and they include,
    transitively."""
    files = {os.path.join(tree, "lib/safe", o[:-2] + ".c") for o in objects}
    todo = [subj.src, *files]
    while todo:
        for h in series_headers(todo.pop(), tree):
            if h not in files:
                files.add(h)
                todo.append(h)
    return sorted(files)


def loc(paths):
    n = 0
    for p in paths:
        with open(p, errors="replace") as f:
            n += sum(1 for line in raw_api.strip(f.read()).split("\n")
                     if line.strip())
    return n


HATCH = "escape_hatch"    # the layer's `unsafe`: not a raw operation
SCOPED = "scoped_lock"    # counted in every file alike, not a raw operation
HATCH_LABEL = "escape hatches (Sound:)"
RAW_CATEGORIES = [n for n, _ in raw_api.CATEGORIES if n not in (HATCH, SCOPED)]
LEDGER_COLUMNS = RAW_CATEGORIES + ["total", SCOPED]


def ledger(paths, layer=False):
    """Occurrences per category, the raw operations' total, and how many
    escape hatches a Sound: comment justifies."""
    counts = {name: 0 for name, _ in raw_api.CATEGORIES}
    counts[HATCH + "_sound"] = 0
    for p in paths:
        for _, name, _, sound in raw_api.occurrences(p, layer):
            counts[name] += 1
            if name == HATCH:
                counts[HATCH + "_sound"] += sound
    counts["total"] = sum(counts[name] for name in RAW_CATEGORIES)
    return counts


def sources(subjs, size_table, tree):
    """Per subject: lines and ledger of its own file, and of the layer's
    files it pulls in (its class and the layer under it)."""
    out = {}
    for s in subjs:
        objects = size_table.get(s.name, {}).get("objects", [])
        extra = layer_sources(s, objects, tree)
        home = tree if s.kind != "twin" else PROJECT
        out[s.name] = {"file": os.path.relpath(s.src, home),
                       "layer_files": [os.path.relpath(p, tree) for p in extra],
                       "lines": loc([s.src]), "lines_with_layer": loc([s.src] + extra),
                       "ledger": ledger([s.src]), "layer_ledger": ledger(extra, layer=True)}
    return out


def whole_layer(tree):
    """The layer's own files: lib/safe/*.c (not the KUnit suites), its
    private headers and include/linux/safe/*.h."""
    files = [p for p in sorted(glob.glob(f"{tree}/lib/safe/*.[ch]"))
             if not p.endswith("_kunit.c")]
    return files + sorted(glob.glob(f"{tree}/include/linux/safe/*.h"))


# rnull, Rust's null_blk, as it is in the measured tree (6.12: direct
# completion only, 4 KiB blocks, not configurable), and its blk-mq
# abstraction: no Rust object is built here, so lines only.
RNULL_DRIVER = "drivers/block/rnull.rs"
RNULL_ABSTRACTION = "rust/kernel/block/mq.rs"


def rnull_lines(tree):
    """Lines of rnull.rs and of rust/kernel/block/mq{.rs,/*.rs}, or None
    where the tree has no such file."""
    driver = os.path.join(tree, RNULL_DRIVER)
    abstraction = [os.path.join(tree, RNULL_ABSTRACTION)] + sorted(
        glob.glob(os.path.join(tree, "rust/kernel/block/mq/*.rs")))
    abstraction = [p for p in abstraction if os.path.exists(p)]
    return {"driver": loc([driver]) if os.path.exists(driver) else None,
            "abstraction": loc(abstraction) if abstraction else None,
            "abstraction_files": [os.path.relpath(p, tree) for p in abstraction]}


def check_listed_drivers():
    """The drivers scripts/safe-drivers lists; each must be in DRIVERS."""
    with open(os.path.join(PROJECT, "scripts/safe-drivers")) as f:
        listed = [line.strip() for line in f
                  if line.strip() and not line.startswith("#")]
    known = {f"{d.dir}/{d.name}.c" for d in DRIVERS}
    for path in listed:
        if path not in known:
            problem(f"{path} (scripts/safe-drivers) has no entry in "
                    "report.py's DRIVERS")


# --- the studies ------------------------------------------------------------

REFS = {
    "atc24": "H. Li, L. Guo, Y. Yang, S. Wang, M. Xu, \"An Empirical Study of "
             "Rust-for-Linux: The Success, Dissatisfaction, and Compromise\", "
             "USENIX ATC '24, "
             "<https://www.usenix.org/conference/atc24/presentation/li-hongyu>",
    "artifact": "the study's artifact, "
                "<https://github.com/Richardhongyu/rfl_empirical_tools>, "
                "`rq2_figure7/data/data.txt` (text/data/bss per driver, Rust/C; "
                "the cpufreq-dt row was added in commit ad5ba32, March 2025)",
    "rfl1039": "Rust-for-Linux/linux issue #1039, \"Object size of the rfl "
               "drviers are larger than the corresponding C drivers especially "
               "when with debug symbols\" (opened by the study's first author, "
               "2023-10-17), <https://github.com/Rust-for-Linux/linux/issues/1039>",
    "rnull1": "A. Hindborg, \"[RFC PATCH 00/11] Rust null block driver\", "
              "2023-05-03, <https://lore.kernel.org/rust-for-linux/"
              "20230503090708.2524310-1-nmi@metaspace.dk/>",
    "rnull2": "A. Hindborg, \"[RFC PATCH 0/5] Rust block device driver API "
              "and null block driver\" (the RFC's second version), 2024-03-13, "
              "<https://lore.kernel.org/all/20240313110515.70088-1-nmi@metaspace.dk/>",
}
REF_ORDER = ("atc24", "artifact", "rfl1039", "rnull1", "rnull2")
# The study's driver sizes: text + data + bss bytes, Rust and C [atc24,
# artifact]; the study marks three drivers with *.
STUDY_SIZES = [("binder", 124240, 107279), ("gpio", 10186, 4220),
               ("semaphore", 4458, 2311), ("cpufreq-dt", 5004, 2432),
               ("NVMe*", 43580, 115779), ("null_blk*", 4605, 31881),
               ("e1000*", 19930, 107349)]
# `unsafe` left in Rust driver logic, as issue 6 of this project quoted
# them; no published source for them was found.
STUDIES_UNSAFE = [("GPU", 107), ("binder", 45), ("NVMe", 44), ("e1000", 4),
                  ("null_blk", 0)]


# --- formatting ---------------------------------------------------------------

def num(x):
    return f"{x:.0f}" if abs(x) >= 100 else f"{x:.1f}" if abs(x) >= 10 else f"{x:.2f}"


def interval(ci, fmt):
    return ONE_RUN if ci is None else f"[{fmt(ci[0])}, {fmt(ci[1])}]"


def median_cell(s):
    return f"{num(s['median'])} {interval(s['ci'], num)}" if s else "-"


def ratio_cell(r):
    if not r:
        return "-"
    cell = f"{r['ratio']:.3f} {interval(r['ci'], lambda x: f'{x:.3f}')}"
    return cell + (f" {NO_DIFF}" if r["verdict"] == NO_DIFF else "")


def size_cell(s):
    return f"{s['total']} ({s['text']}/{s['data']}/{s['bss']})" if s else "-"


def ratio_of(a, b):
    return f"x{a / b:.2f}" if a and b else "-"


def hatches(c):
    """An escape-hatch cell: the count, and how many have a Sound: comment."""
    return f"{c[HATCH]} ({c[HATCH + '_sound']})"


# --- the page -------------------------------------------------------------------

def method_md(res):
    r = ["## Method\n"]
    for m in res["measures"].values():
        info = " ".join(f"{k}={v}" for k, v in m["info"].items())
        r.append(f"- **{m['label']}** ({info}): {m['meaning']}")
    r.append(
        "\nEach boot runs each of its cases once per round, in an order shuffled "
        "afresh for each round (the `seq` column of runs.csv is the order "
        "in the log); round 0 is a warm-up, kept in runs.csv and left out of "
        "every figure. A figure is the median of the rounds with its 95% "
        f"bootstrap percentile interval ({RESAMPLES} resamples, fixed seed); "
        "a ratio is the ratio of two medians of the same boot with its "
        "interval (both groups resampled apart), turned so that above 1 is "
        f"better. A ratio whose interval holds 1.0 is marked \"{NO_DIFF}\". "
        "Ratios are only formed within one boot. Every run: "
        "[runs.csv](evaluation/runs.csv).\n")
    return r


def size_md(res):
    r = ["## Size\n",
         "`size` of each object of the benchmark kernel, in bytes: total "
         "(text/data/bss). A driver alone is its own object; with the layer, "
         "it is counted with the lib/safe objects it pulls in: those defining "
         "a symbol its object leaves undefined (`nm -u`), and what they need "
         "in turn. The layer's inline code is inside the driver's own object.\n",
         "| object | text | data | bss | total | pulled in by | shared |",
         "|---|---:|---:|---:|---:|---|---|"]
    for name, o in res["layer_objects"].items():
        s = o["size"] or {"text": "-", "data": "-", "bss": "-", "total": "-"}
        r.append(f"| lib/safe/{name} | {s['text']} | {s['data']} | {s['bss']} "
                 f"| {s['total']} | {', '.join(o['users']) or '-'} | "
                 f"{'yes' if o['shared'] else 'no'} |")
    r += ["\n| driver | alone | lib/safe objects it pulls in | with them | what it is |",
          "|---|---:|---|---:|---|"]
    for name, s in res["sizes"].items():
        r.append(f"| {name} | {size_cell(s['alone'])} | "
                 f"{', '.join(s['objects']) or '-'} | {size_cell(s['with_layer'])} "
                 f"| {res['notes'][name] or 'the series'} |")
    r.append("")
    for d in DRIVERS:
        a, b = res["sizes"].get(d.name), res["sizes"].get(d.twin)
        if a and b:
            r.append(f"- {d.name} / {d.twin}, total bytes: alone "
                     f"{ratio_of(a['alone']['total'], b['alone']['total'])}, "
                     f"with the lib/safe objects it pulls in "
                     f"{ratio_of(a['with_layer']['total'], b['alone']['total'])}.")
    r.append("\n![driver size](evaluation/size.svg)\n")
    r += ["The study's drivers, Rust against C, the same measure (text + data "
          "+ bss bytes of each driver's object) [1, 2]:\n",
          "| driver | Rust | C | Rust/C |", "|---|---:|---:|---:|"]
    r += [f"| {n} | {a} | {b} | {ratio_of(a, b)} |" for n, a, b in STUDY_SIZES]
    r.append("\n\\* so marked in the study's figure; there the Rust driver is "
             "the smaller. The study's first author also reported on RFL's "
             "issue tracker that \"the Rust drivers are 2X than C drivers "
             "without debug symbols and 4-6X with debug symbols\" [3], "
             "measuring each driver's own object (there "
             "`drivers/android/rust_binder.o`): like the 'alone' column here, "
             "without the shared code under it.\n")
    return r


def sources_md(res):
    r = ["## Lines of code\n",
         "Non-blank, non-comment lines: the driver's file alone, and with the "
         "layer's files it pulls in (the .c of each lib/safe object above, and "
         "the layer's headers it and they include, transitively).\n",
         "| driver | file | alone | with the layer's files | layer files |",
         "|---|---|---:|---:|---|"]
    for name, s in res["sources"].items():
        r.append(f"| {name} | {s['file']} | {s['lines']} | "
                 f"{s['lines_with_layer']} | {', '.join(s['layer_files']) or '-'} |")
    r += ["\n## Raw-API ledger\n",
          "Per file, what scripts/raw-api.py finds, the same patterns in "
          "every file: raw kernel operations (user copies and pointers, "
          "container_of, private data, casts, explicit lock calls, raw "
          "alloc/free, raw registration, goto) and their total; scoped locks "
          "(cleanup.h's `guard()`/`scoped_guard()` and the layer's "
          "`scoped_safe_lock()` family, one category, not in the total); and "
          f"the {HATCH_LABEL}: uses of the layer's escape hatches "
          "(ACCESS_PRIVATE, safe_span_from_raw, __force, union and, outside "
          "lib/safe, the layer's internal names), with how many carry a "
          "`Sound:` comment in parentheses. In lib/safe each raw operation has "
          "such a comment too.\n"]
    r += ledger_table([(n, s["ledger"]) for n, s in res["sources"].items()] +
                      [("lib/safe + include/linux/safe (all of it)",
                        res["layer_ledger"])])
    r += ["\nEach driver with the layer's files it pulls in (the class and "
          "the layer under it):\n"]
    rows = []
    for d in DRIVERS:
        s = res["sources"].get(d.name)
        if s:
            rows += [(f"{d.name}: driver", s["ledger"]),
                     (f"{d.name}: its layer files", s["layer_ledger"]),
                     (f"{d.name}: both", add_ledgers(s["ledger"], s["layer_ledger"]))]
    r += ledger_table(rows)
    ours = [(d.name, res["sources"][d.name]["ledger"]) for d in DRIVERS
            if d.name in res["sources"]]
    r.append(
        "\nThe studies' counts of `unsafe` left in Rust driver logic, "
        "**unsourced** (quoted by this project's issues; no publication "
        "giving them was found): "
        + ", ".join(f"{n} {c}" for n, c in STUDIES_UNSAFE) + ". Beside them, "
        "in our drivers: raw operations " + ", ".join(
            f"{n} {c['total']}" for n, c in ours) + f"; {HATCH_LABEL} "
        + ", ".join(f"{n} {hatches(c)}" for n, c in ours) + ". "
        "The two measure related but different things: Rust's counts are "
        "blocks or uses of a keyword that the compiler requires for unchecked "
        "code; ours are uses of the layer's escape hatches and of raw kernel "
        "operations in C, found by pattern (scripts/raw-api.py), which no "
        "compiler enforces beyond what `make check` requires.\n")
    return r


def add_ledgers(a, b):
    return {k: a[k] + b[k] for k in a}


def ledger_table(rows):
    r = ["| file | " + " | ".join(LEDGER_COLUMNS) + f" | {HATCH_LABEL} |",
         "|---|" + "---:|" * (len(LEDGER_COLUMNS) + 1)]
    return r + [f"| {name} | " + " | ".join(str(c[k]) for k in LEDGER_COLUMNS)
                + f" | {hatches(c)} |" for name, c in rows]


def throughput_md(res):
    r = []
    for t in TABLES:
        r.append(f"## {t.title}\n")
        r.append(f"{t.about} Medians with their 95% intervals; ratios turned "
                 "so that above 1 is better (for latency: lower).\n")
        for m in res["measures"].values():
            rows = m["tables"][t.key]
            if not rows:
                continue
            r.append(f"**{m['label']}**\n")
            r.append("| case | " + " | ".join(l for _, l in t.subjects) + " | "
                     + " | ".join(n for n, _, _ in t.ratios) + " |")
            r.append("|---|" + "---:|" * (len(t.subjects) + len(t.ratios)))
            for label, row in rows.items():
                r.append(f"| {label} | " + " | ".join(
                    median_cell(row["subjects"].get(s)) for s, _ in t.subjects)
                    + " | " + " | ".join(ratio_cell(row["ratios"].get(n))
                                         for n, _, _ in t.ratios) + " |")
            r.append("")
        if t.key == "char":
            r.append("![char throughput](evaluation/char-throughput.svg)\n")
            r += profile_md(res.get("profile"))
        if t.key == NET_TABLES[-1]:
            r += net_parity_md(res)
    r.append("![network](evaluation/net.svg)\n")
    return r


NET_PARITY_ABOUT = (
    "**safe_loop's parity**, judged by the block devices' goal applied to the "
    "network cases of each measure: the geometric mean of safe_loop's ratios "
    "over the cases (the runs of each resampled) at least "
    f"{GOAL_GEOMEAN}, and no case whose ratio's interval lies wholly below "
    f"{GOAL_FLOOR}. Against its twin, the same device in classic C, the "
    "ratio is what the layer costs; against mainline (lo in loopback mode, "
    "veth in pair mode) it adds the differences of design that twin/mainline "
    "shows (in loopback mode the twin, like the class, receives as lo does "
    "but also checks the header's length and counts both directions), which "
    "is given beside it and not judged.\n")


def net_parity_line(name, s):
    """One ratio of net_summary() S: its geometric mean, range and goal."""
    text = (f"{name} {ratio_cell(s)} over {s['configs']} cases "
            f"(from {s['range'][0]:.3f} to {s['range'][1]:.3f})")
    if not NET_PARITY[name]:
        return text
    below = ", ".join(s["below"]) or "none"
    return f"{text}, wholly below {GOAL_FLOOR}: {below}: goal {goal_state(s)}"


def net_parity_md(res):
    r = [NET_PARITY_ABOUT]
    for m in res["measures"].values():
        got = [(n, s) for n, s in m["net"].items() if s]
        if got:
            r.append(f"- {m['label']}: " + "; ".join(
                net_parity_line(n, s) for n, s in got) + ".")
    return r + [""]


def blk_configs(rows):
    """A block table's rows by configuration: {label: {metric: row}}."""
    out = {}
    for row in rows.values():
        out.setdefault(blk_label(row["params"]), {})[row["metric"]] = row
    return out


def goal_state(s, what="case"):
    """Whether the summary S over cases called WHAT meets the goal."""
    return {True: "met", False: "not met",
            None: f"not judged (a {what} has 1 run)"}[s["goal_met"]]


def goal_md(s, what="configuration"):
    """The goal and whether the summary S meets it, over cases called WHAT."""
    return (f"goal: a geometric mean of at least {GOAL_GEOMEAN} and no "
            f"{what} wholly below {GOAL_FLOOR}: {goal_state(s, what)}")


def pct(x):
    return f"{(x - 1) * 100:+.1f} %"


# The published IOPS figures of Rust null_blk drivers against C null_blk:
# (driver, source, configurations, mean, range), as percentages.
PUBLISHED_BLOCK = [
    ("rnull, reads", "first RFC, QEMU/KVM [4]", "432 (reads and writes)",
     "+0.2 % (average)", "-11.8 % .. +6.8 %"),
    ("rnull, writes", "first RFC, QEMU/KVM [4]", "432 (reads and writes)",
     "+0.9 % (average)", "-4.5 % .. +16.8 %"),
    ("rnull", "second RFC [5]", "-", "-2.5 % (mean)", "-10 % .. +30 %"),
    ("Rust NVMe and null_blk", "the study [1]", "-", "-", "-61 % .. +67 %"),
]


def block_published_md(res):
    """Our IOPS ratios beside the published ones, in one table."""
    r = ["IOPS against C null_blk, ours beside the published figures for "
         "Rust's null_blk (as differences: +1 % is a ratio of 1.01). Ours: "
         "the geometric mean of the configurations' ratios with its interval, "
         "and the range of the configurations' median ratios. The published "
         "ones are other machines, kernels and methods: they set ours in "
         "context, they are not comparable number for number; the study's "
         "sizes of the Rust and C null_blk are in the Size section.\n",
         "| driver against C null_blk | source | configurations | IOPS, mean "
         "| IOPS, range |",
         "|---|---|---:|---:|---:|"]
    for m in res["measures"].values():
        s = m["block"]
        if not s:
            continue
        mean = pct(s["ratio"])
        if s["ci"]:
            mean += f" [{pct(s['ci'][0])}, {pct(s['ci'][1])}]"
        low, high = s["range"]
        r.append(f"| safe_nullb | this run, {m['label']} | {s['configs']} | "
                 f"{mean} (geometric) | {pct(low)} .. {pct(high)} |")
    r += [f"| {d} | {src} | {n} | {mean} | {rng} |"
          for d, src, n, mean, rng in PUBLISHED_BLOCK]
    return r + [""]


def block_md(res):
    t = BLOCK
    r = [f"## {t.title}\n",
         f"{t.about} Medians with their 95% intervals; ratios turned so that "
         "above 1 is better (for latency: lower). A latency cell gives the two "
         "medians, safe_nullb / null_blk (their intervals are in bench.json).\n"]
    for m in res["measures"].values():
        configs = blk_configs(m["tables"][t.key])
        r.append(f"**{m['label']}**\n")
        if not configs:
            r.append("The block cases did not run in this boot (its console "
                     "has no `bench: blk` line).\n")
            continue
        r += ["| configuration | safe_nullb IOPS | null_blk IOPS | IOPS safe/null "
              "| p50 (us) | p50 safe/null | p99 (us) | p99 safe/null |",
              "|---|" + "---:|" * 7]
        for label, rows in configs.items():
            cells = [median_cell(rows["iops"]["subjects"].get(s))
                     for s, _ in t.subjects]
            cells.append(ratio_cell(rows["iops"]["ratios"].get("safe/null")))
            for metric in ("p50", "p99"):
                got = [rows[metric]["subjects"].get(s) for s, _ in t.subjects]
                cells += [" / ".join(num(g["median"]) if g else "-" for g in got),
                          ratio_cell(rows[metric]["ratios"].get("safe/null"))]
            r.append(f"| {label} | " + " | ".join(cells) + " |")
        s = m["block"]
        if not s:
            r.append("\nNo configuration ran on both drivers: no geometric mean.\n")
            continue
        r += [f"\n- Geometric mean of the IOPS ratios safe/null over "
              f"{s['configs']} configurations (the runs of each resampled): "
              f"{ratio_cell(s)}.",
              f"- Configurations whose IOPS ratio's interval lies wholly below "
              f"{GOAL_FLOOR}: {', '.join(s['below']) or 'none'}.",
              f"- The {goal_md(s)}.\n"]
    if any(m["block"] for m in res["measures"].values()):
        r.append("![block IOPS](evaluation/block-iops.svg)\n")
    r += block_published_md(res)
    rn = res.get("rnull_lines") or {}
    if rn.get("driver") is not None:
        r.append(
            f"rnull in the measured tree: {RNULL_DRIVER}, {rn['driver']} lines "
            "(this kernel's version: direct completion only, 4 KiB blocks, not "
            "configurable; no configfs, no memory backing), on its blk-mq "
            f"abstraction ({', '.join(rn['abstraction_files'])}), "
            f"{rn['abstraction'] or 0} lines; counted as the Lines section "
            "counts (code lines, no comments or blank lines). safe_nullb's "
            "lines, alone and with its class, are in the Lines section.\n")
    else:
        r.append(f"rnull is not in the measured tree ({RNULL_DRIVER}).\n")
    return r


# --- the instruction profile ------------------------------------------------

PROFILE_PREFIX = "guest: profile: "
# Kernel addresses start here on x86_64; below are the firmware and the
# kernel's decompressor (physical addresses) and user space.
KERNEL_SPACE = 0xffff800000000000
OUTSIDE = "(firmware, boot code, user space)"
# Differences smaller than this (instructions per read) go to one row.
PROFILE_MIN = 1.0


def kernel_text_symbols(build):
    """The text symbols of System.map, and where _stext is."""
    syms, stext = [], None
    with open(f"{build}/System.map") as f:
        for line in f:
            addr, kind, name = line.split()[:3]
            if kind in "tTwW":
                syms.append((int(addr, 16), name))
            if name == "_stext":
                stext = int(addr, 16)
    return syms, stext


def profile_boot(kernel, log, blocks):
    """One profile boot: its work and its instructions by function.

    KERNEL is kernel_text_symbols() of the build the boot ran.
    """
    syms, stext = list(kernel[0]), kernel[1]
    done = guest_stext = None
    for kind, rest, line in guest_lines(log, PROFILE_PREFIX):
        if kind == "sym":
            addr, name = rest.split()
            syms.append((int(addr, 16), name.replace("[", " [")))
        elif kind == "stext":
            guest_stext = int(rest, 16)
        elif kind == "done":
            done = key_values(rest)
        else:
            problem(f"{log}: {line}")
    if not done:
        problem(f"{log}: the profile did not finish")
        return None
    if guest_stext != stext:
        problem(f"{log}: the guest's kernel text is not where System.map "
                "puts it (KASLR?); the profile cannot be named")
        return None
    syms.sort()
    addrs = [a for a, _ in syms]
    functions = Counter()
    with open(blocks) as f:
        for line in f:
            if line.startswith("#"):
                problem(f"{blocks}: {line.strip()}")
                continue
            addr, insns, runs = (int(w, 16 if i == 0 else 10)
                                 for i, w in enumerate(line.split()))
            i = bisect.bisect_right(addrs, addr) - 1
            name = syms[i][1] if addr >= KERNEL_SPACE and i >= 0 else OUTSIDE
            functions[name] += insns * runs
    return {"dev": done["dev"], "reads": int(done["reads"]),
            "bs": int(done["bs"]), "functions": functions}


def profile_results(build, boots):
    """Two profile boots (the driver's, its twin's) subtracted by function.

    Per read: each function's instructions in either boot and their
    difference; the functions whose difference is below PROFILE_MIN are
    summed into one row. None if a boot is missing or unreadable.
    """
    if len(boots) != 2:
        if boots:
            problem("the instruction profile needs exactly two boots")
        return None
    kernel = kernel_text_symbols(build)
    a, b = (profile_boot(kernel, log, blocks) for log, blocks in boots)
    if not a or not b:
        return None
    if (a["reads"], a["bs"]) != (b["reads"], b["bs"]):
        problem("the two profile boots did different work")
        return None
    n = a["reads"]
    rows, rest = [], 0.0
    for name in set(a["functions"]) | set(b["functions"]):
        x, y = a["functions"][name] / n, b["functions"][name] / n
        if abs(x - y) >= PROFILE_MIN:
            rows.append((name, x, y, x - y))
        else:
            rest += x - y
    rows.sort(key=lambda r: (-abs(r[3]), r[0]))
    return {"a": a["dev"], "b": b["dev"], "reads": n, "bs": a["bs"],
            "rows": rows, "rest": rest,
            "total": sum(r[3] for r in rows) + rest}


def profile_md(p):
    if not p:
        return []
    kib = p["bs"] // 1024
    r = [f"### Where a {kib} KiB read's instructions go\n",
         f"Instructions per read() by function, /dev/{p['a']} against "
         f"/dev/{p['b']}: two boots under -icount with one vCPU that differ "
         f"only in the device read ({p['reads']} reads of {p['bs']} bytes "
         "each, bench/guest/profile), counted block by block by QEMU's plugin "
         "bench/qemu/insn-profile.c and named from System.map and the "
         "modules' symbols. What both boots run alike (their start, the "
         "modules' loading, the copy to user space, ChaCha20) cancels; a "
         "function only one side runs is that device's own. Differences "
         f"below {PROFILE_MIN:g} instruction per read are summed in the last "
         "row but one. Whole-boot counts, so the difference also holds what "
         "the extra instructions shift in the rest of the boot (timer ticks "
         "falling elsewhere).\n",
         f"| function | {p['a']} | {p['b']} | difference |",
         "|---|---:|---:|---:|"]
    for name, x, y, d in p["rows"]:
        r.append(f"| {name} | {x:.1f} | {y:.1f} | {d:+.1f} |")
    r.append(f"| every other function | | | {p['rest']:+.1f} |")
    r.append(f"| **total** | | | **{p['total']:+.1f}** |")
    r.append("")
    return r


def markdown(res):
    r = [f"<!-- series-sha256: {res['series_sha256']} -->",
         "# Evaluation: safe drivers against classic C and mainline\n",
         "Generated by `make bench` (bench/report.py) from the benchmark "
         "boots; do not edit by hand. The marker above is the sha256 of the "
         "series measured (scripts/series-sha256.sh).\n",
         f"Kernel {res['kernel']} without debug options "
         "(scripts/config/bench.config); each driver of the series against "
         "its classic-C twin (bench/twins/), where it has one, and its "
         "mainline counterpart.\n"]
    r += method_md(res) + size_md(res) + sources_md(res) + throughput_md(res) \
        + block_md(res)
    r.append("## References\n")
    r += [f"{i}. {REFS[k]}" for i, k in enumerate(REF_ORDER, 1)]
    return "\n".join(r) + "\n"


# --- the README's summary ---------------------------------------------------

def readme_block(res):
    measures = list(res["measures"].values())
    r = [f"<!-- series-sha256: {res['series_sha256']} -->",
         f"Latest `make bench` ({res['kernel']}; full tables, method and "
         "sources in [Documentation/evaluation.md](Documentation/evaluation.md), "
         "every run in [runs.csv](Documentation/evaluation/runs.csv)). "
         "Medians with 95% bootstrap intervals over the rounds of one boot; "
         f"a ratio whose interval holds 1.0 is marked \"{NO_DIFF}\".\n"]
    r += [f"- **{m['label']}**: {m['meaning']}" for m in measures]
    r.append("")
    for d in DRIVERS:
        r += driver_block(res, d, measures)
    r.append("![driver size](Documentation/evaluation/size.svg)")
    r.append("![char throughput](Documentation/evaluation/char-throughput.svg)")
    r.append("![network](Documentation/evaluation/net.svg)")
    return "\n".join(r) + "\n"


def driver_block(res, d, measures):
    """The README's table for one driver: sizes and sources, then its
    throughput rows in every measure (the driver, its twin, its mainline
    counterparts), with the ratio to its twin."""
    own = [d.name] + ([d.twin] if d.twin else [])
    names = own + [m.name for m in d.mainline]
    ratio = ["safe/twin"] if d.twin else []
    r = ["| | " + " | ".join(own + [f"{m.name} ({m.device})" for m in d.mainline]
                             + ratio) + " |",
         "|---|" + "---:|" * (len(names) + len(ratio))]
    sz, src = res["sizes"], res["sources"]

    def line(label, get):
        return f"| {label} | " + " | ".join([get(n) for n in names]
                                            + ["-"] * len(ratio)) + " |"
    r.append(line("bytes, alone",
                  lambda n: str(sz[n]["alone"]["total"]) if n in sz else "-"))
    r.append(line("bytes, with the lib/safe objects it pulls in",
                  lambda n: str(sz[n]["with_layer"]["total"]) if n in sz else "-"))
    r.append(line("lines, alone / with the layer's files",
                  lambda n: f"{src[n]['lines']} / {src[n]['lines_with_layer']}"
                  if n in src else "-"))
    r.append(line("raw kernel operations, alone / with the layer's files",
                  lambda n: f"{src[n]['ledger']['total']} / "
                  f"{src[n]['ledger']['total'] + src[n]['layer_ledger']['total']}"
                  if n in src else "-"))
    r.append(line(f"{HATCH_LABEL}, alone",
                  lambda n: hatches(src[n]["ledger"]) if n in src else "-"))
    for t in (t for t in TABLES if t.driver == d.name):
        devices = [s for s, _ in t.subjects[:2]] + [m.device for m in d.mainline]
        for m in measures:
            for label, row in m["tables"][t.key].items():
                r.append(f"| {label} ({m['key']}) | " + " | ".join(
                    median_cell(row["subjects"].get(s)) for s in devices) +
                    f" | {ratio_cell(row['ratios'].get('safe/twin'))} |")
    if d.name == BLOCK.driver:
        r.append("\n" + block_line(measures))
    if any(t.driver == d.name for t in TABLES if t.key in NET_TABLES):
        r.append("\nsafe_loop's parity (geometric mean over the network cases; "
                 "the block goal): " + "; ".join(
                     f"{m['key']} " + ", ".join(
                         net_parity_line(n, s) for n, s in m["net"].items()
                         if s) for m in measures) + ".")
    r.append("")
    return r


def block_line(measures):
    """The README's line for the block devices: the geometric mean of the
    IOPS ratios in each measure, and the goal."""
    got = [(m["key"], m["block"]) for m in measures if m["block"]]
    if not got:
        return "safe_nullb / null_blk IOPS: the block cases did not run."
    return "safe_nullb / null_blk IOPS, geometric mean over the fio " \
        "configurations: " + "; ".join(
            f"{key} {ratio_cell(s)} ({s['configs']} configurations, "
            f"{goal_md(s)})" for key, s in got) + "."


def update_readme(path, block):
    text = open(path).read()
    begin, end = "<!-- bench:begin -->\n", "<!-- bench:end -->"
    i, j = text.find(begin), text.find(end)
    if i < 0 or j < i:
        problem(f"{path} has no bench markers")
        return
    with open(path, "w") as f:
        f.write(text[:i + len(begin)] + block + text[j:])


# --- charts ---------------------------------------------------------------------

def gnuplot(script):
    subprocess.run(["gnuplot"], input=script, text=True, check=True)


def plot(out, name, title, body):
    """Write NAME.svg and NAME.png in OUT with gnuplot commands BODY."""
    for term, ext in (("svg size 900,500 dynamic", "svg"),
                      ("pngcairo size 900,500", "png")):
        gnuplot(f"set terminal {term}\nset output '{out}/{name}.{ext}'\n"
                f"set termoption noenhanced\nset title '{title}'\n"
                "set grid ytics\nset style fill solid 0.8 border -1\n" + body)


def with_bounds(s, value):
    """A bar's value and its interval's ends; missing as NaN (not drawn)."""
    if not s:
        return "NaN NaN NaN"
    lo, hi = s["ci"] or (s[value], s[value])
    return f"{s[value]} {lo} {hi}"


def bar_series(dat, titles):
    """gnuplot's plot list for bars with intervals: one series per title,
    each three columns of DAT (value, low, high) after the label."""
    return ", ".join(
        f"'{dat}' using 2:3:4:xtic(1) title '{title}'" if i == 0 else
        f"'' using {3 * i + 2}:{3 * i + 3}:{3 * i + 4} title '{title}'"
        for i, title in enumerate(titles))


def size_chart(out, res):
    with open(f"{out}/size.dat", "w") as f:
        for d in DRIVERS:
            bars = [(d.name, d.name, "alone"),
                    (d.name + " + lib/safe", d.name, "with_layer"),
                    (d.twin, d.twin, "alone")] + \
                [(m.name, m.name, "alone") for m in d.mainline]
            for label, name, key in bars:
                s = res["sizes"].get(name, {}).get(key)
                if s:
                    f.write(f'"{label}" {s["text"]} {s["data"]} {s["bss"]}\n')
    plot(out, "size", "Driver size in bytes: alone, and with the lib/safe "
         "objects it pulls in", f"""set style data histograms
set style histogram rowstacked
set boxwidth 0.8
set key top left
set ylabel 'bytes'
set xtics rotate by -30
plot '{out}/size.dat' using 2:xtic(1) title 'text', '' using 3 title 'data', '' using 4 title 'bss'
""")


def char_chart(out, res):
    """Char device medians with intervals, one cluster per block x readers
    (and measure), one bar per device; log scale."""
    t = TABLES[0]
    with open(f"{out}/char.dat", "w") as f:
        for m in res["measures"].values():
            for label, row in m["tables"]["char"].items():
                f.write(f'"{label.split(", ")[1]} {m["key"]}" ' + " ".join(
                    with_bounds(row["subjects"].get(s), "median")
                    for s, _ in t.subjects) + "\n")
    series = bar_series(f"{out}/char.dat", [label for _, label in t.subjects])
    plot(out, "char-throughput", "Char device reads: median, 95% interval "
         "(log scale; icount: MB per 10^9 instructions)",
         f"""set style data histograms
set style histogram errorbars gap 1 lw 1
set boxwidth 0.9
set key outside right top
set logscale y
set xtics rotate by -30
plot {series}
""")


def net_chart(out, res):
    """Network ratios to mainline, with intervals, per case and measure."""
    with open(f"{out}/net.dat", "w") as f:
        for m in res["measures"].values():
            for key in ("loopback", "pair"):
                for label, row in m["tables"][key].items():
                    f.write(f'"{label} {m["key"]}" ' + " ".join(
                        with_bounds(row["ratios"].get(n), "ratio")
                        for n in ("safe/mainline", "twin/mainline")) + "\n")
    plot(out, "net", "Network: relative to mainline (lo or veth = 1, above is "
         "better), with 95% intervals", f"""set style data histograms
set style histogram errorbars gap 1 lw 1
set boxwidth 0.9
set key top left
set yrange [0:*]
set xtics rotate by -30
set arrow from graph 0, first 1 to graph 1, first 1 nohead dt 2
plot {bar_series(f"{out}/net.dat", ("safe_loop", "classic twin"))}
""")


def block_chart(out, res):
    """The IOPS ratio safe_nullb / null_blk with its interval per block
    configuration, in each measure that has one; False (nothing drawn) if
    none has."""
    measures = [m for m in res["measures"].values() if m["block"]]
    if not measures:
        return False
    configs = {}
    for m in measures:
        for label, rows in blk_configs(m["tables"][BLOCK.key]).items():
            configs.setdefault(label, {})[m["key"]] = \
                rows["iops"]["ratios"].get("safe/null")
    with open(f"{out}/block.dat", "w") as f:
        for label, ratios in configs.items():
            f.write(f'"{label}" ' + " ".join(
                with_bounds(ratios.get(m["key"]), "ratio") for m in measures) + "\n")
    plot(out, "block-iops", "Block IOPS: safe_nullb relative to null_blk (= 1, "
         f"above is better; dotted: {GOAL_FLOOR}), with 95% intervals",
         f"""set style data histograms
set style histogram errorbars gap 1 lw 1
set boxwidth 0.9
set key outside top center horizontal
set yrange [0:*]
set xtics rotate by 45 right font ',9'
set bmargin 8
set lmargin 14
set arrow from graph 0, first 1 to graph 1, first 1 nohead dt 2
set arrow from graph 0, first {GOAL_FLOOR} to graph 1, first {GOAL_FLOOR} nohead dt 3 lc rgb 'red'
plot {bar_series(f"{out}/block.dat", [m["label"] for m in measures])}
""")
    return True


# --- outputs --------------------------------------------------------------------

def write_runs(path, runs):
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(RUN_FIELDS)
        w.writerows(runs)


def series_sha256():
    out = subprocess.run([os.path.join(PROJECT, "scripts/series-sha256.sh")],
                         capture_output=True, text=True)
    hexdigest = out.stdout.strip()
    if out.returncode or not re.fullmatch(r"[0-9a-f]{64}", hexdigest):
        problem(f"scripts/series-sha256.sh failed: {out.stderr.strip()}")
    return hexdigest


def check_info(log, info, measure, seed):
    """Is LOG the boot it is given as: its measure, the run's seed?"""
    if (info.get("measure") == "icount") != (measure is ICOUNT):
        problem(f"{log}: info says measure={info.get('measure')}, expected "
                f"{'icount' if measure is ICOUNT else 'a wall-clock boot'}")
    if seed is not None and info.get("seed") != seed:
        problem(f"{log}: info says seed={info.get('seed')}, this run's is {seed}")


def read_boots(args):
    """The runs of every boot given, and per measure its description."""
    boots = [(wall_measure(args.accel), args.log)]
    if args.log_icount:
        boots.append((ICOUNT, args.log_icount))
    runs, measures = [], {}
    for m, log in boots:
        found, info = parse_log(log, m.key)
        check_info(log, info, m, args.seed)
        runs += found
        values = run_values(found)
        tables = measure_results(values, m, args.min_runs)
        measures[m.key] = {"key": m.key, "label": m.label, "meaning": m.meaning,
                           "info": info, "log": log, "tables": tables,
                           "block": block_summary(values, tables[BLOCK.key]),
                           "net": net_summary(values, tables)}
    return runs, measures


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    for a in ("log", "build", "tree", "twins", "out"):
        ap.add_argument("--" + a, required=True)
    ap.add_argument("--accel", required=True, choices=("tcg", "kvm"))
    ap.add_argument("--log-icount")
    ap.add_argument("--seed")
    ap.add_argument("--min-runs", type=int, default=1)
    ap.add_argument("--doc")
    ap.add_argument("--charts")
    ap.add_argument("--readme")
    ap.add_argument("--profile", nargs=2, action="append", default=[],
                    metavar=("CONSOLE", "BLOCKS"))
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)

    check_listed_drivers()
    runs, measures = read_boots(args)
    subjs = subjects(args.build, args.tree, args.twins)
    layer = layer_objects(args.build)
    size_table = sizes(subjs, layer)
    res = {"series_sha256": series_sha256(),
           "kernel": open(f"{args.build}/include/config/kernel.release").read().strip(),
           "measures": measures, "sizes": size_table,
           "layer_objects": layer_sizes(layer, size_table, subjs),
           "notes": {s.name: s.note for s in subjs},
           "sources": sources(subjs, size_table, args.tree),
           "layer_ledger": ledger(whole_layer(args.tree), layer=True),
           "rnull_lines": rnull_lines(args.tree),
           "profile": profile_results(args.build, args.profile),
           "studies": {"sizes": STUDY_SIZES, "unsafe_unsourced": STUDIES_UNSAFE,
                       "references": REFS}}

    write_runs(f"{args.out}/runs.csv", runs)
    with open(f"{args.out}/bench.json", "w") as f:
        json.dump(res, f, indent=1)
    size_chart(args.out, res)
    char_chart(args.out, res)
    net_chart(args.out, res)
    charts = ["size", "char-throughput", "net"] + \
        (["block-iops"] if block_chart(args.out, res) else [])
    page = markdown(res)
    with open(f"{args.out}/evaluation.md", "w") as f:
        f.write(page)
    if args.doc:
        with open(args.doc, "w") as f:
            f.write(page)
    if args.readme:
        update_readme(args.readme, readme_block(res))
    if args.charts:
        os.makedirs(args.charts, exist_ok=True)
        for c in charts:
            for ext in ("svg", "png"):
                shutil.copy(f"{args.out}/{c}.{ext}", args.charts)
        shutil.copy(f"{args.out}/runs.csv", args.charts)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
