#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Turn one benchmark boot into figures: JSON, CSV, a Markdown page, charts.

    report.py --log CONSOLE --build KBUILD --tree KSRC --twins TWINDIR
              --accel tcg|kvm --out DIR [--doc PAGE --charts DIR --readme README]

Reads the guest's "bench:" lines from the console log, measures sizes with
size(1) in the benchmark kernel's build directory, counts lines of code,
raw kernel operations and escape hatches (scripts/raw-api.py) in the
sources, and writes DIR/bench.json, DIR/char-throughput.csv,
DIR/evaluation.md and the charts (gnuplot, SVG and PNG). --doc and --charts
copy the page and the charts where the repository keeps them; --readme
rewrites the summary between README's bench markers. Prints the problems it
found (missing figures, failed runs) on stderr and exits 1 if there were any.
"""
import argparse
import glob
import importlib.util
import json
import os
import re
import shutil
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location(
    "raw_api", os.path.join(HERE, "..", "scripts", "raw-api.py"))
raw_api = importlib.util.module_from_spec(spec)
spec.loader.exec_module(raw_api)

# The studies' counts of unsafe uses left in Rust driver logic.
STUDIES_UNSAFE = [("GPU (Rust)", 107), ("binder (Rust)", 45),
                  ("NVMe (Rust)", 44), ("e1000 (Rust)", 4),
                  ("null_blk (Rust)", 0)]
CHAR_DEVICES = ["safe_random0", "classic_random0", "urandom", "zero"]
LABELS = {"safe_random0": "safe_random (lib/safe)",
          "classic_random0": "classic_random (twin)",
          "urandom": "/dev/urandom (mainline)",
          "zero": "/dev/zero (copy-out limit)"}
problems = []


def problem(msg):
    problems.append(msg)
    print("report: " + msg, file=sys.stderr)


NET_KINDS = ["safe_loop", "classic_loop", "veth"]
FRAME_DEVS = {"sl_lone": "safe_loop", "cl_lone": "classic_loop", "lo": "lo"}


SEM_MODES = [("cycle", "post + take, no sleep (cycles/s)"),
             ("pingpong", "hand-off between two processes (round trips/s)")]
SEM_DRIVERS = ["safe_sem", "classic_sem"]


def parse_log(path):
    runs, errors, info, net, sem = {}, [], "", {}, {}
    rx = re.compile(r"^guest: bench: char dev=(\S+) bs=(\d+) readers=(\d+) "
                    r"rep=(\d+) mbps=([\d.]+)$")
    rx_net = re.compile(r"^guest: bench: net-(\w+) (\w+)=(\S+) (?:size=(\d+) )?"
                        r"rep=\d+ (.*)$")
    rx_sem = re.compile(r"^guest: bench: sem mode=(\w+) drv=(\w+) rep=\d+ ops=([\d.]+)$")
    with open(path, errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            m = rx.match(line)
            mn = rx_net.match(line)
            ms = rx_sem.match(line)
            if ms:
                sem.setdefault((ms.group(1), ms.group(2)), []).append(float(ms.group(3)))
            elif mn:
                what, who, size = mn.group(1), mn.group(3), mn.group(4)
                for kv in mn.group(5).split():
                    k, v = kv.split("=")
                    key = (what, FRAME_DEVS.get(who, who), int(size or 0), k)
                    net.setdefault(key, []).append(float(v))
            elif m:
                key = (m.group(1), int(m.group(2)), int(m.group(3)))
                runs.setdefault(key, []).append(float(m.group(5)))
            elif line.startswith("guest: bench: error"):
                errors.append(line[len("guest: bench: "):])
            elif line.startswith("guest: bench: info"):
                info = line[len("guest: bench: info "):]
    return runs, errors, info, net, sem


def size_of(path):
    """text, data, bss and file bytes of an object, or None."""
    if not os.path.exists(path):
        problem(f"no object {path}")
        return None
    out = subprocess.run(["size", path], capture_output=True, text=True,
                         check=True).stdout.splitlines()[-1].split()
    return {"text": int(out[0]), "data": int(out[1]), "bss": int(out[2]),
            "file": os.path.getsize(path)}


def sum_sizes(paths):
    sizes = [s for s in (size_of(p) for p in paths) if s]
    return {k: sum(s[k] for s in sizes) for k in ("text", "data", "bss", "file")}


def loc(paths):
    n = 0
    for p in paths:
        with open(p, errors="replace") as f:
            n += sum(1 for line in raw_api.strip(f.read()).split("\n")
                     if line.strip())
    return n


HATCH = "escape_hatch"   # the layer's `unsafe`: not a raw operation
HATCH_LABEL = "escape hatches (Sound:)"
RAW_CATEGORIES = [name for name, _ in raw_api.CATEGORIES if name != HATCH]
LAYER = "lib/safe + include/linux/safe"


def ledger(paths, layer=False):
    """Raw operations per category and their total; escape hatches apart,
    with how many are justified by a Sound: comment (escape_hatch_sound)."""
    counts = {name: 0 for name, _ in raw_api.CATEGORIES}
    counts[HATCH + "_sound"] = 0
    for p in paths:
        for _, name, _, sound in raw_api.occurrences(p, layer):
            counts[name] += 1
            if name == HATCH:
                counts[HATCH + "_sound"] += sound
    counts["total"] = sum(counts[name] for name in RAW_CATEGORIES)
    return counts


def hatches(c):
    """An escape-hatch cell: the count, and how many have a Sound: comment."""
    return f"{c[HATCH]} ({c[HATCH + '_sound']})"


def ratio(a, b):
    return round(a / b, 3) if b else None


def gnuplot(script):
    subprocess.run(["gnuplot"], input=script, text=True, check=True)


def net_chart(out, res):
    with open(os.path.join(out, "net.dat"), "w") as f:
        f.write('metric safe_loop "classic twin"\n')
        short = {"frames 64 B": "frames 64B", "frames 1500 B": "frames 1500B",
                 "ping p50 us": "RTT p50", "ping p99 us": "RTT p99",
                 "udp pps": "UDP pps", "tcp MB/s": "TCP MB/s"}
        for metric, label, _ in NET_METRICS:
            r = res["net_ratios"].get(metric, {})
            f.write(f'"{short[metric]}" {r.get("vs_mainline") or 0} '
                    f'{r.get("twin_vs_mainline") or 0}\n')
    for term, ext in (("svg size 860,480 dynamic", "svg"),
                      ("pngcairo size 860,480", "png")):
        gnuplot(f"""set terminal {term}
set output '{out}/net.{ext}'
set termoption noenhanced
set title 'Network: speed relative to mainline (lo or veth = 1; latency inverted)'
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set grid ytics
set key top left
set yrange [0:*]
set offsets 0, 0, 0.4, 0
set arrow from graph 0, first 1 to graph 1, first 1 nohead dt 2
plot for [i=2:3] '{out}/net.dat' using i:xtic(1) title columnhead(i)
""")


def charts(out, sizes, char):
    order = [("safe_random", "safe_random"), ("classic_random", "classic_random"),
             ("mainline random.o", "random.o"),
             ("safe_sem", "safe_sem"), ("classic_sem", "classic_sem"),
             ("safe_loop", "safe_loop"), ("classic_loop", "classic_loop"),
             ("mainline veth.ko", "veth.ko"), ("mainline loopback.o", "loopback.o"),
             ("lib/safe (shared)", "lib/safe")]
    with open(os.path.join(out, "size.dat"), "w") as f:
        for name, label in order:
            s = sizes.get(name)
            if s:
                f.write(f'"{label}" {s["text"]} {s["data"]} {s["bss"]}\n')
    with open(os.path.join(out, "char.dat"), "w") as f:
        f.write('case safe_random "classic twin" /dev/urandom /dev/zero\n')
        for (bs, readers), row in sorted(char.items()):
            size = f"{bs // 1048576}M" if bs >= 1048576 else f"{bs // 1024}K"
            label = f'"{size} x{readers}"'
            f.write(label + " " + " ".join(
                str(row.get(d, {}).get("median", 0)) for d in CHAR_DEVICES) + "\n")
    common = ("set termoption noenhanced\nset style data histograms\n"
              "set style fill solid 0.8 border -1\nset grid ytics\n"
              "set boxwidth 0.9\n")
    for term, ext in (("svg size 860,480 dynamic", "svg"),
                      ("pngcairo size 860,480", "png")):
        gnuplot(f"""set terminal {term}
set output '{out}/size.{ext}'
set title 'Driver size: object sections in bytes (benchmark kernel)'
set style histogram rowstacked
{common}set key top left
set ylabel 'bytes'
plot '{out}/size.dat' using 2:xtic(1) title 'text', '' using 3 title 'data', '' using 4 title 'bss'
""")
        gnuplot(f"""set terminal {term}
set output '{out}/char-throughput.{ext}'
set title 'Character device reads: median MB/s, log scale (block size x readers)'
set style histogram clustered gap 1
{common}set key outside right top
set ylabel 'MB/s'
set logscale y
plot for [i=2:{len(CHAR_DEVICES) + 1}] '{out}/char.dat' using i:xtic(1) title columnhead(i)
""")


def markdown(res):
    r = []
    r.append("# Evaluation: safe drivers against classic C and mainline\n")
    r.append("Generated by `make bench` (bench/report.py) from one guest boot; "
             "do not edit by hand.\n")
    r.append(f"- Guest: QEMU **{res['accel'].upper()}**, {res['info']}. "
             + ("Under TCG every instruction is emulated: absolute figures say "
                "little, the ratios measured in the same boot are the result."
                if res["accel"] == "tcg" else "") + "\n")
    r.append(f"- Kernel: {res['kernel']} (tinyconfig + vm-base, no debug options).\n")
    r.append("\n## Size\n")
    r.append("| object | text | data | bss | file bytes |\n|---|---:|---:|---:|---:|")
    for name, s in res["sizes"].items():
        r.append(f"| {name} | {s['text']} | {s['data']} | {s['bss']} | {s['file']} |")
    sr = res["size_ratios"]
    r.append(f"\nsafe_random / classic_random: text x{sr['text_vs_twin']}, "
             f".ko x{sr['ko_vs_twin']}; safe_loop / classic_loop: text "
             f"x{sr.get('loop_text_vs_twin')}, .ko x{sr.get('loop_ko_vs_twin')}; "
             f"safe_sem / classic_sem: text x{sr.get('sem_text_vs_twin')}, .ko "
             f"x{sr.get('sem_ko_vs_twin')} (the study measured Rust's semaphore "
             "at 4,458 bytes against C's 2,311). (The studies found Rust modules about "
             "10x the size of C.) lib/safe is shared by every driver built on "
             "it; safe_random's own object does not include it.\n")
    r.append("![driver size](evaluation/size.svg)\n")
    r.append("\n## Lines of code (non-blank, non-comment)\n")
    r.append("| source | lines |\n|---|---:|")
    for name, n in res["loc"].items():
        r.append(f"| {name} | {n} |")
    r.append("\n## Raw-API ledger\n")
    r.append("Raw kernel operations per file (scripts/raw-api.py: user copies "
             "and pointers, container_of, private data, casts, lock calls, raw "
             "alloc/free, raw registration, goto). In lib/safe each has a "
             "comment saying why it is sound. The last column, not in the "
             "total, counts the escape hatches, the layer's `unsafe` "
             "(ACCESS_PRIVATE, safe_span_from_raw, __force, union and, "
             "outside lib/safe, the layer's internal names), and in "
             "parentheses how many of them carry a `Sound:` comment, the "
             "counterpart of Rust's SAFETY comment.\n")
    cats = RAW_CATEGORIES + ["total"]
    r.append("| file | " + " | ".join(cats) + f" | {HATCH_LABEL} |")
    r.append("|---|" + "---:|" * (len(cats) + 1))
    for name, c in res["ledger"].items():
        r.append(f"| {name} | " + " | ".join(str(c[k]) for k in cats) +
                 f" | {hatches(c)} |")
    ours = [(d, res["ledger"][f]) for d, f in (
        ("safe_random", "drivers/char/safe_random.c"),
        ("safe_sem", "drivers/char/safe_sem.c"),
        ("safe_loop", "drivers/net/safe_loop.c"))]
    r.append("\nBeside the studies' counts of `unsafe` left in Rust driver "
             "logic: " + ", ".join(f"{n} {c}" for n, c in STUDIES_UNSAFE) + "; "
             + ", ".join(f"{d}: {c['total']}" for d, c in ours) + f"; {HATCH_LABEL}: "
             + ", ".join(f"{d} {hatches(c)}" for d, c in ours) + ".\n")
    r.append("\n## Character device throughput\n")
    r.append("Median of the repetitions (min-max), MB/s; runs interleaved.\n")
    r.append("| block x readers | " + " | ".join(LABELS[d] for d in CHAR_DEVICES)
             + " | safe/twin | safe/urandom |")
    r.append("|---|" + "---:|" * (len(CHAR_DEVICES) + 2))
    for key, row in res["char"].items():
        cells = []
        for d in CHAR_DEVICES:
            v = row.get(d)
            cells.append(f"{v['median']} ({v['min']}-{v['max']})" if v else "-")
        rt = res["char_ratios"].get(key, {})
        r.append(f"| {key} | " + " | ".join(cells) +
                 f" | {rt.get('vs_twin')} | {rt.get('vs_urandom')} |")
    vs = [v["vs_twin"] for v in res["char_ratios"].values() if v.get("vs_twin")]
    if vs:
        r.append(f"\nsafe_random against its classic twin: median ratios from "
                 f"{min(vs)} to {max(vs)} (1.0 = the same speed).\n")
    r.append("![char throughput](evaluation/char-throughput.svg)\n")
    r.append("\n## Semaphore device\n")
    r.append("safe_sem and its classic twin, instances 0 and 1 (bench/guest/"
             "sembench.c): one process posting a unit and taking it back "
             "(1-byte write, 1-byte read; nothing sleeps), and two processes "
             "handing a unit back and forth through two instances (each "
             "round trip two sleeps on the wait queue and two wake-ups). "
             "Median (min-max) of the repetitions; >1 means safe_sem is "
             "faster.\n")
    r.append("| case | safe_sem | classic_sem (twin) | safe/twin |\n|---|---:|---:|---:|")
    for mode, label in SEM_MODES:
        row = res["sem"].get(mode, {})
        cells = [f"{row[d]['median']} ({row[d]['min']}-{row[d]['max']})"
                 if d in row else "-" for d in SEM_DRIVERS]
        r.append(f"| {label} | " + " | ".join(cells) +
                 f" | {res['sem_ratios'].get(mode)} |")
    r.append("\n## Network\n")
    r.append("Loopback mode: AF_PACKET frames sent and received back on the "
             "device, one in flight (mainline: lo). Pair mode, between two "
             "namespaces (mainline: veth): UDP request/response round trips "
             "(64 B), UDP packets/s received from a sender blasting 64-byte "
             "datagrams, TCP bulk throughput. Median (min-max) of the "
             "repetitions; ratios >1 mean safe_loop is faster (for latency: "
             "lower).\n")
    r.append("| metric | safe_loop | classic_loop (twin) | mainline | safe/twin | safe/mainline |")
    r.append("|---|---:|---:|---:|---:|---:|")
    for metric, label, _ in NET_METRICS:
        row = res["net"].get(metric, {})
        rt = res["net_ratios"].get(metric, {})
        def cell(k):
            v = row.get(k)
            return f"{v['median']} ({v['min']}-{v['max']})" if v else "-"
        main = rt.get("mainline", "veth")
        r.append(f"| {label} | {cell('safe_loop')} | {cell('classic_loop')} | "
                 f"{cell(main)} ({main}) | {rt.get('vs_twin')} | {rt.get('vs_mainline')} |")
    r.append("\n![network](evaluation/net.svg)\n")
    return "\n".join(r) + "\n"


NET_METRICS = [  # (key in results, label, higher is better)
    ("frames 64 B", "loopback frames/s, 64 B", True),
    ("frames 1500 B", "loopback frames/s, 1500 B", True),
    ("ping p50 us", "pair ping-pong p50 (us)", False),
    ("ping p99 us", "pair ping-pong p99 (us)", False),
    ("udp pps", "pair UDP packets/s", True),
    ("tcp MB/s", "pair TCP MB/s", True),
]


def stats(v):
    return {"median": round(statistics.median(v), 1), "min": min(v), "max": max(v),
            "runs": v}


def net_results(net, min_runs):
    """Per metric and device kind: median/min/max; ratios to twin and mainline."""
    out, ratios = {}, {}
    wanted = {"frames 64 B": [("frames", k, 64, "fps") for k in ("safe_loop", "classic_loop", "lo")],
              "frames 1500 B": [("frames", k, 1500, "fps") for k in ("safe_loop", "classic_loop", "lo")],
              "ping p50 us": [("ping", k, 0, "p50") for k in NET_KINDS],
              "ping p99 us": [("ping", k, 0, "p99") for k in NET_KINDS],
              "udp pps": [("udp", k, 0, "pps") for k in NET_KINDS],
              "tcp MB/s": [("tcp", k, 0, "mbps") for k in NET_KINDS]}
    for metric, keys in wanted.items():
        row = {}
        for key in keys:
            v = net.get(key, [])
            if len(v) < min_runs:
                problem(f"net {metric} {key[1]}: {len(v)} runs, expected {min_runs}")
            if v:
                row[key[1]] = stats(v)
        out[metric] = row
        med = {k: row[k]["median"] for k in row}
        mainline = "lo" if metric.startswith("frames") else "veth"
        higher = dict((m, h) for m, _, h in NET_METRICS)[metric]
        def r(a, b):
            if a not in med or b not in med:
                return None
            return ratio(med[a], med[b]) if higher else ratio(med[b], med[a])
        ratios[metric] = {"vs_twin": r("safe_loop", "classic_loop"),
                          "vs_mainline": r("safe_loop", mainline),
                          "twin_vs_mainline": r("classic_loop", mainline),
                          "mainline": mainline}
    return out, ratios


def source_rows(res, ours, twin, mainline, short):
    """README rows counted in the sources: lines, raw operations, hatches."""
    rows = [("lines of code", lambda f: res["loc"][f]),
            ("raw kernel operations", lambda f: res["ledger"][f]["total"]),
            (HATCH_LABEL, lambda f: hatches(res["ledger"][f]))]
    return [f"| {label} | {get(ours)} | {get(twin)} | "
            + (f"{get(mainline)} ({short})" if mainline else "-") + " |"
            for label, get in rows]


def readme_block(res):
    """The short summary README.md shows between its bench markers."""
    r = [f"Latest `make bench` ({res['kernel']}, QEMU {res['accel'].upper()}; "
         "full tables in [Documentation/evaluation.md](Documentation/evaluation.md)):\n"]
    r.append("| | safe_random | classic twin | mainline |\n|---|---:|---:|---:|")
    sz = res["sizes"]
    def cell(name, key):
        return str(sz[name][key]) if name in sz else "-"
    r.append(f"| .text bytes | {cell('safe_random', 'text')} | {cell('classic_random', 'text')} "
             f"| {cell('mainline random.o', 'text')} (random.o) |")
    r += source_rows(res, "drivers/char/safe_random.c",
                     "bench/twins/classic_random.c",
                     "drivers/char/random.c (mainline)", "random.c")
    for key, row in res["char"].items():
        def mb(d):
            return str(row[d]["median"]) if d in row else "-"
        r.append(f"| read MB/s, {key} | {mb('safe_random0')} | {mb('classic_random0')} "
                 f"| {mb('urandom')} (/dev/urandom) |")
    r.append("\n| | safe_sem | classic twin | mainline |\n|---|---:|---:|---:|")
    r.append(f"| .text bytes | {cell('safe_sem', 'text')} | {cell('classic_sem', 'text')} | - |")
    r += source_rows(res, "drivers/char/safe_sem.c", "bench/twins/classic_sem.c",
                     None, None)
    for mode, label in SEM_MODES:
        row = res["sem"].get(mode, {})
        r.append(f"| {label} | " + " | ".join(
            str(row[d]["median"]) if d in row else "-" for d in SEM_DRIVERS) + " | - |")
    r.append("\n| | safe_loop | classic twin | mainline |\n|---|---:|---:|---:|")
    r.append(f"| .text bytes | {cell('safe_loop', 'text')} | {cell('classic_loop', 'text')} "
             f"| {cell('mainline veth.ko', 'text')} (veth) |")
    r += source_rows(res, "drivers/net/safe_loop.c",
                     "bench/twins/classic_loop.c",
                     "drivers/net/veth.c (mainline)", "veth.c")
    for metric, label, _ in NET_METRICS:
        row = res["net"].get(metric, {})
        main = res["net_ratios"].get(metric, {}).get("mainline", "veth")
        def med(k):
            return str(row[k]["median"]) if k in row else "-"
        r.append(f"| {label} | {med('safe_loop')} | {med('classic_loop')} | {med(main)} ({main}) |")
    r.append(f"\nlib/safe, shared by every driver on it: {sz.get('lib/safe (shared)', {}).get('text', '-')} "
             "bytes of text. The studies counted `unsafe` uses left in Rust "
             "driver logic: " + ", ".join(f"{n} {c}" for n, c in STUDIES_UNSAFE) + ".\n")
    r.append("![driver size](Documentation/evaluation/size.svg)")
    r.append("![char throughput](Documentation/evaluation/char-throughput.svg)")
    r.append("![network](Documentation/evaluation/net.svg)")
    return "\n".join(r) + "\n"


def update_readme(path, block):
    text = open(path).read()
    begin, end = "<!-- bench:begin -->\n", "<!-- bench:end -->"
    i, j = text.find(begin), text.find(end)
    if i < 0 or j < i:
        problem(f"{path} has no bench markers")
        return
    with open(path, "w") as f:
        f.write(text[:i + len(begin)] + block + text[j:])


def main():
    ap = argparse.ArgumentParser()
    for a in ("log", "build", "tree", "twins", "accel", "out"):
        ap.add_argument("--" + a, required=True)
    ap.add_argument("--doc")
    ap.add_argument("--charts")
    ap.add_argument("--readme")
    ap.add_argument("--min-runs", type=int, default=1)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)

    runs, errors, info, net, sem = parse_log(args.log)
    for e in errors:
        problem(f"guest: {e}")
    kernel = open(os.path.join(args.build, "include/config/kernel.release")).read().strip()
    b, t = args.build, args.tree
    layer_objs = [o for o in glob.glob(os.path.join(b, "lib/safe/*.o"))
                  if not o.endswith("_kunit.o") and "built-in" not in o]
    if not layer_objs:
        problem("no lib/safe object in the benchmark build")
    sizes = {
        "safe_random": size_of(os.path.join(b, "drivers/char/safe_random.ko")),
        "classic_random": size_of(os.path.join(args.twins, "classic_random/classic_random.ko")),
        "mainline random.o": size_of(os.path.join(b, "drivers/char/random.o")),
        "safe_sem": size_of(os.path.join(b, "drivers/char/safe_sem.ko")),
        "classic_sem": size_of(os.path.join(args.twins, "classic_sem/classic_sem.ko")),
        "safe_loop": size_of(os.path.join(b, "drivers/net/safe_loop.ko")),
        "classic_loop": size_of(os.path.join(args.twins, "classic_loop/classic_loop.ko")),
        "mainline veth.ko": size_of(os.path.join(b, "drivers/net/veth.ko")),
        "mainline loopback.o": size_of(os.path.join(b, "drivers/net/loopback.o")),
        "lib/safe (shared)": sum_sizes(layer_objs),
    }
    sizes = {k: v for k, v in sizes.items() if v}
    layer_src = sorted(p for p in glob.glob(os.path.join(t, "lib/safe/*.c"))
                       if not p.endswith("_kunit.c"))
    layer_src += sorted(glob.glob(os.path.join(t, "include/linux/safe/*.h")))
    twin_src = os.path.join(HERE, "twins/classic_random/classic_random.c")
    files = {"drivers/char/safe_random.c": [os.path.join(t, "drivers/char/safe_random.c")],
             "bench/twins/classic_random.c": [twin_src],
             "drivers/char/random.c (mainline)": [os.path.join(t, "drivers/char/random.c")],
             "drivers/char/safe_sem.c": [os.path.join(t, "drivers/char/safe_sem.c")],
             "bench/twins/classic_sem.c": [os.path.join(HERE, "twins/classic_sem/classic_sem.c")],
             "drivers/net/safe_loop.c": [os.path.join(t, "drivers/net/safe_loop.c")],
             "bench/twins/classic_loop.c": [os.path.join(HERE, "twins/classic_loop/classic_loop.c")],
             "drivers/net/veth.c (mainline)": [os.path.join(t, "drivers/net/veth.c")],
             "drivers/net/loopback.c (mainline)": [os.path.join(t, "drivers/net/loopback.c")],
             LAYER: layer_src}
    res = {"accel": args.accel, "kernel": kernel, "info": info,
           "sizes": sizes,
           "loc": {k: loc(v) for k, v in files.items()},
           "ledger": {k: ledger(v, layer=(k == LAYER)) for k, v in files.items()},
           "char": {}, "char_ratios": {}}
    if "safe_random" in sizes and "classic_random" in sizes:
        res["size_ratios"] = {
            "text_vs_twin": ratio(sizes["safe_random"]["text"], sizes["classic_random"]["text"]),
            "ko_vs_twin": ratio(sizes["safe_random"]["file"], sizes["classic_random"]["file"])}
        if "safe_loop" in sizes and "classic_loop" in sizes:
            res["size_ratios"]["loop_text_vs_twin"] = ratio(sizes["safe_loop"]["text"],
                                                            sizes["classic_loop"]["text"])
            res["size_ratios"]["loop_ko_vs_twin"] = ratio(sizes["safe_loop"]["file"],
                                                          sizes["classic_loop"]["file"])
        if "safe_sem" in sizes and "classic_sem" in sizes:
            res["size_ratios"]["sem_text_vs_twin"] = ratio(sizes["safe_sem"]["text"],
                                                           sizes["classic_sem"]["text"])
            res["size_ratios"]["sem_ko_vs_twin"] = ratio(sizes["safe_sem"]["file"],
                                                         sizes["classic_sem"]["file"])
    else:
        problem("sizes of the driver or its twin are missing")
        res["size_ratios"] = {"text_vs_twin": None, "ko_vs_twin": None}
    chart_rows = {}
    for bs in (4096, 65536, 1048576):
        for readers in (1, 2):
            key = f"{bs // 1024} KiB x{readers}"
            row = {}
            for d in CHAR_DEVICES:
                v = runs.get((d, bs, readers), [])
                if len(v) < args.min_runs:
                    problem(f"{d} {key}: {len(v)} runs, expected {args.min_runs}")
                if v:
                    row[d] = {"median": round(statistics.median(v), 1),
                              "min": min(v), "max": max(v), "runs": v}
            res["char"][key] = row
            chart_rows[(bs, readers)] = row
            med = {d: row[d]["median"] for d in row}
            res["char_ratios"][key] = {
                "vs_twin": ratio(med.get("safe_random0", 0), med.get("classic_random0", 0)),
                "vs_urandom": ratio(med.get("safe_random0", 0), med.get("urandom", 0))}

    res["net"], res["net_ratios"] = net_results(net, args.min_runs)
    res["sem"], res["sem_ratios"] = {}, {}
    for mode, _ in SEM_MODES:
        row = {}
        for d in SEM_DRIVERS:
            v = sem.get((mode, d), [])
            if len(v) < args.min_runs:
                problem(f"sem {mode} {d}: {len(v)} runs, expected {args.min_runs}")
            if v:
                row[d] = stats(v)
        res["sem"][mode] = row
        if len(row) == len(SEM_DRIVERS):
            res["sem_ratios"][mode] = ratio(row["safe_sem"]["median"],
                                            row["classic_sem"]["median"])

    with open(os.path.join(args.out, "bench.json"), "w") as f:
        json.dump(res, f, indent=1)
    with open(os.path.join(args.out, "char-throughput.csv"), "w") as f:
        f.write("device,block,readers,rep,mbps\n")
        for (d, bs, readers), v in sorted(runs.items()):
            for i, x in enumerate(v, 1):
                f.write(f"{d},{bs},{readers},{i},{x}\n")
    charts(args.out, sizes, chart_rows)
    net_chart(args.out, res)
    page = markdown(res)
    with open(os.path.join(args.out, "evaluation.md"), "w") as f:
        f.write(page)
    if args.doc:
        with open(args.doc, "w") as f:
            f.write(page)
    if args.readme:
        update_readme(args.readme, readme_block(res))
    if args.charts:
        os.makedirs(args.charts, exist_ok=True)
        for c in ("size", "char-throughput", "net"):
            for ext in ("svg", "png"):
                shutil.copy(os.path.join(args.out, f"{c}.{ext}"), args.charts)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
