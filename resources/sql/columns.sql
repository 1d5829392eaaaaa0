-- Every column of every relation, in table order: type as format_type prints it, nullability,
-- default (or generation expression), identity, collation when not the type's default, comment.
SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull,
       CASE WHEN a.attgenerated = '' THEN coalesce(pg_get_expr(ad.adbin, ad.adrelid, true), '') ELSE '' END,
       a.attidentity::text,
       CASE WHEN a.attgenerated <> '' THEN coalesce(pg_get_expr(ad.adbin, ad.adrelid, true), '') ELSE '' END,
       CASE WHEN a.attcollation <> t.typcollation THEN coalesce(co.collname, '') ELSE '' END,
       coalesce(d.description, '')
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_collation co ON co.oid = a.attcollation
LEFT JOIN pg_description d ON d.objoid = a.attrelid AND d.classoid = 'pg_class'::regclass AND d.objsubid = a.attnum
WHERE a.attnum > 0 AND NOT a.attisdropped
  AND c.relkind IN ('r', 'p', 'f', 'v', 'm')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname !~ '^pg_(toast_)?temp_'
ORDER BY a.attrelid, a.attnum
