import GRDB
import PetitionModel

/// The database schema, as GRDB migrations: each one runs once, in order, in
/// its own transaction, so a database is never left half-migrated.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: petitions, petitioners, backlog cases, full-text index") { db in
            try db.execute(sql: """
                CREATE TABLE petition (
                    rowid INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    received_at TEXT NOT NULL,
                    channel TEXT, level TEXT,
                    province TEXT, city TEXT, county TEXT, region_code TEXT,
                    headcount INTEGER, respondent TEXT, category TEXT,
                    title TEXT, content TEXT NOT NULL,
                    record_hash TEXT NOT NULL,
                    imported_at TEXT NOT NULL
                );
                CREATE INDEX petition_received_at ON petition(received_at);
                CREATE INDEX petition_region_code ON petition(region_code);
                CREATE INDEX petition_category ON petition(category);
                CREATE INDEX petition_level ON petition(level);
                CREATE INDEX petition_channel ON petition(channel);
                CREATE INDEX petition_place ON petition(province, city, county);

                CREATE TABLE petitioner (
                    petition_rowid INTEGER NOT NULL REFERENCES petition(rowid) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    name TEXT, id_number TEXT, phone TEXT,
                    id_canonical TEXT, id_valid INTEGER, phone_canonical TEXT,
                    PRIMARY KEY (petition_rowid, position)
                ) WITHOUT ROWID;
                CREATE INDEX petitioner_id_canonical ON petitioner(id_canonical);
                CREATE INDEX petitioner_phone_canonical ON petitioner(phone_canonical);
                CREATE INDEX petitioner_name ON petitioner(name);

                CREATE TABLE backlog_case (
                    rowid INTEGER PRIMARY KEY,
                    case_id TEXT NOT NULL UNIQUE,
                    title TEXT NOT NULL, summary TEXT,
                    province TEXT, city TEXT, county TEXT, category TEXT,
                    opened_at TEXT, leader TEXT, responsible_units TEXT NOT NULL DEFAULT '[]', status TEXT,
                    record_hash TEXT NOT NULL,
                    imported_at TEXT NOT NULL
                );
                """)
            try db.create(virtualTable: "petition_fts", using: FTS5()) { t in
                t.synchronize(withTable: "petition")
                t.tokenizer = ChineseTokenizer.tokenizerDescriptor()
                t.column("title")
                t.column("content")
                t.column("respondent")
            }
            try db.create(virtualTable: "backlog_fts", using: FTS5()) { t in
                t.synchronize(withTable: "backlog_case")
                t.tokenizer = ChineseTokenizer.tokenizerDescriptor()
                t.column("title")
                t.column("summary")
            }
        }
        migrator.registerMigration("v2: repeat detection: profiles, blocking keys, matters") { db in
            try db.execute(sql: """
                CREATE TABLE petition_profile (
                    petition_rowid INTEGER PRIMARY KEY REFERENCES petition(rowid) ON DELETE CASCADE,
                    profile BLOB NOT NULL,
                    vector BLOB
                );
                CREATE TABLE block_key (
                    key TEXT NOT NULL,
                    petition_rowid INTEGER NOT NULL REFERENCES petition(rowid) ON DELETE CASCADE,
                    PRIMARY KEY (key, petition_rowid)
                ) WITHOUT ROWID;
                CREATE INDEX block_key_petition ON block_key(petition_rowid);
                CREATE TABLE word_df (word INTEGER PRIMARY KEY, df INTEGER NOT NULL);
                CREATE TABLE matter (
                    matter_id TEXT PRIMARY KEY,
                    seq INTEGER NOT NULL UNIQUE,
                    class_id TEXT,
                    backlog_case_id TEXT,
                    run_id INTEGER
                );
                CREATE INDEX matter_class ON matter(class_id);
                CREATE INDEX matter_backlog ON matter(backlog_case_id);
                CREATE TABLE assignment (
                    petition_rowid INTEGER PRIMARY KEY REFERENCES petition(rowid) ON DELETE CASCADE,
                    matter_id TEXT NOT NULL,
                    score REAL,
                    repeat_of TEXT,
                    run_id INTEGER
                );
                CREATE INDEX assignment_matter ON assignment(matter_id);
                CREATE TABLE escalation (
                    petition_rowid INTEGER PRIMARY KEY REFERENCES petition(rowid) ON DELETE CASCADE,
                    earlier_id TEXT NOT NULL,
                    from_level TEXT NOT NULL,
                    to_level TEXT NOT NULL,
                    skipped_levels INTEGER NOT NULL
                );
                CREATE TABLE class_case (
                    class_id TEXT PRIMARY KEY,
                    place TEXT NOT NULL,
                    concept TEXT NOT NULL,
                    matters INTEGER NOT NULL
                );
                CREATE TABLE dedup_run (
                    run_id INTEGER PRIMARY KEY,
                    started_at TEXT NOT NULL,
                    finished_at TEXT,
                    full INTEGER NOT NULL,
                    scored INTEGER NOT NULL DEFAULT 0,
                    new_matters INTEGER NOT NULL DEFAULT 0,
                    repeats INTEGER NOT NULL DEFAULT 0
                );
                """)
        }
        migrator.registerMigration("v3: append-only audit trail") { db in
            try db.execute(sql: """
                CREATE TABLE audit_log (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    at TEXT NOT NULL,
                    operator TEXT NOT NULL,
                    command TEXT NOT NULL,
                    subject TEXT,
                    returned TEXT NOT NULL DEFAULT '[]',
                    revealed INTEGER NOT NULL DEFAULT 0,
                    reason TEXT
                );
                CREATE INDEX audit_log_at ON audit_log(at);
                CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
                CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
                """)
        }
        migrator.registerMigration("v4: the nightly job's index, kept between runs") { db in
            // `indexed`: what the job keeps of an assigned petition (features, keys,
            // class signatures), written with its assignment. `index_state`: the word
            // frequencies over the assigned petitions after the last run, and how many
            // there were, so that an incremental run need not read every profile.
            // They replace `word_df`, which held the same frequencies a row each.
            try db.execute(sql: """
                DROP TABLE word_df;
                ALTER TABLE petition_profile ADD COLUMN indexed BLOB;
                CREATE TABLE index_state (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    run_id INTEGER NOT NULL,
                    assigned INTEGER NOT NULL,
                    statistics BLOB NOT NULL
                );
                """)
        }
        migrator.registerMigration("v5: match weights estimated from the corpus") { db in
            // The Fellegi–Sunter weights every run and intake check scores with
            // (JSON of MatchWeights), and the run that estimated them.
            try db.execute(sql: """
                CREATE TABLE match_weights (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    run_id INTEGER,
                    weights TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v6: handling history of a petition") { db in
            // `handling`: the record's handling object as JSON (Handling.storedJSON), NULL
            // when none was given. `handling_stage`: how far that record goes
            // (Handling.Stage), kept beside it so that `search --stage` is an indexed filter.
            try db.execute(sql: """
                ALTER TABLE petition ADD COLUMN handling TEXT;
                ALTER TABLE petition ADD COLUMN handling_stage TEXT;
                CREATE INDEX petition_handling_stage ON petition(handling_stage) WHERE handling_stage IS NOT NULL;
                """)
        }
        migrator.registerMigration("v7: the service's bearer tokens") { db in
            // Only the SHA-256 of a token is kept (`token_hash`); `token_id` is its public
            // handle for listing and revoking. Revoked tokens stay, with the time they were revoked.
            try db.execute(sql: """
                CREATE TABLE service_token (
                    token_id TEXT PRIMARY KEY,
                    token_hash TEXT NOT NULL UNIQUE,
                    operator TEXT NOT NULL,
                    role TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    revoked_at TEXT
                );
                """)
        }
        migrator.registerMigration("v8: officials' judgments of pairs") { db in
            // One row per pair, the smaller id first (PairLabel); what `dedup --weights learn` fits on.
            try db.execute(sql: """
                CREATE TABLE pair_label (
                    first_id TEXT NOT NULL,
                    second_id TEXT NOT NULL,
                    judgment TEXT NOT NULL CHECK (judgment IN ('same_matter', 'different', 'skip')),
                    operator TEXT NOT NULL,
                    labelled_at TEXT NOT NULL,
                    source TEXT NOT NULL,
                    PRIMARY KEY (first_id, second_id)
                ) WITHOUT ROWID;
                """)
        }
        return migrator
    }
}
