"""`videomon simulate`: run the simulated relay until Ctrl+C."""

from __future__ import annotations

import argparse
import asyncio
import contextlib

from videomon.cli.context import CliContext
from videomon.core.domain.errors import ConfigError
from videomon.simulator.faults import Faults


def register(sub: argparse._SubParsersAction) -> None:
    sim = sub.add_parser(
        "simulate", help="run a local simulated relay (every dialect) for demos and tests",
        description="Serve a simulated video relay on 127.0.0.1 that speaks every dialect. "
        "Unknown task IDs become tasks on first sight and progress over time; IDs with "
        "'fail' fail, with 'stall' report placeholder progress, starting with 'missing' do "
        "not exist. Finished videos are served by a second 'CDN' port (Range supported).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="fault spec: comma-separated NAME=VALUE among latency=SECONDS, 429=P, 5xx=P, "
        "html=P, malformed=P, drop=P (probabilities 0-1 per query) and expire=SECONDS "
        "(CDN links stop working after that long)\n\nexample:\n  videomon simulate --port "
        "8800 --speed 4 --faults latency=0.05,429=0.05,html=0.02")
    sim.add_argument("--port", type=int, default=0, help="API port (default: a free one)")
    sim.add_argument("--cdn-port", type=int, default=0, help="CDN port (default: a free one)")
    sim.add_argument("--speed", type=float, default=1.0, metavar="X",
                     help="simulated time runs X times faster (default 1)")
    sim.add_argument("--faults", metavar="SPEC", help="inject faults (see below)")
    sim.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    sim.add_argument("--key", help="require this API key (default: accept any)")
    sim.set_defaults(handler=cmd_simulate)


def cmd_simulate(ctx: CliContext, args: argparse.Namespace) -> int:
    from videomon.simulator.server import SimulatedRelay

    try:
        faults = Faults.parse(args.faults)
    except ValueError as exc:
        raise ConfigError(str(exc)) from None
    if args.speed <= 0:
        raise ConfigError("--speed must be positive")

    async def run() -> None:
        try:
            sim = SimulatedRelay(port=args.port, cdn_port=args.cdn_port, speed=args.speed,
                                 faults=faults, seed=args.seed, key=args.key,
                                 formats=ctx.formats)  # the user's formats too
        except OSError as exc:
            raise ConfigError(f"cannot listen on the requested port: {exc.strerror}") from None
        async with sim:
            print(f"simulated relay: {sim.base_url}   (CDN {sim.cdn_url})", flush=True)
            print("try:  videomon watch --base-url " + sim.base_url +
                  " --format openai sora-2:task_demo1 video_demo2 demo-fail-3", flush=True)
            print("Ctrl+C to stop", flush=True)
            await asyncio.Event().wait()

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run())
    return 0
