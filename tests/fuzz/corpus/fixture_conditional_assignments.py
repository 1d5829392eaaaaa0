"""assignments that are not module-level statements are not read

"""
import typing

revision = "cond01"
down_revision = "first"
branch_labels = ("early",)

if typing.TYPE_CHECKING:
    revision = "never"
    down_revision = "never"


def helper():
    depends_on = "never"
    return depends_on


class Namespace:
    branch_labels = ("never",)


down_revision = "second"  # the later module-level assignment wins
