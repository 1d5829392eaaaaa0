-- Every column of every relation with its position (the reader sorts by it: sorting here would spill
-- 40,000 wide rows to disk): type as format_type prints it, nullability, default or generation
-- expression, identity, generated kind, collation when not the type's default, comment. Defaults
-- cannot refer to columns, so they are deparsed without the table's context (a third faster).
SELECT a.attrelid, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull,
       coalesce(CASE WHEN a.attgenerated = '' THEN pg_get_expr(ad.adbin, 0, true) ELSE pg_get_expr(ad.adbin, ad.adrelid, true) END, ''),
       a.attidentity::text,
       a.attgenerated::text,
       CASE WHEN a.attcollation <> t.typcollation
            THEN coalesce((SELECT co.collname FROM pg_collation co WHERE co.oid = a.attcollation), '') ELSE '' END,
       coalesce(d.description, '')
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_description d ON d.objoid = a.attrelid AND d.classoid = 'pg_class'::regclass AND d.objsubid = a.attnum
WHERE a.attnum > 0 AND NOT a.attisdropped
  AND c.relkind IN ('r', 'p', 'f', 'v', 'm')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname !~ '^pg_(toast_)?temp_'
