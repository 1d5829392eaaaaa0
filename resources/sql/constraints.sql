-- Primary key, foreign key, unique, check and exclusion constraints with their columns (JSON
-- arrays, in key order), the referenced table and columns, the referential actions and the definition.
SELECT c.conrelid, c.conname, c.contype::text,
       coalesce((SELECT json_agg(a.attname ORDER BY k.ord)
                 FROM unnest(c.conkey) WITH ORDINALITY k(num, ord)
                 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num), '[]'),
       CASE WHEN c.contype = 'f' THEN fn.nspname || '.' || fc.relname ELSE '' END,
       coalesce((SELECT json_agg(a.attname ORDER BY k.ord)
                 FROM unnest(c.confkey) WITH ORDINALITY k(num, ord)
                 JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num), '[]'),
       c.confdeltype::text, c.confupdtype::text,
       pg_get_constraintdef(c.oid, true)
FROM pg_constraint c
JOIN pg_class r ON r.oid = c.conrelid
JOIN pg_namespace n ON n.oid = r.relnamespace
LEFT JOIN pg_class fc ON fc.oid = c.confrelid
LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
WHERE c.contype IN ('p', 'f', 'u', 'c', 'x')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname !~ '^pg_(toast_)?temp_'
