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
        (4, "tenants.contact_email; deliveries: every mail of a document, sent or not", """
            ALTER TABLE tenants ADD COLUMN contact_email VARCHAR;
            CREATE TABLE deliveries (
                message_id        VARCHAR PRIMARY KEY, -- derived from mall, document, period, tenant, language, recipient: a re-run finds it
                mall_id           VARCHAR NOT NULL,
                document          VARCHAR NOT NULL,    -- weekly, monthly, merchant
                period            VARCHAR NOT NULL,    -- YYYY-MM, or YYYY-Www for the weekly brief
                tenant_id         VARCHAR,             -- the merchant of a sheet; null for the briefs
                language          VARCHAR NOT NULL,    -- zh or en
                recipient         VARCHAR NOT NULL,
                attachment        VARCHAR NOT NULL,    -- file name of the attached PDF
                attachment_sha256 VARCHAR NOT NULL,
                status            VARCHAR NOT NULL,    -- sent, failed (refused for good: 5xx), pending (to be retried)
                attempts          INTEGER NOT NULL,
                last_error        VARCHAR,             -- the server's answer or the connection problem; never a credential
                created_at        TIMESTAMP NOT NULL,
                updated_at        TIMESTAMP NOT NULL,
                sent_at           TIMESTAMP
            );
            """),
        (5, "people's sign-in (password hash and lockout per user) and the leasing team's decisions on flags", """
            CREATE TABLE user_passwords (
                name          VARCHAR PRIMARY KEY, -- api_users.name
                password_hash VARCHAR NOT NULL,    -- ASP.NET Core Identity PasswordHasher (PBKDF2, salted, versioned)
                changed_at    TIMESTAMP NOT NULL,
                failed_logins INTEGER NOT NULL DEFAULT 0, -- wrong passwords since the last sign-in or lockout
                locked_until  TIMESTAMP                   -- no sign-in before this time
            );
            CREATE SEQUENCE decisions_seq START 1;
            CREATE TABLE decisions (
                decision_id BIGINT PRIMARY KEY DEFAULT nextval('decisions_seq'),
                decided_at  TIMESTAMP NOT NULL,
                decided_by  VARCHAR NOT NULL,
                tenant_id   VARCHAR NOT NULL,
                flag        VARCHAR NOT NULL,   -- a flag code of the analysis
                period      DATE NOT NULL,      -- first day of the analysed month the flag was raised in
                action      VARCHAR NOT NULL,   -- accept, defer or dismiss
                until       DATE,               -- defer: the flag is quiet until this day
                note        VARCHAR NOT NULL,
                score       DOUBLE              -- the tenant's score when decided: the evidence a later month is compared with
            );
            """),
        (6, "version 2 datasets: malls, turnover tiers, budgets, merchants' requests; credit file history", """
            CREATE TABLE malls (
                mall_id      VARCHAR NOT NULL,
                mall_name    VARCHAR NOT NULL,
                mall_name_en VARCHAR,
                city         VARCHAR,
                time_zone    VARCHAR NOT NULL,  -- IANA name
                currency     VARCHAR NOT NULL,  -- ISO code
                load_id      BIGINT NOT NULL
            );
            CREATE TABLE turnover_tiers (
                mall_id     VARCHAR NOT NULL,
                tenant_id   VARCHAR NOT NULL,
                lease_start DATE NOT NULL,        -- with tenant_id, names the lease
                sales_from  DECIMAL(18,2) NOT NULL, -- monthly net sales from which rate_pct applies
                rate_pct    DECIMAL(9,4) NOT NULL,
                load_id     BIGINT NOT NULL
            );
            CREATE TABLE budget (
                mall_id      VARCHAR NOT NULL,
                tenant_id    VARCHAR NOT NULL,
                period       DATE NOT NULL,       -- first day of the month
                sales_budget DECIMAL(18,2),
                rent_budget  DECIMAL(18,2),
                load_id      BIGINT NOT NULL
            );
            CREATE TABLE requests (
                mall_id     VARCHAR NOT NULL,
                request_id  VARCHAR NOT NULL,
                raised_at   TIMESTAMP NOT NULL,
                tenant_id   VARCHAR NOT NULL,
                category    VARCHAR NOT NULL,
                status      VARCHAR NOT NULL,
                resolved_at TIMESTAMP,
                description VARCHAR,
                resolution  VARCHAR,
                load_id     BIGINT NOT NULL
            );
            CREATE TABLE credit_history (
                mall_id     VARCHAR NOT NULL,
                tenant_id   VARCHAR NOT NULL,
                period      DATE NOT NULL,      -- first day of the graded month
                grade       VARCHAR NOT NULL,   -- A, B, C or D
                points      INTEGER NOT NULL,
                deductions  VARCHAR NOT NULL,   -- readable list: points, rule, date and source row of each
                computed_at TIMESTAMP NOT NULL,
                PRIMARY KEY (mall_id, tenant_id, period)
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
        (8, "the month's analysis stored (metrics, peer benchmarks, scores, flags, model card) with the fingerprint of its inputs", """
            CREATE TABLE analysis_results (
                mall_id     VARCHAR NOT NULL,  -- the mall analysed, or '' for every mall of the warehouse
                period      DATE NOT NULL,     -- first day of the month
                fingerprint VARCHAR NOT NULL,  -- SHA-256 of the inputs: loads, settings, track record, analysis version
                computed_at TIMESTAMP NOT NULL,
                model_card  VARCHAR NOT NULL,
                result      VARCHAR NOT NULL,  -- the whole result as JSON (tenant frames with metrics and peer medians, scores, flags, model reports)
                PRIMARY KEY (mall_id, period)
            );
            CREATE TABLE analysis_scores (
                mall_id   VARCHAR NOT NULL,
                period    DATE NOT NULL,
                tenant_id VARCHAR NOT NULL,
                total     DOUBLE,
                risk      DOUBLE
            );
            CREATE TABLE analysis_flags (
                mall_id   VARCHAR NOT NULL,
                period    DATE NOT NULL,
                tenant_id VARCHAR NOT NULL,
                flag      VARCHAR NOT NULL,
                priority  VARCHAR NOT NULL
            );
            """),
        (9, "the month's tenant and mall metrics stored with the month's analysis, as the metrics export prints them", """
            CREATE TABLE analysis_metrics (
                mall_id             VARCHAR NOT NULL,  -- the mall analysed, or '' for every mall of the warehouse (as analysis_scores)
                period              DATE NOT NULL,
                mall                VARCHAR NOT NULL,  -- the tenant's own mall
                tenant_id           VARCHAR NOT NULL,
                tenant_name         VARCHAR NOT NULL,
                category            VARCHAR NOT NULL,
                floor               VARCHAR,
                unit_id             VARCHAR NOT NULL,
                net_sales           DECIMAL(18,2) NOT NULL,
                transactions        BIGINT,
                avg_ticket          DOUBLE,
                area_sqm            DECIMAL(18,2),
                sales_density       DOUBLE,
                sales_density_ttm   DOUBLE,
                yoy                 DOUBLE,
                occupancy_cost      DECIMAL(18,2),
                ocr                 DOUBLE,
                ocr_ttm             DOUBLE,
                arrears             DECIMAL(18,2) NOT NULL,
                arrears_days        BIGINT NOT NULL,
                aging_1_30          DECIMAL(18,2) NOT NULL,
                aging_31_60         DECIMAL(18,2) NOT NULL,
                aging_61_90         DECIMAL(18,2) NOT NULL,
                aging_over_90       DECIMAL(18,2) NOT NULL,
                late_share_12m      DOUBLE,
                complaints          BIGINT NOT NULL,
                complaints_weighted BIGINT NOT NULL,
                complaint_rate      DOUBLE,
                violations          BIGINT NOT NULL,
                months_open         BIGINT NOT NULL,
                months_to_expiry    BIGINT NOT NULL,
                sales_budget        DECIMAL(18,2),
                sales_vs_budget     DOUBLE,
                rent_budget         DECIMAL(18,2),
                rent_vs_budget      DOUBLE,
                requests_open       BIGINT NOT NULL,
                requests_overdue    BIGINT NOT NULL
            );
            CREATE TABLE analysis_mall_metrics (
                mall_id         VARCHAR NOT NULL,  -- the mall analysed, or '' for every mall of the warehouse
                period          DATE NOT NULL,
                mall            VARCHAR NOT NULL,  -- the row's mall
                gla_sqm         DECIMAL(18,2),
                occupancy_rate  DOUBLE,
                mall_sales      DECIMAL(18,2) NOT NULL,
                mall_density    DOUBLE,
                collection_rate DOUBLE,
                footfall        BIGINT,
                conversion      DOUBLE,
                tenants         BIGINT NOT NULL
            );
            """),
    ];
}
