from alembic import context

with context.begin_transaction():
    context.run_migrations()
