namespace Wuhan.Resale.Web.Infrastructure.Retention;

/// <summary>
/// PostgreSQL: the audit table partitioned by year of <c>OccurredAt</c> (UTC), applied by the PostgreSQL migration
/// <c>AuditEventsByMonth</c> (keep its <c>migrationBuilder.Sql</c> calls when migrations are regenerated). Removal is
/// still by whole months (<see cref="AuditEventRetention"/>): a year past the period is dropped at once, the expired
/// months of the boundary's year are deleted in batches.
/// <list type="bullet">
/// <item>Years, not months: the look-ups of the portal are not bounded in time (an object's history, the chain's end,
/// a row by id), so every query plans and opens every partition. Measured on 20 million rows over ten years with
/// month partitions (125 of them): 3–35 ms of planning per query and the staff pages 5–11 × slower than on 1,000
/// contracts; with year partitions about a dozen (bench/RESULTS.md, "Ten-year volume run").</item>
/// <item>Partitions are named <c>AuditEvents_YYYY</c>; a default partition <c>AuditEvents_default</c> takes rows of a
/// year not prepared yet, so a write never fails for want of a partition (the next preparation moves them out).</item>
/// <item>The primary key is (Id, OccurredAt): a key on a partitioned table must contain the partition column. Ids are
/// version-7 GUIDs, unique on their own; the model keeps Id as its key.</item>
/// <item>The chain sequence index is not unique: a unique index on a partitioned table must contain the partition
/// column too, which would no longer make the sequence unique. What keeps sequences unique is that every sealer takes
/// the same transaction-scoped advisory lock before reading the chain's end (<c>AuditChain.SealBatchAsync</c>), and a
/// duplicate could not hide: the verification expects each number exactly once and reports the second as a break.</item>
/// <item>The sealer's look-up of rows not yet sealed (oldest first) has its own small partial index,
/// <c>IX_AuditEvents_Unsealed</c>: without the unique sequence index it would otherwise walk every partition's time
/// index from the oldest row on.</item>
/// <item>The portal's role has no DDL rights, so partitions are created and dropped through SECURITY DEFINER functions
/// owned by the migrating role: <c>resale_audit_prepare_months(month, count)</c> and
/// <c>resale_audit_drop_months_before(boundary)</c>, which refuses any boundary younger than ten years by the
/// database's own clock, whoever calls it.</item>
/// </list>
/// </summary>
public static class AuditPartitioning
{
    public const string Functions = """
        CREATE OR REPLACE FUNCTION resale_audit_add_year(year_start timestamptz) RETURNS boolean
        LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT SET "TimeZone" = 'UTC' AS $fn$
        DECLARE
          first timestamptz := date_trunc('year', year_start);
          next timestamptz := date_trunc('year', year_start) + interval '1 year';
          name text := 'AuditEvents_' || to_char(date_trunc('year', year_start), 'YYYY');
        BEGIN
          IF to_regclass(format('%I', name)) IS NOT NULL THEN
            RETURN false;
          END IF;
          IF EXISTS (SELECT 1 FROM "AuditEvents_default" WHERE "OccurredAt" >= first AND "OccurredAt" < next) THEN
            -- Rows of this year already went to the default partition: they move into the new one before it is attached.
            EXECUTE format('CREATE TABLE %I (LIKE "AuditEvents" INCLUDING DEFAULTS)', name);
            EXECUTE format('WITH moved AS (DELETE FROM "AuditEvents_default" WHERE "OccurredAt" >= %L AND "OccurredAt" < %L RETURNING *) '
                           'INSERT INTO %I SELECT * FROM moved', first, next, name);
            EXECUTE format('ALTER TABLE "AuditEvents" ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', name, first, next);
          ELSE
            EXECUTE format('CREATE TABLE %I PARTITION OF "AuditEvents" FOR VALUES FROM (%L) TO (%L)', name, first, next);
          END IF;
          RETURN true;
        END
        $fn$;

        -- The partitions that hold the month of from_month and the months_ahead after it; the number of months covered.
        CREATE OR REPLACE FUNCTION resale_audit_prepare_months(from_month timestamptz, months_ahead int) RETURNS int
        LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT SET "TimeZone" = 'UTC' AS $fn$
        DECLARE
          i int;
        BEGIN
          FOR i IN 0..months_ahead LOOP
            PERFORM resale_audit_add_year(date_trunc('month', from_month) + make_interval(months => i));
          END LOOP;
          RETURN months_ahead + 1;
        END
        $fn$;

        -- Drops the years wholly before boundary (a month start) and deletes the rest of the default partition before it;
        -- the months of boundary's own year before it are deleted by the caller in batches. The rows removed.
        CREATE OR REPLACE FUNCTION resale_audit_drop_months_before(boundary timestamptz) RETURNS bigint
        LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT SET "TimeZone" = 'UTC' AS $fn$
        DECLARE
          part record;
          removed bigint := 0;
          rows_in bigint;
        BEGIN
          IF boundary > now() - interval '10 years' THEN
            RAISE EXCEPTION 'audit events are kept at least ten years: nothing from % on may be removed', boundary;
          END IF;
          FOR part IN
            SELECT c.relname AS name, make_timestamptz(substr(c.relname, 13, 4)::int, 1, 1, 0, 0, 0, 'UTC') AS year
            FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = '"AuditEvents"'::regclass AND c.relname ~ '^AuditEvents_[0-9]{4}$'
            ORDER BY 2
          LOOP
            IF part.year + interval '1 year' <= boundary THEN
              EXECUTE format('SELECT count(*) FROM %I', part.name) INTO rows_in;
              EXECUTE format('ALTER TABLE "AuditEvents" DETACH PARTITION %I', part.name);
              EXECUTE format('DROP TABLE %I', part.name);
              removed := removed + rows_in;
            END IF;
          END LOOP;
          DELETE FROM "AuditEvents_default" WHERE "OccurredAt" < boundary;
          GET DIAGNOSTICS rows_in = ROW_COUNT;
          RETURN removed + rows_in;
        END
        $fn$;
        """;

    /// <summary>Turns the plain table into the partitioned one, rows, rights and indexes included.</summary>
    public const string Partition = """
        ALTER TABLE "AuditEvents" RENAME TO "AuditEvents_unpartitioned";
        ALTER TABLE "AuditEvents_unpartitioned" RENAME CONSTRAINT "PK_AuditEvents" TO "PK_AuditEvents_unpartitioned";
        DROP INDEX IF EXISTS "IX_AuditEvents_OccurredAt", "IX_AuditEvents_ChainSequence", "IX_AuditEvents_EntityId_OccurredAt",
          "IX_AuditEvents_ActorName_OccurredAt", "IX_AuditEvents_ActorId_OccurredAt", "IX_AuditEvents_Action_OccurredAt";
        CREATE TABLE "AuditEvents" (LIKE "AuditEvents_unpartitioned" INCLUDING DEFAULTS) PARTITION BY RANGE ("OccurredAt");
        CREATE TABLE "AuditEvents_default" PARTITION OF "AuditEvents" DEFAULT;
        SELECT resale_audit_add_year(year)
        FROM generate_series(
          (SELECT date_trunc('year', coalesce(min("OccurredAt"), now()) AT TIME ZONE 'UTC') FROM "AuditEvents_unpartitioned"),
          date_trunc('year', now() AT TIME ZONE 'UTC' + interval '3 months'), interval '1 year') AS years(year_utc)
        CROSS JOIN LATERAL (SELECT year_utc AT TIME ZONE 'UTC' AS year) AS y;
        INSERT INTO "AuditEvents" SELECT * FROM "AuditEvents_unpartitioned";
        DO $grants$
        DECLARE g record;
        BEGIN
          FOR g IN SELECT grantee, privilege_type FROM information_schema.role_table_grants
                   WHERE table_schema = current_schema() AND table_name = 'AuditEvents_unpartitioned' AND grantee <> current_user
          LOOP
            EXECUTE format('GRANT %s ON "AuditEvents" TO %I', g.privilege_type, g.grantee);
          END LOOP;
        END
        $grants$;
        DROP TABLE "AuditEvents_unpartitioned";
        ALTER TABLE "AuditEvents" ADD CONSTRAINT "PK_AuditEvents" PRIMARY KEY ("Id", "OccurredAt");
        CREATE INDEX "IX_AuditEvents_OccurredAt" ON "AuditEvents" ("OccurredAt");
        CREATE INDEX "IX_AuditEvents_ChainSequence" ON "AuditEvents" ("ChainSequence");
        CREATE INDEX "IX_AuditEvents_EntityId_OccurredAt" ON "AuditEvents" ("EntityId", "OccurredAt");
        CREATE INDEX "IX_AuditEvents_ActorName_OccurredAt" ON "AuditEvents" ("ActorName", "OccurredAt");
        CREATE INDEX "IX_AuditEvents_ActorId_OccurredAt" ON "AuditEvents" ("ActorId", "OccurredAt");
        CREATE INDEX "IX_AuditEvents_Action_OccurredAt" ON "AuditEvents" ("Action", "OccurredAt");
        CREATE INDEX "IX_AuditEvents_Unsealed" ON "AuditEvents" ("OccurredAt") WHERE "ChainSequence" IS NULL;
        ANALYZE "AuditEvents";
        """;

    /// <summary>Back to one plain table (the functions go; the rows stay).</summary>
    public const string Unpartition = """
        ALTER TABLE "AuditEvents" RENAME TO "AuditEvents_partitioned";
        ALTER TABLE "AuditEvents_partitioned" RENAME CONSTRAINT "PK_AuditEvents" TO "PK_AuditEvents_partitioned";
        DROP INDEX IF EXISTS "IX_AuditEvents_OccurredAt", "IX_AuditEvents_ChainSequence", "IX_AuditEvents_EntityId_OccurredAt",
          "IX_AuditEvents_ActorName_OccurredAt", "IX_AuditEvents_ActorId_OccurredAt", "IX_AuditEvents_Action_OccurredAt";
        CREATE TABLE "AuditEvents" (LIKE "AuditEvents_partitioned" INCLUDING DEFAULTS);
        INSERT INTO "AuditEvents" SELECT * FROM "AuditEvents_partitioned";
        DO $grants$
        DECLARE g record;
        BEGIN
          FOR g IN SELECT grantee, privilege_type FROM information_schema.role_table_grants
                   WHERE table_schema = current_schema() AND table_name = 'AuditEvents_partitioned' AND grantee <> current_user
          LOOP
            EXECUTE format('GRANT %s ON "AuditEvents" TO %I', g.privilege_type, g.grantee);
          END LOOP;
        END
        $grants$;
        DROP TABLE "AuditEvents_partitioned";
        ALTER TABLE "AuditEvents" ADD CONSTRAINT "PK_AuditEvents" PRIMARY KEY ("Id");
        CREATE INDEX "IX_AuditEvents_OccurredAt" ON "AuditEvents" ("OccurredAt");
        CREATE UNIQUE INDEX "IX_AuditEvents_ChainSequence" ON "AuditEvents" ("ChainSequence");
        CREATE INDEX "IX_AuditEvents_EntityId_OccurredAt" ON "AuditEvents" ("EntityId", "OccurredAt");
        CREATE INDEX "IX_AuditEvents_ActorName_OccurredAt" ON "AuditEvents" ("ActorName", "OccurredAt");
        CREATE INDEX "IX_AuditEvents_ActorId_OccurredAt" ON "AuditEvents" ("ActorId", "OccurredAt");
        CREATE INDEX "IX_AuditEvents_Action_OccurredAt" ON "AuditEvents" ("Action", "OccurredAt");
        ANALYZE "AuditEvents";
        DROP FUNCTION IF EXISTS resale_audit_prepare_months(timestamptz, int);
        DROP FUNCTION IF EXISTS resale_audit_drop_months_before(timestamptz);
        DROP FUNCTION IF EXISTS resale_audit_add_year(timestamptz);
        """;
}
