import { MigrationInterface, QueryRunner } from "typeorm";

export class CreateOrders1700000000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `order` (`id` int NOT NULL AUTO_INCREMENT, `reference` varchar(64) NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE `order`");
  }
}
