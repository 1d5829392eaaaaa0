-- The database, the server version and the schema unqualified names resolve to.
SELECT current_database(), current_setting('server_version'), coalesce(current_schema(), '')
