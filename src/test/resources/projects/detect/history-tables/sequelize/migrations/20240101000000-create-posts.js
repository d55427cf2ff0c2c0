module.exports = { up: async (q, S) => q.createTable("posts", { id: { type: S.INTEGER, primaryKey: true } }), down: async (q) => q.dropTable("posts") };
