-- Tables (plain, partitioned, foreign), views and materialized views: comment, view definition,
-- row estimate (-1 when never analysed) and size estimate (pages of the table, its indexes and its
-- TOAST table as of the last VACUUM/ANALYZE/CREATE INDEX). From pg_class alone: pg_total_relation_size
-- would open (and lock) every relation, ten times slower at 2,000 tables and blocked by any migration
-- holding an exclusive lock.
SELECT c.oid, n.nspname, c.relname, c.relkind,
       coalesce(d.description, ''),
       CASE WHEN c.relkind IN ('v', 'm') THEN coalesce(pg_get_viewdef(c.oid, true), '') ELSE '' END,
       c.reltuples::bigint,
       (c.relpages::bigint + coalesce(t.relpages, 0) + coalesce(ix.pages, 0)) * current_setting('block_size')::bigint
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class t ON t.oid = c.reltoastrelid
LEFT JOIN (SELECT i.indrelid, sum(ic.relpages)::bigint AS pages
           FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
           GROUP BY i.indrelid) ix ON ix.indrelid = c.oid
LEFT JOIN pg_description d ON d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0
WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname !~ '^pg_(toast_)?temp_'
