import "reflect-metadata";
import { DataSource } from "typeorm";
import { Order } from "./entity/Order";

export const AppDataSource = new DataSource({
  type: "mysql",
  host: process.env.DB_HOST ?? "localhost",
  port: 3306,
  username: "orders",
  password: process.env.DB_PASSWORD,
  database: "orders",
  synchronize: false,
  logging: false,
  entities: [Order],
  migrations: ["src/migrations/*.ts"],
});
