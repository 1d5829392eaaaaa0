-- Tables (plain, partitioned, foreign), views and materialized views: comment, view definition,
-- row estimate (-1 when never analysed) and total size (table, indexes, TOAST).
SELECT c.oid, n.nspname, c.relname, c.relkind,
       coalesce(d.description, ''),
       CASE WHEN c.relkind IN ('v', 'm') THEN coalesce(pg_get_viewdef(c.oid, true), '') ELSE '' END,
       c.reltuples::bigint,
       CASE WHEN c.relkind IN ('r', 'm') THEN coalesce(pg_total_relation_size(c.oid), 0) ELSE 0 END
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_description d ON d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0
WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname !~ '^pg_(toast_)?temp_'
