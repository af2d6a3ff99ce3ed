"""Hot methods of a JFR recording, per thread group: self (top frame) and inclusive shares of the execution samples.

Usage: python3 jfr_hot_methods.py RECORDING.jfr [TOP]   (needs a `jfr` tool of JDK 17+; JFR_TOOL overrides its path)
The aggregation's Kafka Streams threads are grouped as "aggregate StreamThread", the main thread (producing the trades,
then the backtest) as "main". JFR_THREADS=TEXT keeps only the threads whose name contains TEXT (e.g. the ladder's
Tickflow rung alone: JFR_THREADS=tickflow-bench-aggregate).
"""
import os
import re, subprocess, sys, collections
jfr, depth = sys.argv[1], 40
txt = subprocess.run([os.environ.get("JFR_TOOL", "jfr"), "print", "--events", "jdk.ExecutionSample", "--stack-depth", str(depth), jfr],
                     capture_output=True, text=True).stdout
groups = collections.defaultdict(lambda: {"n": 0, "self": collections.Counter(), "incl": collections.Counter()})
for block in txt.split("jdk.ExecutionSample {")[1:]:
    m = re.search(r'sampledThread = "([^"]*)"', block)
    thread = m.group(1) if m else "?"
    if os.environ.get("JFR_THREADS", "") not in thread:
        continue
    g = "aggregate StreamThread" if "StreamThread" in thread else ("main (produce/backtest)" if thread == "main" else "other: " + re.sub(r'[-0-9]+$', '', thread)[:40])
    frames = re.findall(r'^\s+(\S+?)\(.*?\)\s+line:', block, re.M)
    if not frames:
        continue
    d = groups[g]; d["n"] += 1
    d["self"][frames[0]] += 1
    for f in set(frames):
        d["incl"][f] += 1
for g, d in sorted(groups.items(), key=lambda kv: -kv[1]["n"]):
    if d["n"] < 50: continue
    print(f"\n== {g}: {d['n']} samples")
    print("-- self (top frame)")
    for f, c in d["self"].most_common(int(sys.argv[2]) if len(sys.argv) > 2 else 15):
        print(f"{100*c/d['n']:5.1f}%  {f}")
    print("-- inclusive (frame anywhere in the top %d)" % depth)
    for f, c in d["incl"].most_common(40):
        if any(k in f for k in ("tickflow", "avro", "kafka", "BigDecimal")):
            print(f"{100*c/d['n']:5.1f}%  {f}")
