-- Primary key, foreign key, unique, check and exclusion constraints: key column numbers (conkey) and
-- the referenced table and column numbers, named by the reader from the columns query (subqueries
-- here cost four times the query), the referential actions and the definition.
SELECT c.conrelid, c.conname, c.contype::text, c.conkey::text, c.confrelid, c.confkey::text,
       c.confdeltype::text, c.confupdtype::text, pg_get_constraintdef(c.oid, true)
FROM pg_constraint c
JOIN pg_class r ON r.oid = c.conrelid
JOIN pg_namespace n ON n.oid = r.relnamespace
WHERE c.contype IN ('p', 'f', 'u', 'c', 'x')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname !~ '^pg_(toast_)?temp_'
