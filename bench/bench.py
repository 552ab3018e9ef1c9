#!/usr/bin/env python3
"""Small helpers for bench/run (standard library only).

  bench.py port                         a free loopback TCP port
  bench.py wait URL SECONDS             wait until GET URL answers 200
  bench.py coldstart N URL -- CMD...    median ms from exec to the first 200 on URL (N runs)
  bench.py login BASE USER PASSWORD     prints "COOKIE<TAB>CSRF<TAB>SHA256(token)"
  bench.py call BASE METHOD PATH COOKIE CSRF [BODY]   prints "STATUS<TAB>first 300 bytes of the body"
  bench.py wrk FILE...                  parses wrk --latency outputs (rounds): "rps p50_ms p99_ms non2xx errors rounds"
                                        of the median round by req/s; non2xx and errors summed; rounds "a/b/c"
  bench.py median X...                  the median of numbers
  bench.py fsync DIR [N]                median and p90 ms of (overwrite 4 KiB + fdatasync), N times: what one
                                        durable commit costs on this disk right now
  bench.py table RESULTS.tsv            prints the table (markdown) and the target checks
"""
import hashlib
import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


def get_status(url, timeout=1.0):
    u = urllib.parse.urlsplit(url)
    try:
        c = http.client.HTTPConnection(u.hostname, u.port, timeout=timeout)
        c.request("GET", u.path or "/")
        r = c.getresponse()
        r.read()
        c.close()
        return r.status
    except OSError:
        return None


def wait(url, seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if get_status(url) == 200:
            return 0
        time.sleep(0.01)
    return 1


def coldstart(n, url, cmd):
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        ok = False
        while time.perf_counter() - t0 < 10:
            if get_status(url, 0.5) == 200:
                ok = True
                break
            if p.poll() is not None:
                break
            time.sleep(0.0005)
        t = (time.perf_counter() - t0) * 1000
        p.send_signal(signal.SIGTERM)
        try:
            p.wait(5)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
        if not ok:
            print("nan")
            return 1
        times.append(t)
        time.sleep(0.2)
    print("%.1f" % statistics.median(times))
    return 0


def login(base, user, password):
    u = urllib.parse.urlsplit(base)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    c.request("POST", "/api/v1/auth/login", json.dumps({"username": user, "password": password}),
              {"Content-Type": "application/json"})
    r = c.getresponse()
    body = r.read()
    if r.status != 200:
        sys.stderr.write("login failed: %d %s\n" % (r.status, body[:300]))
        return 1
    cookie = None
    for k, v in r.getheaders():
        if k.lower() == "set-cookie" and v.startswith("chibo_session="):
            cookie = v.split(";")[0]
    token = cookie.split("=", 1)[1]
    csrf = json.loads(body)["csrf_token"]
    print("%s\t%s\t%s" % (cookie, csrf, hashlib.sha256(token.encode()).hexdigest()))
    return 0


def call(base, method, path, cookie, csrf, body=None):
    """Prints STATUS<TAB>SECONDS<TAB>BODY; STATUS is "timeout" when no answer came within CALL_TIMEOUT s."""
    u = urllib.parse.urlsplit(base)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=float(os.environ.get("CALL_TIMEOUT", "60")))
    h = {"Cookie": cookie, "X-CSRF-Token": csrf}
    if body is not None:
        h["Content-Type"] = "application/json"
    t0 = time.perf_counter()
    try:
        c.request(method, path, body, h)
        r = c.getresponse()
        b = r.read()[:300].decode("utf-8", "replace").replace("\t", " ").replace("\n", " ")
    except (TimeoutError, socket.timeout):
        print("timeout\t%.1f\tno answer" % (time.perf_counter() - t0))
        return 0
    print("%d\t%.3f\t%s" % (r.status, time.perf_counter() - t0, b))
    return 0


def ms(text):
    text = text.strip()
    for unit, f in (("us", 0.001), ("ms", 1.0), ("s", 1000.0), ("m", 60000.0)):
        if text.endswith(unit):
            return float(text[: -len(unit)]) * f
    return float(text)


def parse_wrk_one(path):
    rps = p50 = p99 = None
    non2xx = errors = 0
    with open(path) as f:
        for line in f:
            s = line.strip()
            if s.startswith("Requests/sec:"):
                rps = float(s.split()[1])
            elif s.startswith("50%"):
                p50 = ms(s.split()[1])
            elif s.startswith("99%"):
                p99 = ms(s.split()[1])
            elif s.startswith("Non-2xx or 3xx responses:"):
                non2xx = int(s.split(":")[1])
            elif s.startswith("Socket errors:"):
                errors = sum(int(x.split()[-1]) for x in s.split(":", 1)[1].split(","))
    return rps, p50, p99, non2xx, errors


def parse_wrk(paths):
    runs = [parse_wrk_one(p) for p in paths]
    ok = sorted([r for r in runs if r[0] is not None], key=lambda r: r[0])
    if not ok:
        print("nan nan nan 0 0 -")
        return 1
    med = ok[(len(ok) - 1) // 2]  # the median round (the lower one of an even count)
    rounds = "/".join("%.0f" % r[0] for r in runs if r[0] is not None)
    print("%.1f %.3f %.3f %d %d %s" % (med[0], med[1] if med[1] is not None else float("nan"),
                                      med[2] if med[2] is not None else float("nan"),
                                      sum(r[3] for r in runs), sum(r[4] for r in runs), rounds))
    return 0


def fsync_latency(d, n=200):
    path = os.path.join(d, "fsync-probe.bin")
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    block = b"x" * 4096
    os.pwrite(fd, block * 4, 0)
    os.fsync(fd)
    times = []
    for i in range(n):
        t0 = time.perf_counter()
        os.pwrite(fd, block, (i % 4) * 4096)
        os.fdatasync(fd)
        times.append((time.perf_counter() - t0) * 1000)
    os.close(fd)
    os.unlink(path)
    times.sort()
    print("%.2f ms median, %.2f ms p90" % (statistics.median(times), times[int(len(times) * 0.9)]))
    return 0


def fmt_ms(v):
    if v is None:
        return "—"
    return "%.2f ms" % v if v < 10 else "%.1f ms" % v if v < 100 else "%.0f ms" % v


def table(path):
    """RESULTS.tsv columns: kind scale scenario label rps p50 p99 raw notes
    kind: nginx | scenario | placeholder | info"""
    rows, info = [], {}
    nginx = {}  # per scale: the nginx run just before that scale's scenarios
    with open(path) as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if not parts or not parts[0]:
                continue
            kind = parts[0]
            if kind == "info":
                info[parts[1]] = parts[2]
                continue
            rec = dict(kind=kind, scale=parts[1], scenario=parts[2], label=parts[3],
                       rps=float(parts[4]) if parts[4] not in ("", "nan") else None,
                       p50=float(parts[5]) if parts[5] not in ("", "nan") else None,
                       p99=float(parts[6]) if parts[6] not in ("", "nan") else None,
                       raw=float(parts[7]) if parts[7] not in ("", "nan") else None,
                       notes=parts[8] if len(parts) > 8 else "")
            if kind == "nginx":
                nginx[rec["scale"]] = rec
            rows.append(rec)
    out = ["| scenario | req/s | p50 | p99 | vs nginx | vs raw SQL | notes |", "|---|---:|---:|---:|---:|---:|---|"]
    for r in rows:
        name = "%s: %s" % (r["scale"], r["label"])
        ref = nginx.get(r["scale"])
        if r["kind"] == "placeholder":
            out.append("| %s | — | — | — | — | — | %s |" % (name, r["notes"]))
            continue
        rps = "%.0f" % r["rps"] if r["rps"] is not None else "—"
        vs_n = "%.2f" % (r["rps"] / ref["rps"]) if ref and r["rps"] and ref["rps"] else "—"
        if r["kind"] == "nginx":
            vs_n = "1.00"
        vs_raw = "%.2f" % (r["rps"] / r["raw"]) if r["raw"] and r["rps"] else "—"
        notes = r["notes"]
        if r["raw"]:
            notes = ("raw SQL %.0f ops/s; " % r["raw"]) + notes
        out.append("| %s | %s | %s | %s | %s | %s | %s |" % (name, rps, fmt_ms(r["p50"]), fmt_ms(r["p99"]), vs_n, vs_raw,
                                                             notes.strip("; ")))
    print("\n".join(out))
    print()
    for k in sorted(info):
        print("- %s: %s" % (k, info[k]))
    # Target checks, only from what this run measured.
    print()
    print("Targets (issue 6):")
    reads = [r for r in rows if r["kind"] == "scenario" and r["scenario"] in ("member", "meeting", "roster", "org_detail")
             and r["rps"]]
    reads = [r for r in reads if nginx.get(r["scale"]) and nginx[r["scale"]]["rps"]]
    if reads:
        best = max(reads, key=lambda r: r["rps"] / nginx[r["scale"]]["rps"])
        ratio = best["rps"] / nginx[best["scale"]]["rps"]
        print("- cached read >= 50%% of nginx: %s (%s: %s, %.0f%% of nginx)" % (
            "HELD" if ratio >= 0.5 else "MISSED", best["scale"], best["label"], ratio * 100))
    rolls = [r for r in rows if r["scenario"] == "attendance_roll" and r["kind"] == "scenario" and r["rps"]]
    if rolls:
        best = max(rolls, key=lambda r: r["rps"])
        print("- 30-member roll, durable, >= 2,000/s: %s (%.0f rolls/s, %s)" % (
            "HELD" if best["rps"] >= 2000 else "MISSED", best["rps"], best["scale"]))
    else:
        print("- 30-member roll, durable, >= 2,000/s: not measured (PUT /api/v1/meetings/{id}/attendance not served)")
    if "cold start chibo (ward), median ms" in info:
        try:
            v = float(info["cold start chibo (ward), median ms"])
            print("- cold start on ward <= 200 ms: %s (%.0f ms)" % ("HELD" if v <= 200 else "MISSED", v))
        except ValueError:
            pass
    rss = info.get("peak RSS national, MiB")
    if rss:
        print("- RSS on national <= 300 MB: %s (%s MiB)" % ("HELD" if float(rss) <= 300 else "MISSED", rss))
    else:
        print("- RSS on national <= 300 MB: not measured in this run (bench/run --national)")
    def alone(scale, scen):
        v = info.get("latency alone (-c1) %s %s" % (scale, scen))
        if not v:
            return None
        try:
            return float(v.split("p99")[1].split()[0])
        except (IndexError, ValueError):
            return None
    dw = [(r["scale"], alone(r["scale"], "dash_ward")) for r in rows if r["scenario"] == "dash_ward" and r["kind"] == "scenario"]
    dw = [x for x in dw if x[1] is not None]
    if dw:
        worst = max(dw, key=lambda x: x[1])
        print("- ward dashboard for a year <= 5 ms p99 (one request at a time): %s (%.1f ms p99 on the %s set)" % (
            "HELD" if worst[1] <= 5 else "MISSED", worst[1], worst[0]))
    else:
        print("- ward dashboard for a year <= 5 ms p99: not measured (see the table)")
    dn = alone("national", "dash_national")
    if dn is not None:
        print("- national roll-up for a year <= 100 ms p99 on the national set: %s (%.1f ms p99, one request at a time)" % (
            "HELD" if dn <= 100 else "MISSED", dn))
    else:
        print("- national roll-up for a year <= 100 ms p99 on the national set: not measured (see the table;"
              " bench/run --national)")
    return 0


def main(argv):
    cmd = argv[1]
    if cmd == "port":
        print(free_port())
        return 0
    if cmd == "wait":
        return wait(argv[2], float(argv[3]))
    if cmd == "coldstart":
        i = argv.index("--")
        return coldstart(int(argv[2]), argv[3], argv[i + 1:])
    if cmd == "login":
        return login(argv[2], argv[3], argv[4])
    if cmd == "call":
        return call(argv[2], argv[3], argv[4], argv[5], argv[6], argv[7] if len(argv) > 7 else None)
    if cmd == "wrk":
        return parse_wrk(argv[2:])
    if cmd == "fsync":
        return fsync_latency(argv[2], int(argv[3]) if len(argv) > 3 else 200)
    if cmd == "median":
        xs = sorted(float(x) for x in argv[2:] if x not in ("", "nan"))
        print("%.1f" % statistics.median(xs) if xs else "")
        return 0
    if cmd == "table":
        return table(argv[2])
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
