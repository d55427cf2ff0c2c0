exports.up = (knex) => knex.schema.alterTable('reports', (t) => t.integer('owner_id'));
exports.down = (knex) => knex.schema.alterTable('reports', (t) => t.dropColumn('owner_id'));
