"""crlf

Create Date: 2020
"""
revision = "b1"
down_revision = (
    "a1",  # x
    "a2",
)
branch_labels = \
    "l"
