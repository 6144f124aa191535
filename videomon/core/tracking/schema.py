"""The task database's schema: one migration per version (the store applies those a
database lacks, each in its own transaction, with foreign keys off as SQLite's way of
rebuilding a table asks; `PRAGMA user_version` is the version)."""

from __future__ import annotations

import sqlite3

#: each schema version's statements, in order (never edited once released)
MIGRATIONS: tuple[str, ...] = (
    # 1: tracked tasks and their state history
    """
    CREATE TABLE tasks (
        ref INTEGER PRIMARY KEY,
        profile TEXT NOT NULL,
        task_id TEXT NOT NULL,
        added_at REAL NOT NULL,
        label TEXT,
        state TEXT NOT NULL DEFAULT 'queued',
        progress REAL,
        snapshot TEXT,
        raw TEXT,
        watch TEXT NOT NULL DEFAULT 'active',
        last_checked_at REAL,
        last_change_at REAL,
        next_poll_at REAL,
        problem_kind TEXT,
        problem_message TEXT,
        download_path TEXT,
        download_state TEXT,
        download_error TEXT,
        UNIQUE (profile, task_id)
    );
    CREATE TABLE history (
        id INTEGER PRIMARY KEY,
        ref INTEGER NOT NULL REFERENCES tasks(ref) ON DELETE CASCADE,
        at REAL NOT NULL,
        state TEXT NOT NULL,
        progress REAL,
        note TEXT
    );
    CREATE INDEX history_ref ON history(ref, at);
    """,
    # 2: what the lists sort and search by, indexed (a page costs its size, not the
    # history's): derived columns, an index per order, and a trigram search index
    """
    CREATE TABLE tasks_v2 (
        ref INTEGER PRIMARY KEY,
        profile TEXT NOT NULL,
        task_id TEXT NOT NULL,
        added_at REAL NOT NULL,
        label TEXT,
        state TEXT NOT NULL DEFAULT 'queued',
        progress REAL,
        snapshot TEXT,
        raw TEXT,
        watch TEXT NOT NULL DEFAULT 'active',
        last_checked_at REAL,
        last_change_at REAL,
        next_poll_at REAL,
        problem_kind TEXT,
        problem_message TEXT,
        download_path TEXT,
        download_state TEXT,
        download_error TEXT,
        -- stored, not virtual: removing a row then touches its index entries without
        -- reading the snapshot's JSON again (10 s -> 2 s for 100,000 rows)
        model TEXT GENERATED ALWAYS AS (json_extract(snapshot, '$.model')) STORED,
        output TEXT GENERATED ALWAYS AS (
            COALESCE(download_path, json_extract(snapshot, '$.video_urls[0]'),
                     json_extract(snapshot, '$.error'), problem_message)) STORED,
        state_rank INTEGER GENERATED ALWAYS AS (
            CASE state WHEN 'queued' THEN 0 WHEN 'running' THEN 10
                       WHEN 'succeeded' THEN 20 ELSE 30 END
            + CASE watch WHEN 'active' THEN 0 ELSE 5 END) STORED,
        download_rank INTEGER GENERATED ALWAYS AS (
            CASE download_state WHEN 'cancelled' THEN 1 WHEN 'failed' THEN 2
                                WHEN 'queued' THEN 3 WHEN 'downloading' THEN 4
                                WHEN 'done' THEN 5 ELSE 0 END) STORED,
        UNIQUE (profile, task_id)
    );
    INSERT INTO tasks_v2 (
        ref, profile, task_id, added_at, label, state, progress, snapshot, raw, watch,
        last_checked_at, last_change_at, next_poll_at, problem_kind, problem_message,
        download_path, download_state, download_error)
    SELECT
        ref, profile, task_id, added_at, label, state, progress, snapshot, raw, watch,
        last_checked_at, last_change_at, next_poll_at, problem_kind, problem_message,
        download_path, download_state, download_error
    FROM tasks;
    DROP TABLE tasks;
    ALTER TABLE tasks_v2 RENAME TO tasks;
    CREATE INDEX tasks_by_task_id ON tasks(task_id COLLATE NOCASE, ref);
    CREATE INDEX tasks_by_profile ON tasks(profile COLLATE NOCASE, ref);
    CREATE INDEX tasks_by_model ON tasks(model COLLATE NOCASE, ref);
    CREATE INDEX tasks_by_state ON tasks(state_rank, ref);
    CREATE INDEX tasks_by_progress ON tasks(progress, ref);
    CREATE INDEX tasks_by_checked ON tasks(last_checked_at, ref);
    CREATE INDEX tasks_by_download ON tasks(download_rank, ref);
    CREATE INDEX tasks_by_output ON tasks(output COLLATE NOCASE, ref);
    CREATE INDEX tasks_by_watch ON tasks(watch, state);
    CREATE VIRTUAL TABLE task_search USING fts5(
        task_id, label, profile, model, output,
        content='tasks', content_rowid='ref', tokenize='trigram');
    CREATE TRIGGER task_search_added AFTER INSERT ON tasks BEGIN
        INSERT INTO task_search (rowid, task_id, label, profile, model, output)
        VALUES (new.ref, new.task_id, new.label, new.profile, new.model, new.output);
    END;
    CREATE TRIGGER task_search_removed AFTER DELETE ON tasks BEGIN
        INSERT INTO task_search (task_search, rowid, task_id, label, profile, model, output)
        VALUES ('delete', old.ref, old.task_id, old.label, old.profile, old.model,
                old.output);
    END;
    CREATE TRIGGER task_search_changed
    AFTER UPDATE OF label, snapshot, download_path, problem_message ON tasks
    WHEN old.label IS NOT new.label OR old.model IS NOT new.model
         OR old.output IS NOT new.output BEGIN
        INSERT INTO task_search (task_search, rowid, task_id, label, profile, model, output)
        VALUES ('delete', old.ref, old.task_id, old.label, old.profile, old.model,
                old.output);
        INSERT INTO task_search (rowid, task_id, label, profile, model, output)
        VALUES (new.ref, new.task_id, new.label, new.profile, new.model, new.output);
    END;
    INSERT INTO task_search (task_search) VALUES ('rebuild');
    """,
    # 3: the window's row lists: every ref in the order added without reading the table
    # (a million in 0.1 s, not 3 s), and each group in that order (the state filter)
    """
    CREATE INDEX tasks_by_ref ON tasks(ref);
    ALTER TABLE tasks ADD COLUMN grp TEXT GENERATED ALWAYS AS (
        CASE WHEN watch = 'not_found' THEN 'not_found'
             WHEN state = 'succeeded' THEN 'finished'
             WHEN state = 'failed' OR watch = 'stale' THEN 'failed'
             ELSE 'active' END) VIRTUAL;
    CREATE INDEX tasks_by_group ON tasks(grp, ref);
    """,
    # 4: the last removal's rows, whole, for Undo (`set_aside.py`): kept on disk, so a
    # removal cut short by quitting or a crash can still be undone at the next start
    """
    CREATE TABLE set_aside AS SELECT
        ref, profile, task_id, added_at, label, state, progress, snapshot, raw, watch,
        last_checked_at, last_change_at, next_poll_at, problem_kind, problem_message,
        download_path, download_state, download_error
    FROM tasks WHERE 0;
    """,
    # 5: what the user says about a task (notes, tags, a star; `label` is its title) and
    # what the provider says it is (the prompt, read from the snapshot): searched too
    """
    ALTER TABLE tasks ADD COLUMN notes TEXT;
    ALTER TABLE tasks ADD COLUMN tags TEXT;
    ALTER TABLE tasks ADD COLUMN starred INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE tasks ADD COLUMN prompt TEXT
        GENERATED ALWAYS AS (json_extract(snapshot, '$.prompt')) VIRTUAL;
    ALTER TABLE set_aside ADD COLUMN notes TEXT;
    ALTER TABLE set_aside ADD COLUMN tags TEXT;
    ALTER TABLE set_aside ADD COLUMN starred INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX tasks_starred ON tasks(ref) WHERE starred;
    -- which tasks were annotated, in order: a running window reads what another process
    -- (`videomon tag`) said
    CREATE TABLE noted (id INTEGER PRIMARY KEY, ref INTEGER NOT NULL);
    CREATE INDEX tasks_tagged ON tasks(ref) WHERE tags IS NOT NULL;
    DROP TRIGGER task_search_added;
    DROP TRIGGER task_search_removed;
    DROP TRIGGER task_search_changed;
    DROP TABLE task_search;
    CREATE VIRTUAL TABLE task_search USING fts5(
        task_id, label, profile, model, output, prompt, tags, notes,
        content='tasks', content_rowid='ref', tokenize='trigram');
    CREATE TRIGGER task_search_added AFTER INSERT ON tasks BEGIN
        INSERT INTO task_search (rowid, task_id, label, profile, model, output, prompt, tags,
                                 notes)
        VALUES (new.ref, new.task_id, new.label, new.profile, new.model, new.output,
                new.prompt, new.tags, new.notes);
    END;
    CREATE TRIGGER task_search_removed AFTER DELETE ON tasks BEGIN
        INSERT INTO task_search (task_search, rowid, task_id, label, profile, model, output,
                                 prompt, tags, notes)
        VALUES ('delete', old.ref, old.task_id, old.label, old.profile, old.model,
                old.output, old.prompt, old.tags, old.notes);
    END;
    CREATE TRIGGER task_search_changed
    AFTER UPDATE OF label, snapshot, download_path, problem_message, tags, notes ON tasks
    WHEN old.label IS NOT new.label OR old.model IS NOT new.model
         OR old.output IS NOT new.output OR old.prompt IS NOT new.prompt
         OR old.tags IS NOT new.tags OR old.notes IS NOT new.notes BEGIN
        INSERT INTO task_search (task_search, rowid, task_id, label, profile, model, output,
                                 prompt, tags, notes)
        VALUES ('delete', old.ref, old.task_id, old.label, old.profile, old.model,
                old.output, old.prompt, old.tags, old.notes);
        INSERT INTO task_search (rowid, task_id, label, profile, model, output, prompt, tags,
                                 notes)
        VALUES (new.ref, new.task_id, new.label, new.profile, new.model, new.output,
                new.prompt, new.tags, new.notes);
    END;
    INSERT INTO task_search (task_search) VALUES ('rebuild');
    """,
    # 6: the tasks the user removed, so that an account's list never brings them back
    """
    CREATE TABLE forgotten (
        profile TEXT NOT NULL,
        task_id TEXT NOT NULL,
        at REAL NOT NULL,
        PRIMARY KEY (profile, task_id)
    ) WITHOUT ROWID;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


def split_sql(script: str) -> list[str]:
    """The statements of a script (a trigger's body holds semicolons of its own)."""
    statements, part = [], ""
    for piece in script.split(";"):
        part += piece + ";"
        if sqlite3.complete_statement(part):
            if part.strip(" \n;"):
                statements.append(part.strip())
            part = ""
    return statements
