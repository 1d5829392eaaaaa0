from __future__ import annotations

"""This string is not the module docstring: the __future__ import comes first.

Create Date: 2020-01-01 00:00:00
"""

revision = "0003"
down_revision = "kilo"
branch_labels = "standalone"
depends_on = ()
