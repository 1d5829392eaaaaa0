revision = "b1
down_revision = None
