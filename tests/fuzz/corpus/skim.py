"""ff"""
  revision = "b1"
down_revision = \
  None
def f():
    s = """
revision = "inner"
"""
    g(
x)
