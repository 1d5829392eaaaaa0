"""unclosed bracket"""
revision = "broken2"
down_revision = (
    "a",
    "b",

branch_labels = None
