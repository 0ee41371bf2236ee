"""A case on a PostgreSQL server: its address, its schema and roles, and moving
a case between a laptop and the server."""
