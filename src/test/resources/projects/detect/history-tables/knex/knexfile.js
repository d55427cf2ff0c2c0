module.exports = {
  production: {
    client: 'pg',
    connection: process.env.DATABASE_URL,
    migrations: {
      directory: './db/migrations',
      tableName: 'app_migrations',
      schemaName: 'ops',
    },
  },
};
