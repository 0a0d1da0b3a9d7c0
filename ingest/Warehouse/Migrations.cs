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
    ];
}
