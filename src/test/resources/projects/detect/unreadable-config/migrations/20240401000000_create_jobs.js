exports.up = (knex) => knex.schema.createTable('jobs', (t) => t.increments('id'));
exports.down = (knex) => knex.schema.dropTable('jobs');
