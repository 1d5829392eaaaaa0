revision = "b1"
down_revision = (
  "a",
  "b"

branch_labels = None
