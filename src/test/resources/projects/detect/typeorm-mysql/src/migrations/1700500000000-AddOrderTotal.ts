import { MigrationInterface, QueryRunner } from "typeorm";

export class AddOrderTotal1700500000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `order` ADD `total` decimal(10,2) NOT NULL DEFAULT 0");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `order` DROP COLUMN `total`");
  }
}
