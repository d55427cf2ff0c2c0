import { MigrationInterface, QueryRunner, Table, TableColumn, TableForeignKey, TableIndex } from "typeorm";

export class AddProfile1700000100000 implements MigrationInterface {

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.createTable(new Table({
            name: "profile",
            columns: [
                { name: "id", type: "int", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
                { name: "bio", type: "varchar", length: "500", isNullable: true },
                { name: "status", type: "enum", enum: ["draft", "public"], default: "'draft'" },
                { name: "userId", type: "int" },
            ],
            foreignKeys: [
                { columnNames: ["userId"], referencedTableName: "user", referencedColumnNames: ["id"], onDelete: "CASCADE" },
            ],
            indices: [
                { columnNames: ["userId"] },
            ],
        }), true);

        await queryRunner.addColumn("user", new TableColumn({
            name: "nickname",
            type: "varchar",
            length: "64",
        }));

        await queryRunner.createIndex("user", new TableIndex({
            name: "IDX_USER_NICKNAME",
            columnNames: ["nickname"],
            isUnique: true,
        }));

        await queryRunner.createForeignKey("photo", new TableForeignKey({
            columnNames: ["userId"],
            referencedColumnNames: ["id"],
            referencedTableName: "user",
            onDelete: "SET NULL",
        }));

        await queryRunner.query(
            `UPDATE "user" SET "nickname" = $1 WHERE "nickname" IS NULL`,
            ["anonymous"],
        );
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        const table = await queryRunner.getTable("photo");
        const foreignKey = table!.foreignKeys.find((fk) => fk.columnNames.indexOf("userId") !== -1);
        await queryRunner.dropForeignKey("photo", foreignKey!);
        await queryRunner.dropIndex("user", "IDX_USER_NICKNAME");
        await queryRunner.dropColumn("user", "nickname");
        await queryRunner.dropTable("profile");
    }
}
