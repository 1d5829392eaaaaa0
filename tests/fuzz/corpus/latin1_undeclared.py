revision = "b1"
down_revision = "café"
