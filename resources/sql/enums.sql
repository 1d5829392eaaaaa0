-- Enum types with their labels in sort order (a JSON array) and comments.
SELECT n.nspname, t.typname, json_agg(e.enumlabel ORDER BY e.enumsortorder), coalesce(d.description, '')
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
JOIN pg_enum e ON e.enumtypid = t.oid
LEFT JOIN pg_description d ON d.objoid = t.oid AND d.classoid = 'pg_type'::regclass AND d.objsubid = 0
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname !~ '^pg_(toast_)?temp_'
GROUP BY n.nspname, t.typname, d.description
