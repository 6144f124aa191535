"""The library: what the user says about a task (title, notes, tags, star) survives polls,
restarts and an export imported elsewhere; search finds by prompt and tag; what another
process says is taken in; costs are summed, unknown where they cannot be known."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

from tests.test_engine import make_engine, wait_for
from videomon.core.config.settings import Settings
from videomon.core.domain.annotation import Annotation, merge_tags, split_tags
from videomon.core.domain.snapshot import Snapshot, TaskState
from videomon.core.domain.task import Watch
from videomon.core.tracking.commands import Commands
from videomon.core.tracking.costs import CostGroup, CostLine, CostTable, summarize
from videomon.core.tracking.exchange import (
    import_records,
    read_export,
    records_of,
    write_csv,
    write_json,
)
from videomon.core.tracking.listing import Query, TaskListing
from videomon.core.tracking.store import TaskStore, TaskUpdate
from videomon.simulator.relay import PROMPTS
from videomon.simulator.server import SimulatedRelay


def test_what_the_user_says_survives_polls_restarts_and_an_export(tmp_path: Path) -> None:
    out = io.StringIO()

    async def main() -> None:
        async with SimulatedRelay(speed=30) as sim:
            engine = make_engine(tmp_path / "one", sim, auto=False)
            commands = Commands(engine)
            await engine.start()
            try:
                added = await engine.scheduler.add("oa", ["video_ok_corgi", "video_ok_2"])
                first, second = (t.ref for t in added)
                # said while it is still being polled
                await commands.tasks.annotate([first], Annotation.made(
                    title="  Beach   corgi ", notes="keep for the reel", starred=True,
                    add_tags=["dogs", "beach, day"]))
                await commands.tasks.annotate([first, second], Annotation.made(
                    add_tags=["Dogs", "client"]))
                await wait_for(lambda: all(engine.scheduler.tasks[r].state.terminal
                                           for r in (first, second)))
                task = engine.scheduler.tasks[first]
                assert (task.title, task.notes, task.starred) == (
                    "Beach corgi", "keep for the reel", True)
                assert task.tags == ("dogs", "beach day", "client")
                assert task.prompt in PROMPTS  # (the relay echoes it, as OpenAI does)
                checked = task.last_checked_at
                assert await commands.tasks.refresh([first]) == 1  # polled once more
                await wait_for(lambda: engine.scheduler.tasks[first].last_checked_at
                               != checked)
                assert engine.scheduler.tasks[first].title == "Beach corgi"
            finally:
                await engine.stop()

            again = make_engine(tmp_path / "one", sim, auto=False)
            await again.start()
            try:
                kept = {t.ref: t for t in Commands(again).tasks.copies()}
                assert kept[first].title == "Beach corgi" and kept[first].starred
                assert kept[second].tags == ("Dogs", "client")
                listing = again.listing
                assert listing.refs(Query(tag="DOGS")) == [first, second]
                assert listing.refs(Query(starred=True)) == [first]
                assert listing.refs(Query(text="reel")) == [first]  # notes
                word = kept[first].prompt.split()[1]  # type: ignore[union-attr]
                assert first in listing.refs(Query(text=word))  # prompt
                assert dict(listing.tag_counts()) == {"client": 2, "dogs": 2,
                                                      "beach day": 1}
                write_json(records_of(listing.stream(), {"oa": "openai"}), out)
            finally:
                await again.stop()

    asyncio.run(main())
    other = TaskStore(tmp_path / "two.db")
    try:
        records = read_export(out.getvalue())
        outcome = import_records(other, records, profiles={"oa"})
        assert len(outcome.added) == 2 and outcome.already == 0
        assert not outcome.unknown_profiles
        brought = {t.task_id: t for t in other.all()}
        corgi = brought["video_ok_corgi"]
        assert (corgi.title, corgi.notes, corgi.starred) == ("Beach corgi",
                                                             "keep for the reel", True)
        assert corgi.state is TaskState.SUCCEEDED and corgi.prompt in PROMPTS
        assert "api" not in out.getvalue().lower().replace("api.", "")  # (no keys travel)
        assert import_records(other, records).already == 2  # nothing twice
    finally:
        other.close()


def test_what_another_process_says_reaches_the_held_task(tmp_path: Path) -> None:
    async def main() -> None:
        async with SimulatedRelay(speed=1) as sim:  # (slow: stays held and polled)
            engine = make_engine(tmp_path, sim, auto=False)
            await engine.start()
            try:
                added = await engine.scheduler.add("oa", ["video_ok_slow"])
                ref = added[0].ref
                elsewhere = TaskStore(engine.store.path)  # `videomon tag` in a terminal
                elsewhere.annotate([ref], Annotation.made(title="from the terminal",
                                                          add_tags=["cli"]))
                elsewhere.close()
                await engine.scheduler.book.sync_with_store()
                held = engine.scheduler.tasks[ref]
                assert (held.title, held.tags) == ("from the terminal", ("cli",))
                await engine.scheduler.flush()  # and the engine's own write keeps it
            finally:
                await engine.stop()
        store = TaskStore(tmp_path / "data" / "tasks.db")
        try:
            assert store.all()[0].title == "from the terminal"
        finally:
            store.close()

    asyncio.run(main())


def test_tags_are_cleaned_and_merged_case_blind() -> None:
    assert split_tags(" corgi,  beach   day ,, ") == ["corgi", "beach day"]
    assert merge_tags(("A", "b"), add=("a", "C"), remove=("B",)) == ("A", "C")
    change = Annotation.made(title="x\ny", tags=["one", "ONE", ""])
    assert change.title == "x y" and change.tags == ("one",)
    assert Annotation.made().empty and not Annotation.made(starred=False).empty


def finished(store: TaskStore, task_id: str, *, model: str, duration: float | None,
             cost: float | None = None, state: TaskState = TaskState.SUCCEEDED,
             profile: str = "oa") -> None:
    task = store.add(profile, task_id, now=1000.0)
    assert task is not None
    snap = Snapshot(task_id, "openai", state, 100.0, (), model=model, duration=duration,
                    cost=cost, cost_unit="units" if cost is not None else None)
    store.apply([TaskUpdate(task.ref, {"state": state, "watch": Watch.DONE,
                                       "snapshot": snap})])


def test_cost_is_summed_and_unknown_is_never_zero(tmp_path: Path) -> None:
    store = TaskStore(tmp_path / "t.db")
    try:
        finished(store, "a", model="sora-2", duration=8.0)
        finished(store, "b", model="sora-2", duration=None)  # per second, no duration
        finished(store, "c", model="sora-2-pro", duration=12.0)
        finished(store, "d", model="kling", duration=5.0, cost=2.0, profile="kl")
        finished(store, "e", model="sora-2", duration=8.0, state=TaskState.FAILED)
        settings = Settings(currency="USD", prices=[
            {"provider": "oa", "per": "second", "price": 0.1},
            {"provider": "oa", "model": "SORA-2-PRO", "per": "task", "price": 3},
            {"provider": "kl", "per": "unit", "price": 0.14},
            {"provider": "nonsense", "per": "fortnight", "price": 1}])
        table = CostTable.from_settings(settings)
        assert len(table.prices) == 3
        summary = summarize(store.all(), table, by="model", now=2000.0).to_json()
        groups = {g["key"]: g for g in summary["groups"]}
        assert groups["sora-2"] == {"key": "sora-2", "tasks": 3, "money": 0.8, "unknown": 1,
                                    "units": {}}
        assert groups["sora-2-pro"]["money"] == 3.0
        assert groups["kling"]["money"] == 0.28 and groups["kling"]["units"] == {"units": 2.0}
        assert summary["total"]["money"] == 4.08 and summary["total"]["unknown"] == 1
        # the status bar's way (summed by SQL) says the same for a selection and a filter
        listing = TaskListing(store)
        for refs, query in ((None, Query()), ([t.ref for t in store.all()], None)):
            line = CostLine("shown")
            for row in listing.cost_groups(query, refs):
                line.add_group(CostGroup.read(row), table)
            assert line.to_json() | {"key": "total"} == summary["total"]
        nothing = summarize(store.all(), CostTable.from_settings(Settings())).to_json()
        assert nothing["total"]["money"] is None  # no prices: unknown, not 0
        assert summarize(store.all(), table, since="1h", now=1000.0 + 7200).total.tasks == 0
    finally:
        store.close()


def test_csv_has_every_field_and_a_header(tmp_path: Path) -> None:
    store = TaskStore(tmp_path / "t.db")
    try:
        finished(store, "a,1", model="sora-2", duration=8.0)
        store.annotate([store.all()[0].ref], Annotation.made(title='say "hi"',
                                                             add_tags=["x", "y"]))
        out = io.StringIO()
        assert write_csv(records_of(TaskListing(store).stream(), {}), out) == 1
        header, row = out.getvalue().splitlines()
        for column in ("task_id", "title", "tags", "starred", "prompt", "duration", "cost"):
            assert column in header.split(",")
        assert '"a,1"' in row and '"say ""hi"""' in row and ",x; y," in row
    finally:
        store.close()
