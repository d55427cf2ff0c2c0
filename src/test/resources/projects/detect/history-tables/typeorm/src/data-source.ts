import { DataSource } from "typeorm";

export const AppDataSource = new DataSource({
  type: "postgres",
  url: process.env.DATABASE_URL,
  migrations: ["src/migrations/*.ts"],
  migrationsTableName: "typeorm_history",
});
