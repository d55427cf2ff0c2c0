import asyncio
import os

from alembic import context
from sqlalchemy.ext.asyncio import create_async_engine

from billing.db import Base

config = context.config
target_metadata = Base.metadata
url = os.environ.get("DATABASE_URL", "postgresql+asyncpg://billing:billing@localhost:5432/billing")


async def run_async_migrations() -> None:
    engine = create_async_engine(url)
    async with engine.connect() as connection:
        await connection.run_sync(lambda c: context.configure(connection=c, target_metadata=target_metadata))
        await connection.run_sync(lambda c: context.run_migrations())


asyncio.run(run_async_migrations())
