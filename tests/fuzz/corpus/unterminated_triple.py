revision = "b1"
down_revision = None
x = """never
closed
