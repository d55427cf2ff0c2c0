import type { Knex } from "knex";

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable("orders", (table) => {
    table.increments("id");
    table.integer("user_id").unsigned().notNullable().references("id").inTable("users").onDelete("CASCADE");
    table.decimal("total", 10, 2).notNullable();
  });
  await knex.raw(`COMMENT ON TABLE orders IS 'customer orders {draft}'`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable("orders");
}
