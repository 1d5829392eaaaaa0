revision = "broken1"
down_revision = None

"""This docstring
starts on line 4
and is never closed.
