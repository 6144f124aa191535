"""A big download against `curl` (run on demand; not part of the test run).

    .venv/bin/python -m tests.benchmarks.bench_download [--size-mb 1024] [--runs 3] [--json]

A loopback HTTP server (its own process) serves a file of `--size-mb`. Measured one at a
time, alternating (`--runs` of each; medians reported, the ratio is the median of each
pair's ratio), both written to the same disk and synced:
  curl     — `curl -s -o FILE URL`, then fsync;
  videomon — the window (offscreen) downloads a finished task's video through its
             download manager, with a 10 ms heartbeat on the GUI thread.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.common import ROOT, Heartbeat, make_home, report, rss_mb

SERVER = r"""
import os, sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
path = sys.argv[1]
size = os.path.getsize(path)

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args):
        pass
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "video/mp4")
        self.send_header("Content-Length", str(size))
        self.send_header("ETag", '"bench"')
        self.end_headers()
        with open(path, "rb") as source:
            os.sendfile(self.wfile.fileno(), source.fileno(), 0, size)

server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
"""


async def videomon_download(home: Path) -> dict:
    from videomon.app import VideomonApp
    from videomon.core.config.paths import AppPaths
    from videomon.core.providers.credentials import CredentialStore

    app = VideomonApp(AppPaths.under(home), credentials=CredentialStore(environ={}))
    await app.start(check_keyring=False)
    beat = Heartbeat()
    try:
        task = app.commands.tasks.copies()[0]
        rss0 = rss_mb()
        await asyncio.sleep(0.5)
        beat.start()
        started = time.perf_counter()
        await app.commands.tasks.download([task.ref])
        while not any(t.saved for t in app.commands.tasks.copies()):
            failed = [t.download_error for t in app.commands.tasks.copies() if t.download_error]
            if failed:
                raise SystemExit(f"download failed: {failed[0]}")
            await asyncio.sleep(0.01)
        seconds = time.perf_counter() - started
        await asyncio.sleep(0.1)
        beat.stop()
        path = Path(next(t for t in app.commands.tasks.copies() if t.saved).download_paths[0])
        return {"seconds": seconds, "bytes": path.stat().st_size,
                "rss_growth_mb": rss_mb() - rss0,
                "max_gui_stall_ms": beat.figures()["heartbeat_max_ms"]}
    finally:
        app.window.quit()
        await app.shutdown()


def child(home: str) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from videomon.ui.runtime.event_loop import EventLoop

    qapp = QApplication.instance() or QApplication([])
    loop = EventLoop(qapp)
    asyncio.set_event_loop(loop)
    with loop:
        print(json.dumps(loop.run_until_complete(videomon_download(Path(home)))))


def curl(url: str, out: Path) -> float:
    started = time.perf_counter()
    subprocess.run(["curl", "-s", "-o", str(out), url], check=True)
    fd = os.open(out, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    return time.perf_counter() - started


def videomon_run(home: Path) -> dict:
    done = subprocess.run([sys.executable, "-m", "tests.benchmarks.bench_download",
                           "--child", str(home)], capture_output=True, text=True,
                          cwd=ROOT, check=False)
    if done.returncode != 0:
        raise SystemExit(done.stderr[-3000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size-mb", type=int, default=1024)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    with tempfile.TemporaryDirectory(prefix="bench-dl-", dir=Path.home()) as tmp:
        source = Path(tmp) / "source.bin"
        block = os.urandom(1 << 20)
        with open(source, "wb") as handle:
            for _ in range(args.size_mb):
                handle.write(block)
        server = subprocess.Popen([sys.executable, "-c", SERVER, str(source)],
                                  stdout=subprocess.PIPE, text=True)
        try:
            assert server.stdout is not None
            url = f"http://127.0.0.1:{server.stdout.readline().strip()}/video.mp4"
            pairs = []
            for run in range(args.runs):
                curl_s = curl(url, Path(tmp) / "curl.bin")
                (Path(tmp) / "curl.bin").unlink()
                home = make_home(Path(tmp) / f"home{run}", url.rsplit("/", 1)[0], polling=0,
                                 rows=1, video_url=url)
                pairs.append((curl_s, videomon_run(home)))
                shutil.rmtree(home)  # the next run starts from the same free space
        finally:
            server.terminate()
            server.wait(10)
    size = args.size_mb * (1 << 20)
    assert all(out["bytes"] == size for _, out in pairs), pairs
    curl_s = statistics.median(c for c, _ in pairs)
    ours_s = statistics.median(out["seconds"] for _, out in pairs)
    ratios = [c / out["seconds"] for c, out in pairs]
    figures = {"videomon_mb_s": round(args.size_mb / ours_s, 1),
               "curl_mb_s": round(args.size_mb / curl_s, 1),
               "ratio": round(statistics.median(ratios), 2),
               "rss_growth_mb": round(max(out["rss_growth_mb"] for _, out in pairs), 1),
               "max_gui_stall_ms": max(out["max_gui_stall_ms"] for _, out in pairs),
               "size_mb": args.size_mb, "ratios": [round(r, 2) for r in ratios]}
    report(figures, [
        ("videomon (MB/s)", str(figures["videomon_mb_s"]), ""),
        ("curl -o, synced (MB/s)", str(figures["curl_mb_s"]), ""),
        ("ratio (median of pairs)", f"{figures['ratio']}×",
         f"≥ 0.9× ({min(ratios):.2f}–{max(ratios):.2f})"),
        ("RSS growth (MB)", str(figures["rss_growth_mb"]), ""),
        ("longest GUI stall during it (ms)", str(figures["max_gui_stall_ms"]), ""),
    ], args.json)


if __name__ == "__main__":
    main()
