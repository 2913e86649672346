import PostgresNIO

/// The PostgreSQL schema, as numbered migrations recorded in `schema_version`:
/// each runs once, in order, in its own transaction (PostgreSQL's DDL is
/// transactional), so a database is never left half-migrated; concurrent
/// openers serialise on an advisory lock while they migrate.
///
/// The tables mirror SQLite's (`Schema.swift` in PetitionStore) column for
/// column, with these differences:
/// - `petition` is partitioned by city (`city_code`, see ``RegionCode``):
///   `PARTITION BY LIST`, one partition per city created when its first
///   petition arrives, and a default partition for petitions with no usable
///   region code. A partitioned table's keys must include the partition key,
///   so the global uniqueness of `id` and `rowid` is kept by `petition_ref`.
/// - The full-text index is `petition_search.search`, a `tsvector` the Swift
///   analyzer writes (``SearchVector``), with a GIN index: PostgreSQL never
///   tokenizes Chinese itself. It is one table beside the partitions (see its migration).
/// - Blobs are `bytea`, booleans `boolean`, integers `bigint`.
/// - Every text column is `COLLATE "C"`: SQLite compares text byte by byte,
///   so ORDER BY, min/max and LIKE give the same answers whatever the
///   database's default collation.
/// - No foreign keys: petitions are never deleted, and a partitioned parent
///   could only be referenced with its partition key.
/// - The audit trail is append-only by trigger, as on SQLite, and TRUNCATE is refused too.
enum PostgresSchema {
    struct Migration {
        let version: Int
        let description: String
        let statements: [String]
    }

    /// Key of the advisory lock taken while migrating.
    static let migrationLock: Int64 = 0x7065_7469_7469_6F6D

    static var latestVersion: Int { migrations.last?.version ?? 0 }

    static let migrations: [Migration] = [
        Migration(version: 1, description: "petitions partitioned by city, full-text vectors, petitioners, backlog cases", statements: [
            "CREATE SEQUENCE petition_rowid_seq",
            """
            CREATE TABLE petition_ref (
                id text COLLATE "C" PRIMARY KEY,
                rowid bigint NOT NULL UNIQUE,
                city_code text COLLATE "C" NOT NULL
            )
            """,
            """
            CREATE TABLE petition (
                rowid bigint NOT NULL,
                city_code text COLLATE "C" NOT NULL,
                id text COLLATE "C" NOT NULL,
                received_at text COLLATE "C" NOT NULL,
                channel text COLLATE "C", level text COLLATE "C",
                province text COLLATE "C", city text COLLATE "C", county text COLLATE "C", region_code text COLLATE "C",
                headcount bigint, respondent text COLLATE "C", category text COLLATE "C",
                title text COLLATE "C", content text COLLATE "C" NOT NULL,
                record_hash text COLLATE "C" NOT NULL,
                imported_at text COLLATE "C" NOT NULL,
                handling text COLLATE "C", handling_stage text COLLATE "C",
                PRIMARY KEY (rowid, city_code)
            ) PARTITION BY LIST (city_code)
            """,
            "CREATE TABLE petition_p_default PARTITION OF petition DEFAULT",
            "CREATE INDEX petition_id ON petition (id)",
            "CREATE INDEX petition_received_at ON petition (received_at, id)",
            "CREATE INDEX petition_region_code ON petition (region_code text_pattern_ops)",
            "CREATE INDEX petition_category ON petition (category)",
            "CREATE INDEX petition_level ON petition (level)",
            "CREATE INDEX petition_channel ON petition (channel)",
            "CREATE INDEX petition_place ON petition (province, city, county)",
            "CREATE INDEX petition_handling_stage ON petition (handling_stage) WHERE handling_stage IS NOT NULL",
            // One GIN index over every city, not one per partition: a search or a check's
            // candidates then read one index instead of a bitmap scan per partition (measured
            // 43 against 350–500 ms for a phrase matching 5,764 of 200,000). lz4 and MAIN keep
            // the vector in the row, compressed fast, so rechecking a phrase's positions does
            // not go through the TOAST table.
            """
            CREATE TABLE petition_search (
                rowid bigint PRIMARY KEY,
                city_code text COLLATE "C" NOT NULL,
                search tsvector COMPRESSION lz4 NOT NULL
            )
            """,
            "ALTER TABLE petition_search ALTER COLUMN search SET STORAGE MAIN",
            "CREATE INDEX petition_search_vector ON petition_search USING gin (search)",
            """
            CREATE TABLE petitioner (
                petition_rowid bigint NOT NULL,
                position integer NOT NULL,
                name text COLLATE "C", id_number text COLLATE "C", phone text COLLATE "C",
                id_canonical text COLLATE "C", id_valid boolean, phone_canonical text COLLATE "C",
                PRIMARY KEY (petition_rowid, position)
            )
            """,
            "CREATE INDEX petitioner_id_canonical ON petitioner (id_canonical)",
            "CREATE INDEX petitioner_phone_canonical ON petitioner (phone_canonical)",
            "CREATE INDEX petitioner_name ON petitioner (name)",
            """
            CREATE TABLE backlog_case (
                rowid bigserial PRIMARY KEY,
                case_id text COLLATE "C" NOT NULL UNIQUE,
                title text COLLATE "C" NOT NULL, summary text COLLATE "C",
                province text COLLATE "C", city text COLLATE "C", county text COLLATE "C", category text COLLATE "C",
                opened_at text COLLATE "C", leader text COLLATE "C", responsible_units text COLLATE "C" NOT NULL DEFAULT '[]', status text COLLATE "C",
                record_hash text COLLATE "C" NOT NULL,
                imported_at text COLLATE "C" NOT NULL
            )
            """,
        ]),
        Migration(version: 2, description: "repeat detection: profiles, blocking keys, matters, runs, index state, weights", statements: [
            """
            CREATE TABLE petition_profile (
                petition_rowid bigint PRIMARY KEY,
                profile bytea NOT NULL,
                vector bytea,
                indexed bytea
            )
            """,
            """
            CREATE TABLE block_key (
                key text COLLATE "C" NOT NULL,
                petition_rowid bigint NOT NULL,
                PRIMARY KEY (key, petition_rowid)
            )
            """,
            "CREATE INDEX block_key_petition ON block_key (petition_rowid)",
            """
            CREATE TABLE matter (
                matter_id text COLLATE "C" PRIMARY KEY,
                seq bigint NOT NULL UNIQUE,
                class_id text COLLATE "C",
                backlog_case_id text COLLATE "C",
                run_id bigint
            )
            """,
            "CREATE INDEX matter_class ON matter (class_id)",
            "CREATE INDEX matter_backlog ON matter (backlog_case_id)",
            """
            CREATE TABLE assignment (
                petition_rowid bigint PRIMARY KEY,
                matter_id text COLLATE "C" NOT NULL,
                score double precision,
                repeat_of text COLLATE "C",
                run_id bigint
            )
            """,
            "CREATE INDEX assignment_matter ON assignment (matter_id)",
            "CREATE INDEX assignment_run ON assignment (run_id)",
            """
            CREATE TABLE escalation (
                petition_rowid bigint PRIMARY KEY,
                earlier_id text COLLATE "C" NOT NULL,
                from_level text COLLATE "C" NOT NULL,
                to_level text COLLATE "C" NOT NULL,
                skipped_levels bigint NOT NULL
            )
            """,
            """
            CREATE TABLE class_case (
                class_id text COLLATE "C" PRIMARY KEY,
                place text COLLATE "C" NOT NULL,
                concept text COLLATE "C" NOT NULL,
                matters bigint NOT NULL
            )
            """,
            """
            CREATE TABLE dedup_run (
                run_id bigserial PRIMARY KEY,
                started_at text COLLATE "C" NOT NULL,
                finished_at text COLLATE "C",
                "full" boolean NOT NULL,
                scored bigint NOT NULL DEFAULT 0,
                new_matters bigint NOT NULL DEFAULT 0,
                repeats bigint NOT NULL DEFAULT 0
            )
            """,
            """
            CREATE TABLE index_state (
                id integer PRIMARY KEY CHECK (id = 1),
                run_id bigint NOT NULL,
                assigned bigint NOT NULL,
                statistics bytea NOT NULL
            )
            """,
            """
            CREATE TABLE match_weights (
                id integer PRIMARY KEY CHECK (id = 1),
                run_id bigint,
                weights text COLLATE "C" NOT NULL
            )
            """,
        ]),
        Migration(version: 3, description: "append-only audit trail, the service's tokens", statements: [
            """
            CREATE TABLE audit_log (
                seq bigserial PRIMARY KEY,
                at text COLLATE "C" NOT NULL,
                operator text COLLATE "C" NOT NULL,
                command text COLLATE "C" NOT NULL,
                subject text COLLATE "C",
                returned text COLLATE "C" NOT NULL DEFAULT '[]',
                revealed boolean NOT NULL DEFAULT false,
                reason text COLLATE "C"
            )
            """,
            "CREATE INDEX audit_log_at ON audit_log (at)",
            """
            CREATE FUNCTION audit_log_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
            END
            $$
            """,
            """
            CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
            FOR EACH ROW EXECUTE FUNCTION audit_log_refuse()
            """,
            """
            CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
            FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse()
            """,
            """
            CREATE TABLE service_token (
                token_id text COLLATE "C" PRIMARY KEY,
                token_hash text COLLATE "C" NOT NULL UNIQUE,
                operator text COLLATE "C" NOT NULL,
                role text COLLATE "C" NOT NULL,
                created_at text COLLATE "C" NOT NULL,
                revoked_at text COLLATE "C"
            )
            """,
        ]),
        Migration(version: 4, description: "nightly runs per city: scoped class cases, index state per city, runs by city", statements: [
            // A city's run (`dedup --region`) finds its petitions through petition_ref by city.
            "CREATE INDEX petition_ref_city ON petition_ref (city_code, rowid)",
            // Class ids are made from a matter id, and matter ids are global, so they never collide;
            // `scope` says which run owns the row ('' for a whole-database run).
            "ALTER TABLE class_case ADD COLUMN scope text COLLATE \"C\" NOT NULL DEFAULT ''",
            "ALTER TABLE dedup_run ADD COLUMN city_code text COLLATE \"C\"",
            """
            CREATE TABLE region_index_state (
                city_code text COLLATE "C" PRIMARY KEY,
                run_id bigint NOT NULL,
                assigned bigint NOT NULL,
                statistics bytea NOT NULL
            )
            """,
        ]),
        Migration(version: 5, description: "what an intake check shows of a candidate, beside its id", statements: [
            // The check loads up to 200 candidates by rowid. Found through the
            // partitioned table, each lookup probes every city's partition and
            // the plan is made anew for each check (about 50 ms at 200,000
            // petitions); from petition_ref, which is not partitioned, 4 ms.
            "ALTER TABLE petition_ref ADD COLUMN received_at text COLLATE \"C\", ADD COLUMN level text COLLATE \"C\"",
            "UPDATE petition_ref r SET received_at = p.received_at, level = p.level FROM petition p WHERE p.rowid = r.rowid",
            "ALTER TABLE petition_ref ALTER COLUMN received_at SET NOT NULL",
        ]),
        Migration(version: 6, description: "officials' judgments of pairs", statements: [
            """
            CREATE TABLE pair_label (
                first_id text COLLATE "C" NOT NULL,
                second_id text COLLATE "C" NOT NULL,
                judgment text COLLATE "C" NOT NULL CHECK (judgment IN ('same_matter', 'different', 'skip')),
                operator text COLLATE "C" NOT NULL,
                labelled_at text COLLATE "C" NOT NULL,
                source text COLLATE "C" NOT NULL,
                PRIMARY KEY (first_id, second_id)
            )
            """,
        ]),
    ]

    /// Whether the database holds this tool's tables.
    static func isInitialised(_ pool: PostgresConnectionPool) throws -> Bool {
        try pool.withSession { try $0.scalar("SELECT to_regclass('schema_version') IS NOT NULL", as: Bool.self) ?? false }
    }

    /// Brings the database to the latest version.
    static func migrate(_ pool: PostgresConnectionPool) throws {
        try pool.withSession { session in
            // Two processes opening a new database at once: one migrates, the other waits and finds it done.
            try session.execute("SELECT pg_advisory_lock(\(migrationLock))")
            defer { _ = try? session.execute("SELECT pg_advisory_unlock(\(migrationLock))") }
            try session.execute("""
                CREATE TABLE IF NOT EXISTS schema_version (
                    version integer PRIMARY KEY,
                    description text COLLATE "C" NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """)
            let current = try session.scalar("SELECT max(version) FROM schema_version", as: Int.self) ?? 0
            if current > latestVersion {
                throw PostgresStoreError.schemaTooNew(database: pool.location.description, found: current,
                                                      known: latestVersion)
            }
            for migration in migrations where migration.version > current {
                try session.execute("BEGIN")
                do {
                    for statement in migration.statements { try session.execute(PostgresQuery(unsafeSQL: statement)) }
                    try session.execute(
                        "INSERT INTO schema_version (version, description) VALUES (\(migration.version), \(migration.description))")
                    try session.execute("COMMIT")
                } catch {
                    _ = try? session.execute("ROLLBACK")
                    throw error
                }
            }
        }
    }
}
