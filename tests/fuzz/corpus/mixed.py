import os; revision = "b1"
if x: down_revision = "a"; depends_on = "z"
down_revision = r"\d" "\x41\u00e9\N{BULLET}" f"{x}"
branch_labels = {"a", "b"}
depends_on = [("a"), "b",]
