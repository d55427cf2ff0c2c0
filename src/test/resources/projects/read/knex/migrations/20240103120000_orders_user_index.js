exports.config = { transaction: false };

exports.up = (knex) => knex.raw('CREATE INDEX CONCURRENTLY orders_user_id_idx ON orders (user_id)');

exports.down = (knex) => knex.raw('DROP INDEX CONCURRENTLY orders_user_id_idx');
