-- Indexes: uniqueness, validity, access method, partial predicate, and the key columns as numbers
-- (indkey, INCLUDE columns after the first indnkeyatts); for indexes with expression keys also each
-- key's text (pg_get_indexdef), which the reader uses where the number is 0.
SELECT i.indrelid, ic.relname, i.indisunique, i.indisprimary, i.indisvalid, am.amname,
       coalesce(pg_get_expr(i.indpred, i.indrelid, true), ''), i.indnkeyatts, i.indkey::text,
       CASE WHEN i.indexprs IS NOT NULL THEN
       (SELECT json_agg(pg_get_indexdef(i.indexrelid, k, true) ORDER BY k) FROM generate_series(1, i.indnkeyatts) k) END
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class r ON r.oid = i.indrelid
JOIN pg_namespace n ON n.oid = r.relnamespace
JOIN pg_am am ON am.oid = ic.relam
WHERE r.relkind IN ('r', 'p', 'm')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname !~ '^pg_(toast_)?temp_'
