"""Load test of ``unspin serve`` on 127.0.0.1: p50/p95 latency, requests/s and RSS per worker.

Starts the server as a child process (listening on 127.0.0.1 only), then sends one PTC-sized
article to ``POST /v1/analyze`` from 1, 4 and 16 concurrent clients, each sending a fixed number
of requests one after the other. Bounded in count (``--requests`` per client) and in time
(``--max-seconds`` per level: no new request is sent after it). The article is the PTC dev
article of median length when the shared data is there (read at run time, never stored),
else the bundled example.

    .venv/bin/python bench/bench_api.py [--workers 1] [--requests 8] [--levels 1,4,16]
                                        [--lexicon] [--max-seconds 90]
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

from unspin.training.data import default_data_dir

REPO = Path(__file__).resolve().parents[1]


def pick_article(data: Path) -> tuple[str, str]:
    folder = data / "dev-articles"
    files = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    if not files:
        example = REPO / "examples" / "harbour-bridge.txt"
        return example.read_text(encoding="utf-8"), f"{example.relative_to(REPO)} (no PTC data found)"
    sized = sorted((len(f.read_text(encoding="utf-8")), f.name) for f in files)
    _, name = sized[len(sized) // 2]
    return (folder / name).read_text(encoding="utf-8"), f"PTC dev {name} (median length)"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def descendants(pid: int) -> list[int]:
    found: list[int] = []
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return found
    for task in tasks:
        try:
            children = [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
        for child in children:
            found.append(child)
            found.extend(descendants(child))
    return found


def memory_line(server: int, workers: int) -> str:
    if workers == 1:
        return f"RSS worker (single process): {rss_mb(server):.0f} MB"
    kids = [p for p in descendants(server) if rss_mb(p) > 100]  # workers, not the resource tracker
    per = ", ".join(f"{rss_mb(p):.0f}" for p in kids)
    return f"RSS supervisor {rss_mb(server):.0f} MB; workers: {per} MB"


async def client(http: httpx.AsyncClient, url: str, body: dict[str, str], count: int,
                 stop_at: float, latencies: list[float], failures: list[int],
                 analysis: list[float]) -> None:
    for _ in range(count):
        if time.monotonic() > stop_at:
            return
        started = time.perf_counter()
        response = await http.post(url, json=body)
        latencies.append(time.perf_counter() - started)
        if response.status_code != 200:
            failures.append(response.status_code)
        timing = dict(part.strip().split(";dur=") for part in
                      response.headers.get("server-timing", "").split(",") if ";dur=" in part)
        if "analysis" in timing:
            analysis.append(float(timing["analysis"]) / 1000)


async def level(base: str, text: str, clients: int, per_client: int, max_seconds: float
                ) -> tuple[list[float], list[int], list[float], float]:
    latencies: list[float] = []
    failures: list[int] = []
    analysis: list[float] = []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(timeout=300, limits=limits) as http:
        stop_at = time.monotonic() + max_seconds
        started = time.perf_counter()
        await asyncio.gather(*(client(http, f"{base}/v1/analyze", {"text": text}, per_client,
                                      stop_at, latencies, failures, analysis)
                               for _ in range(clients)))
        wall = time.perf_counter() - started
    return latencies, failures, analysis, wall


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_data = default_data_dir() / "ptc"
    parser.add_argument("--data", type=Path, default=default_data)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--requests", type=int, default=8, help="requests per client and level")
    parser.add_argument("--levels", default="1,4,16", help="concurrent clients, comma-separated")
    parser.add_argument("--max-seconds", type=float, default=90.0, help="time cap per level")
    parser.add_argument("--lexicon", action="store_true",
                        help="serve the lexicon technique baseline instead of the trained model")
    parser.add_argument("--disable", action="append", default=[], help="a stage to leave out")
    args = parser.parse_args()

    text, origin = pick_article(args.data)
    port = free_port()
    command = [sys.executable, "-m", "unspin", "serve", "--host", "127.0.0.1", "--port", str(port),
               "--workers", str(args.workers), "--log-level", "warning",
               "--max-queue", "1000", "--timeout", "600"]
    if args.lexicon:
        command += ["--replace", "techniques=techniques_lexicon"]
    for name in args.disable:
        command += ["--disable", name]
    print(f"article: {origin}, {len(text):,} characters, {len(text.split()):,} words")
    print("server:", " ".join(command[2:]))
    started = time.perf_counter()
    server = subprocess.Popen(command, cwd=REPO)
    base = f"http://127.0.0.1:{port}"
    try:
        while True:
            if server.poll() is not None:
                print(f"the server exited with {server.returncode} before it was ready")
                return 1
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.perf_counter() - started > 180:
                print("the server was not ready within 180 s")
                return 1
            time.sleep(0.2)
        print(f"ready in {time.perf_counter() - started:.1f} s (model load and warm-up included); "
              f"{memory_line(server.pid, args.workers)}")
        pipeline = httpx.get(f"{base}/version").json()["pipeline"]
        print(f"pipeline: {', '.join(pipeline)}")
        warm = httpx.post(f"{base}/v1/analyze", json={"text": text}, timeout=300)
        warm.raise_for_status()
        print(f"one request: {len(warm.json()['techniques'])} technique spans, "
              f"{len(warm.content):,} bytes of JSON")
        print(f"{'clients':>7} {'requests':>8} {'failed':>6} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>7}")
        for clients in (int(c) for c in args.levels.split(",")):
            latencies, failures, analysis, wall = asyncio.run(
                level(base, text, clients, args.requests, args.max_seconds))
            print(f"{clients:>7} {len(latencies):>8} {len(failures):>6} "
                  f"{percentile(latencies, 0.5) * 1000:>8.0f} {percentile(latencies, 0.95) * 1000:>8.0f} "
                  f"{len(latencies) / wall:>7.2f}   mean {statistics.fmean(latencies) * 1000:.0f} ms "
                  f"(model {statistics.fmean(analysis) * 1000:.0f} ms); "
                  f"{memory_line(server.pid, args.workers)}")
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
