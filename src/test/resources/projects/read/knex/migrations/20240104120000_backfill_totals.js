exports.up = async function (knex) {
  await knex('orders').whereNull('total').update({ total: 0 });
};
