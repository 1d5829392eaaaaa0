revision = make()
down_revision = get()
branch_labels = (m.X,)
depends_on = f"{a}"
