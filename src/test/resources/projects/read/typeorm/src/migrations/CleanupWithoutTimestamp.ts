import { MigrationInterface, QueryRunner } from "typeorm";

export class CleanupWithoutTimestamp implements MigrationInterface {
    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DELETE FROM "sessions"`);
    }
}
