module.exports = {
  client: process.env.DB_CLIENT,
  connection: process.env.DATABASE_URL,
  migrations: { directory: './migrations' }
};
