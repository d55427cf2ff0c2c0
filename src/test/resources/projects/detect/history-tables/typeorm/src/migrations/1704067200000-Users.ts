import { MigrationInterface, QueryRunner } from "typeorm";
export class Users1704067200000 implements MigrationInterface {
  async up(q: QueryRunner) { await q.query("CREATE TABLE users (id int)"); }
  async down(q: QueryRunner) { await q.query("DROP TABLE users"); }
}
