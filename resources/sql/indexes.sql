-- Indexes with their key columns (a column name, or the expression text for expression keys;
-- INCLUDE columns left out), uniqueness, partial predicate, access method and validity.
SELECT i.indrelid, ic.relname, i.indisunique, i.indisprimary, i.indisvalid, am.amname,
       coalesce(pg_get_expr(i.indpred, i.indrelid, true), ''),
       (SELECT json_agg(CASE WHEN k.num <> 0 THEN a.attname::text
                             ELSE pg_get_indexdef(i.indexrelid, k.ord::int, true) END ORDER BY k.ord)
        FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(num, ord)
        LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.num
        WHERE k.ord <= i.indnkeyatts)
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class r ON r.oid = i.indrelid
JOIN pg_namespace n ON n.oid = r.relnamespace
JOIN pg_am am ON am.oid = ic.relam
WHERE r.relkind IN ('r', 'p', 'm')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname !~ '^pg_(toast_)?temp_'
