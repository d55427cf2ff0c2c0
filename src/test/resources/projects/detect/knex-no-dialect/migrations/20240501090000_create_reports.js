exports.up = (knex) => knex.schema.createTable('reports', (t) => {
  t.increments('id');
  t.string('title').notNullable();
});
exports.down = (knex) => knex.schema.dropTable('reports');
