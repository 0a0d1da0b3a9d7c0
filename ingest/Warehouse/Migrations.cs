namespace Analytics.Ingest.Warehouse;

/// <summary>
/// The warehouse schema, one versioned step at a time. A step is never edited once shipped:
/// a change is a new step, so that a file made by an older build migrates forward.
/// </summary>
internal static class Migrations
{
    public static readonly IReadOnlyList<(int Version, string Description, string Sql)> Steps =
    [
        (1, "datasets of the data contract, load log and rejected rows", """
            CREATE TABLE units (
                mall_id   VARCHAR NOT NULL,
                unit_id   VARCHAR NOT NULL,
                floor     VARCHAR NOT NULL,
                zone      VARCHAR,
                area_sqm  DECIMAL(18,2) NOT NULL,
                load_id   BIGINT NOT NULL
            );
            CREATE TABLE tenants (
                mall_id           VARCHAR NOT NULL,
                tenant_id         VARCHAR NOT NULL,
                tenant_name       VARCHAR NOT NULL,
                brand             VARCHAR,
                category          VARCHAR NOT NULL,
                unit_id           VARCHAR NOT NULL,
                floor             VARCHAR,
                area_sqm          DECIMAL(18,2),
                lease_start       DATE NOT NULL,
                lease_end         DATE NOT NULL,
                base_rent         DECIMAL(18,2) NOT NULL,
                turnover_rate_pct DECIMAL(9,4) NOT NULL,
                service_charge    DECIMAL(18,2) NOT NULL,
                exit_date         DATE,
                exit_reason       VARCHAR,
                load_id           BIGINT NOT NULL
            );
            CREATE TABLE sales (
                mall_id      VARCHAR NOT NULL,
                tenant_id    VARCHAR NOT NULL,
                date         DATE NOT NULL,
                net_sales    DECIMAL(18,2) NOT NULL,
                transactions INTEGER,
                load_id      BIGINT NOT NULL
            );
            CREATE TABLE rent (
                mall_id     VARCHAR NOT NULL,
                tenant_id   VARCHAR NOT NULL,
                period      DATE NOT NULL,    -- first day of the billed month (the contract's YYYY-MM)
                charge_type VARCHAR NOT NULL,
                amount_due  DECIMAL(18,2) NOT NULL,
                due_date    DATE NOT NULL,
                amount_paid DECIMAL(18,2) NOT NULL,
                paid_date   DATE,
                load_id     BIGINT NOT NULL
            );
            CREATE TABLE complaints (
                mall_id      VARCHAR NOT NULL,
                complaint_id VARCHAR NOT NULL,
                received_at  TIMESTAMP NOT NULL,
                tenant_id    VARCHAR,          -- null: about the mall itself
                channel      VARCHAR,
                category     VARCHAR NOT NULL,
                severity     INTEGER NOT NULL,
                status       VARCHAR NOT NULL,
                resolved_at  TIMESTAMP,
                description  VARCHAR,
                load_id      BIGINT NOT NULL
            );
            CREATE TABLE inspections (
                mall_id   VARCHAR NOT NULL,
                date      DATE NOT NULL,
                tenant_id VARCHAR NOT NULL,
                type      VARCHAR NOT NULL,
                minutes   INTEGER,
                note      VARCHAR,
                load_id   BIGINT NOT NULL
            );
            CREATE TABLE footfall (
                mall_id  VARCHAR NOT NULL,
                date     DATE NOT NULL,
                zone     VARCHAR NOT NULL,     -- '' is the whole mall (the contract's empty zone)
                visitors BIGINT NOT NULL,
                load_id  BIGINT NOT NULL
            );
            CREATE TABLE load_log (
                load_id     BIGINT PRIMARY KEY,
                started_at  TIMESTAMP NOT NULL,
                finished_at TIMESTAMP NOT NULL,
                source      VARCHAR NOT NULL,
                rows_read     BIGINT NOT NULL,
                rows_loaded   BIGINT NOT NULL,
                rows_rejected BIGINT NOT NULL
            );
            CREATE TABLE load_files (
                load_id       BIGINT NOT NULL,
                file          VARCHAR NOT NULL,
                sheet         VARCHAR,
                dataset       VARCHAR NOT NULL,
                sha256        VARCHAR NOT NULL,
                rows_read     BIGINT NOT NULL,
                rows_loaded   BIGINT NOT NULL,
                rows_rejected BIGINT NOT NULL,
                ignored_columns VARCHAR
            );
            CREATE TABLE rejected_rows (
                load_id BIGINT NOT NULL,
                file    VARCHAR NOT NULL,
                dataset VARCHAR NOT NULL,
                line    BIGINT NOT NULL,
                "column" VARCHAR,
                value   VARCHAR,
                reason  VARCHAR NOT NULL
            );
            """),
        (2, "API users with salted key hashes, audit log of API access, uploaded drops", """
            CREATE TABLE api_users (
                name       VARCHAR PRIMARY KEY,
                role       VARCHAR NOT NULL,   -- admin, leasing, gm, merchant
                tenant_id  VARCHAR,            -- set for a merchant: the one tenant its key may read
                key_id     VARCHAR NOT NULL UNIQUE, -- public part of the key, to find the row without scanning hashes
                key_salt   BLOB NOT NULL,
                key_hash   BLOB NOT NULL,      -- SHA-256(salt || secret); the key itself is never stored
                created_at TIMESTAMP NOT NULL,
                revoked_at TIMESTAMP
            );
            CREATE SEQUENCE audit_log_seq START 1;
            CREATE TABLE audit_log (
                audit_id    BIGINT PRIMARY KEY DEFAULT nextval('audit_log_seq'),
                occurred_at TIMESTAMP NOT NULL,
                user_name   VARCHAR,           -- null: the caller was not authenticated
                role        VARCHAR,
                action      VARCHAR NOT NULL,  -- e.g. download, upload, users.add
                resource    VARCHAR NOT NULL,  -- what was asked for, e.g. the request path
                status      INTEGER NOT NULL,  -- HTTP status (or 0 for a command-line action)
                client_ip   VARCHAR
            );
            CREATE TABLE api_drops (
                drop_id     BIGINT PRIMARY KEY,
                received_at TIMESTAMP NOT NULL,
                source      VARCHAR NOT NULL,  -- upload or inbox
                uploaded_by VARCHAR,
                folder      VARCHAR NOT NULL,
                status      VARCHAR NOT NULL,  -- queued, loading, loaded, refused, failed
                load_id     BIGINT,
                finished_at TIMESTAMP,
                message     VARCHAR,
                result_json VARCHAR            -- per-file counts and the first rejects, as served by GET /api/drops/{id}
            );
            """),
        (7, "each flag's track record from the latest backtest (precision, base rate, lift, 95 % interval per horizon)", """
            CREATE TABLE flag_track_record (
                scope          VARCHAR NOT NULL,  -- the mall backtested, or '' for every mall
                from_period    DATE NOT NULL,
                to_period      DATE NOT NULL,
                flag           VARCHAR NOT NULL,
                horizon_months INTEGER NOT NULL,
                flagged        INTEGER NOT NULL,
                hits           INTEGER NOT NULL,
                precision      DOUBLE,
                base_rate      DOUBLE,
                lift           DOUBLE,
                ci_low         DOUBLE,
                ci_high        DOUBLE,
                PRIMARY KEY (scope, flag, horizon_months)
            );
            """),
    ];
}
